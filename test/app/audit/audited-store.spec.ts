import assert from 'node:assert/strict';
import { changeActionStatus } from '../../../src/app/agreements/change-action-item';
import { auditContext } from '../../../src/app/audit/audit-context';
import { AUDIT_VALUE_MAX_CHARS, REDACTED, type AuditRecord } from '../../../src/app/audit/audit-record';
import { AuditRecordWriteRefused, auditedStore } from '../../../src/app/audit/audited-store';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { ConcurrencyError, ConflictError } from '../../../src/app/ports/store-errors';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { recordAttendance } from '../../../src/app/sessions/attendance';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { fixedClock } from '../../../src/domain/clock';
import { seatDocumentId } from '../../../src/domain/ids';
import { ENGINES } from '../../support/engines';
import { approveAgreements, minutesWith } from '../agreements/agreement-fixtures';
import { AFTER_SESSION, committeeAndSession, holdSession } from '../minutes/minutes-world';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../sessions/session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

interface Note extends Document {
  readonly type: 'note';
  readonly text: string;
  readonly tags?: readonly string[];
  readonly calendarToken?: string;
}

for (const engine of ENGINES) {
  describe(`app/audit: every change leaves its audit record, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let raw: DocumentStore;
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      raw = opened.store;
      // Until the world exists (while it sets itself up), records take the instant it starts at.
      const start = fixedClock('2026-11-21T10:00:00Z');
      const ready: { world?: SessionWorld } = {};
      ready.world = await SessionWorld.create(auditedStore(raw, { now: () => (ready.world?.clock ?? start).now() }));
      world = ready.world;
    });
    afterEach(async () => close());

    const records = () => raw.query<AuditRecord>(COMMITTEE, { type: 'audit' });
    /** Runs the work as the person's turn and answers the audit records it left. */
    async function recorded(who: PersonKey | 'scheduler', work: () => Promise<unknown>): Promise<AuditRecord[]> {
      const known = new Set((await records()).map((record) => record.id));
      const actor =
        who === 'scheduler'
          ? { actorId: 'scheduler', source: 'scheduler' as const }
          : { actorId: PEOPLE[who], source: 'bot' as const };
      await (who === 'scheduler' ? work() : auditContext.run(actor, work));
      return (await records())
        .filter((record) => !known.has(record.id))
        .sort((a, b) => a.documentType.localeCompare(b.documentType) || a.documentId.localeCompare(b.documentId));
    }
    const summary = (list: AuditRecord[]) =>
      list.map((record) => [record.documentType, record.operation, record.actorId, record.source]);
    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

    it('answering an invitation: one record of the answer, by the person, about them and the session', async () => {
      await holdInvited();
      const left = await recorded('sabine', async () => {
        const result = await answerRsvp(world.deps, await world.actor('sabine'), {
          sessionId: SESSION_1,
          personId: PEOPLE.sabine,
          revision: (await world.session()).revision,
          choice: 'declined',
        });
        assert.ok(result.ok, JSON.stringify(result));
      });
      assert.deepEqual(summary(left), [['rsvp', 'created', PEOPLE.sabine, 'bot']]);
      const [record] = left;
      assert.equal(record!.sessionId, SESSION_1);
      assert.equal(record!.subject1, PEOPLE.sabine);
      assert.equal(record!.at, world.clock.now().toUTC().toISO());
      assert.ok(
        record!.changes.some(
          (change) => change.field === 'choice' && change.before === undefined && change.after === 'declined',
        ),
        JSON.stringify(record!.changes),
      );

      const again = await recorded('sabine', async () => {
        const result = await answerRsvp(world.deps, await world.actor('sabine'), {
          sessionId: SESSION_1,
          personId: PEOPLE.sabine,
          revision: (await world.session()).revision,
          choice: 'inPerson',
        });
        assert.ok(result.ok);
      });
      const changed = again.find((record) => record.documentType === 'rsvp');
      assert.equal(changed?.operation, 'changed');
      assert.deepEqual(
        changed?.changes.find((change) => change.field === 'choice'),
        { field: 'choice', before: 'declined', after: 'inPerson' },
      );
    });

    it('saving attendance: the attendance and the session now held, by the secretariat', async () => {
      await holdInvited();
      at(AFTER_SESSION);
      const left = await recorded('katrin', async () => {
        const fields = {
          [`presence-${seatDocumentId('jobcenter')}`]: 'inPerson',
          [`name-${seatDocumentId('jobcenter')}`]: 'Thomas Richter',
          [`presence-${seatDocumentId('agentur')}`]: 'absent',
          [`name-${seatDocumentId('agentur')}`]: '',
          [`presence-${seatDocumentId('ihk')}`]: 'absent',
          [`name-${seatDocumentId('ihk')}`]: '',
        };
        const result = await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 0, fields);
        assert.ok(result.ok, JSON.stringify(result));
      });
      assert.deepEqual(summary(left), [
        ['attendance', 'created', PEOPLE.katrin, 'bot'],
        ['session', 'changed', PEOPLE.katrin, 'bot'],
      ]);
      assert.deepEqual(
        left[1]!.changes.find((change) => change.field === 'state'),
        { field: 'state', before: 'invited', after: 'held' },
      );
      assert.ok(left.every((record) => record.sessionId === SESSION_1));
    });

    it('saving a minutes item: the minutes head and its new version, by the secretariat', async () => {
      await holdSession(world);
      const access = await committeeAndSession(world);
      const head = await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
        openOrCreateMinutes(world.deps, access.committee, access.session, PEOPLE.katrin),
      );
      const item = head.items.find((entry) => entry.title === 'Ausbildungsabbrüche')!;
      const left = await recorded('katrin', async () => {
        const result = await saveMinutesItem(
          world.deps,
          await committeeAndSession(world),
          PEOPLE.katrin,
          head.version,
          item.itemId,
          { summary: 'Die Kammern berichten.', result: 'Zahlen werden erhoben.' },
        );
        assert.ok(result.ok, JSON.stringify(result));
      });
      assert.deepEqual(summary(left), [
        ['minutes', 'changed', PEOPLE.katrin, 'bot'],
        ['minutesVersion', 'created', PEOPLE.katrin, 'bot'],
      ]);
      assert.ok(left[0]!.changes.some((change) => change.field === 'items'));
      assert.ok(left[0]!.changes.some((change) => change.field === 'version'));
    });

    it('changing an action item status: the action item, by its responsible person', async () => {
      at('2027-02-15T10:00:00.000Z');
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const [item] = await raw.query<Document & { revision: number }>(COMMITTEE, { type: 'agreement' });
      const left = await recorded('yusuf', async () => {
        const result = await changeActionStatus(world.deps, await world.actor('yusuf'), item!.id, item!.revision, {
          status: 'inProgress',
          note: 'Angefragt',
        });
        assert.ok(result.ok, JSON.stringify(result));
      });
      assert.deepEqual(summary(left), [['agreement', 'changed', PEOPLE.yusuf, 'bot']]);
      assert.deepEqual(
        left[0]!.changes.find((change) => change.field === 'status'),
        { field: 'status', before: 'open', after: 'inProgress' },
      );
      assert.equal(left[0]!.subject1, PEOPLE.yusuf);
    });

    it('a scheduler job: its changes are the scheduler’s, with the job kind as reason; the job itself is not recorded', async () => {
      at('2027-01-29T10:00:00.000Z');
      const left = await recorded('scheduler', async () => {
        const ran = await runDueJobs({ ...world.deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS);
        assert.ok(ran.length > 0);
      });
      assert.ok(left.length > 0);
      assert.ok(
        left.every(
          (record) =>
            record.actorId === 'scheduler' &&
            record.source === 'scheduler' &&
            typeof record.reason === 'string' &&
            record.reason.length > 0,
        ),
        JSON.stringify(summary(left)),
      );
      assert.ok(left.every((record) => !['job', 'outbox', 'dispatch'].includes(record.documentType)));
      const invited = left.find((record) => record.documentType === 'session' && record.documentId === SESSION_1);
      assert.deepEqual(
        invited?.changes.find((change) => change.field === 'state'),
        { field: 'state', before: 'planned', after: 'invited' },
      );
    });

    it('a failed or refused batch leaves no record', async () => {
      const store = world.store;
      await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, async () => {
        await store.create<Note>({ id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'eins' });
        const before = (await records()).length;
        await assert.rejects(
          store.batch(COMMITTEE, [
            { op: 'create', document: { id: 'note-2', committeeId: COMMITTEE, type: 'note', text: 'zwei' } as Note },
            { op: 'create', document: { id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'doppelt' } as Note },
          ]),
          ConflictError,
        );
        await assert.rejects(
          store.replace<Note>({ id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'veraltet' }, '"stale"'),
          ConcurrencyError,
        );
        await assert.rejects(
          store.batch(COMMITTEE, [
            { op: 'create', document: { id: 'note-3', committeeId: COMMITTEE, type: 'note', text: 'drei' } as Note },
            {
              op: 'replace',
              document: { id: 'audit-x', committeeId: COMMITTEE, type: 'note', text: '' } as Note,
              ifMatch: '"x"',
            },
          ]),
          AuditRecordWriteRefused,
        );
        // The records come last in the batch, so even cosmosdb-server, which keeps the operations
        // before a failing one (see the store contract's known gaps), writes none of them.
        assert.equal((await records()).length, before);
        assert.equal(await raw.get(COMMITTEE, 'note-3'), undefined);
      });
    });

    it('refuses to create, replace, upsert or delete an audit record by hand, and changes nothing', async () => {
      const store = world.store;
      await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
        store.create<Note>({ id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'eins' }),
      );
      const all = await records();
      const record = all.find((entry) => entry.documentId === 'note-1');
      assert.ok(record);
      const { _etag: etag, ...plain } = record;
      const forged = { ...plain, actorId: PEOPLE.sabine };
      await assert.rejects(store.replace(forged, etag), AuditRecordWriteRefused);
      await assert.rejects(store.upsert(forged), AuditRecordWriteRefused);
      await assert.rejects(store.delete(COMMITTEE, record.id), AuditRecordWriteRefused);
      await assert.rejects(store.delete(COMMITTEE, record.id, etag), AuditRecordWriteRefused);
      await assert.rejects(store.create({ ...forged, id: 'forged-1' }), AuditRecordWriteRefused);
      await assert.rejects(store.batch(COMMITTEE, [{ op: 'delete', id: record.id }]), AuditRecordWriteRefused);
      await assert.rejects(store.upsert({ ...forged, type: 'note' } as Document), AuditRecordWriteRefused);
      assert.deepEqual(await records(), all);
    });

    it('lets the retention run alone remove values from records and delete records, nothing else mixed in', async () => {
      const store = world.store;
      await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
        store.create<Note>({ id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'Sabine Hoffmann' }),
      );
      const [record] = (await records()).filter((entry) => entry.documentId === 'note-1');
      const { _etag: etag, ...plain } = record!;
      const emptied = {
        ...plain,
        changes: plain.changes.map((change) => ({ field: change.field, after: '[removed]' })),
      };
      const retaining = { actorId: 'scheduler', source: 'scheduler' as const, retaining: true };
      // Erasure may replace, not delete; an ordinary actor neither; retention may not slip another write in.
      await assert.rejects(
        auditContext.run({ ...retaining, retaining: false, erasing: true }, () =>
          store.delete(COMMITTEE, record!.id, etag),
        ),
        AuditRecordWriteRefused,
      );
      await assert.rejects(
        auditContext.run({ actorId: 'scheduler', source: 'scheduler' }, () => store.replace(emptied, etag)),
        AuditRecordWriteRefused,
      );
      await assert.rejects(
        auditContext.run(retaining, () =>
          store.batch(COMMITTEE, [
            { op: 'replace', document: emptied, ifMatch: etag },
            { op: 'create', document: { id: 'note-2', committeeId: COMMITTEE, type: 'note', text: 'x' } as Note },
          ]),
        ),
        AuditRecordWriteRefused,
      );
      await assert.rejects(
        auditContext.run(retaining, () =>
          store.batch(COMMITTEE, [
            { op: 'delete', id: record!.id },
            { op: 'delete', id: 'note-1' },
          ]),
        ),
        AuditRecordWriteRefused,
      );
      await auditContext.run(retaining, () => store.replace(emptied, etag));
      assert.equal(
        JSON.stringify((await records()).find((entry) => entry.id === record!.id)?.changes).includes('Sabine'),
        false,
      );
      await auditContext.run(retaining, () => store.delete(COMMITTEE, record!.id));
      assert.equal(
        (await records()).some((entry) => entry.id === record!.id),
        false,
      );
    });

    it('keeps upsert and delete semantics, records each change once, and nothing for a write that changes nothing', async () => {
      const store = world.store;
      const note: Note = { id: 'note-1', committeeId: COMMITTEE, type: 'note', text: 'eins' };
      const left = await recorded('katrin', async () => {
        await store.upsert(note);
        await store.upsert(note);
        await store.upsert({ ...note, text: 'zwei' });
        await store.delete(COMMITTEE, 'note-1');
      });
      assert.deepEqual(left.map((record) => record.operation).sort(), ['changed', 'created', 'deleted']);
      const deleted = left.find((record) => record.operation === 'deleted')!;
      assert.deepEqual(deleted.changes, [{ field: 'text', before: 'zwei' }]);
      assert.equal(await raw.get(COMMITTEE, 'note-1'), undefined);
    });

    it('caps large values and redacts secrets, so records stay small', async () => {
      const left = await recorded('katrin', () =>
        world.store.create<Note>({
          id: 'note-1',
          committeeId: COMMITTEE,
          type: 'note',
          text: 'x'.repeat(5000),
          tags: Array.from({ length: 300 }, (_, index) => `tag-${index}`),
          calendarToken: 'geheim',
        }),
      );
      const changes = new Map(left[0]!.changes.map((change) => [change.field, change.after]));
      assert.equal((changes.get('text') as string).length, AUDIT_VALUE_MAX_CHARS + 1);
      assert.deepEqual(changes.get('tags'), { omitted: 'array', entries: 300 });
      assert.equal(changes.get('calendarToken'), REDACTED);
      assert.ok(JSON.stringify(left[0]).length < 2000);
    });

    it('records every document of a batch too large to share one with its records, right after it', async () => {
      const notes = Array.from({ length: 80 }, (_, index): Note => ({
        id: `note-${index}`,
        committeeId: COMMITTEE,
        type: 'note',
        text: `Nr. ${index}`,
      }));
      const left = await recorded('katrin', () =>
        world.store.batch(
          COMMITTEE,
          notes.map((document) => ({ op: 'create' as const, document })),
        ),
      );
      assert.equal(left.length, 80);
      assert.equal(new Set(left.map((record) => record.documentId)).size, 80);
    });

    it('leaves outbox records, dispatches and jobs unrecorded', async () => {
      const left = await recorded('katrin', async () => {
        await world.store.create({ id: 'outbox-1', committeeId: COMMITTEE, type: 'outbox' });
        await world.store.upsert({ id: 'job-1', committeeId: COMMITTEE, type: 'job' });
        await world.store.delete(COMMITTEE, 'outbox-1');
      });
      assert.deepEqual(left, []);
    });

    async function holdInvited(): Promise<void> {
      const result = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(result.ok, JSON.stringify(result));
    }
  });
}
