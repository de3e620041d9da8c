import assert from 'node:assert/strict';
import { saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import type { AgreementDocument } from '../../../src/app/agreements/agreement-document';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentStore } from '../../../src/app/ports/document-store';
import { recordAttendance } from '../../../src/app/sessions/attendance';
import { seatDocumentId } from '../../../src/domain/ids';
import { MINUTES_LIMITS, type AgreementDraft } from '../../../src/domain/minutes/minutes-content';
import { agreementField } from '../../../src/domain/minutes/minutes-item-edit';
import { ROSTER_LIMITS } from '../../../src/domain/roster-changes';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, memberId, PEOPLE, SEATS, SESSION_1, SessionWorld } from '../sessions/session-world';
import { AFTER_SESSION, committeeAndSession } from './minutes-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/** Cosmos DB refuses a transactional batch whose request exceeds 2 MB, and any item above 2 MB. */
const COSMOS_REQUEST_BYTES = 2 * 1024 * 1024;

const TOPICS = Math.ceil(MINUTES_LIMITS.agreementsTotal / MINUTES_LIMITS.agreementsPerItem);
const EXTRA_SEATS = ROSTER_LIMITS.seats - SEATS.length;

/** Text of exactly `length` characters that the minutes' text rules accept. */
function text(prefix: string, length: number): string {
  return `${prefix} ${'Ausbildung und Arbeit '.repeat(Math.ceil(length / 22))}`
    .slice(0, length)
    .trimEnd()
    .padEnd(length, '.');
}

/** The item form with every existing agreement resent as the card sends it, plus one new row. */
function formWith(
  existing: readonly AgreementDraft[],
  added: { text: string; responsible: string; institution: string },
): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    summary: text('Aussprache', MINUTES_LIMITS.summary),
    result: text('Ergebnis', MINUTES_LIMITS.result),
  };
  existing.forEach((agreement, index) => {
    fields[agreementField(index + 1, 'text')] = agreement.text;
    fields[agreementField(index + 1, 'institution')] = agreement.institution;
    fields[agreementField(index + 1, 'responsible')] = agreement.responsibleId;
    fields[agreementField(index + 1, 'due')] = agreement.dueDate;
  });
  fields[agreementField('new', 'text')] = added.text;
  fields[agreementField('new', 'institution')] = added.institution;
  fields[agreementField('new', 'responsible')] = added.responsible;
  fields[agreementField('new', 'due')] = '2027-04-30';
  return fields;
}

/** Records every batch the use cases write, to measure the approval's against Cosmos' limits. */
function recordingBatches(store: DocumentStore, batches: Array<readonly BatchOperation[]>): DocumentStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'batch') {
        return (committeeId: string, operations: readonly BatchOperation[]) => {
          batches.push(operations);
          return target.batch(committeeId, operations);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

for (const engine of ENGINES) {
  describe(`app/minutes: approving the most agreements with the largest attendance, on the ${engine.name}`, function () {
    this.timeout(120_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    const batches: Array<readonly BatchOperation[]> = [];

    /**
     * Session 2027/1 with the most seats the roster allows, all present, and an agenda of
     * enough topics to carry the most agreements the minutes allow.
     */
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      batches.splice(0);
      world = await SessionWorld.create(recordingBatches(opened.store, batches), EXTRA_SEATS);
      const katrin = await world.actor('katrin');
      let agendaRevision = 0;
      for (let topic = 0; topic < TOPICS; topic += 1) {
        const saved = await saveAgendaItem(
          world.deps,
          await committeeAndSession(world),
          PEOPLE.katrin,
          agendaRevision,
          '',
          { title: `Thema ${topic + 1}`, minutes: '20', kind: 'decision', presenter: 'Lena Vogt' },
        );
        assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
        agendaRevision = saved.value.revision;
      }
      assert.ok((await publishAgendaAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS)).ok);
      world.clock.advance(Date.parse(AFTER_SESSION) - world.clock.now().toMillis());
      const fields: Record<string, unknown> = {};
      for (const seat of SEATS) fields[`presence-${seat.id}`] = 'inPerson';
      for (let index = 0; index < EXTRA_SEATS; index += 1)
        fields[`presence-${seatDocumentId(`extra-${index}`)}`] = 'online';
      const recorded = await recordAttendance(world.deps, katrin, SESSION_1, 0, fields);
      assert.ok(recorded.ok, JSON.stringify(!recorded.ok && recorded.error));

      const responsibles = [
        PEOPLE.sabine,
        PEOPLE.birgit,
        PEOPLE.yusuf,
        ...Array.from({ length: EXTRA_SEATS }, (_unused, index) => memberId(index)),
      ];
      const topics = (await open()).items.filter((item) => !item.standard);
      assert.equal(topics.length, TOPICS);
      for (let count = 0; count < MINUTES_LIMITS.agreementsTotal; count += 1) {
        const head = await open();
        const item = head.items.find((candidate) => candidate.itemId === topics[count % TOPICS]!.itemId)!;
        const added = {
          text: text(`Vereinbarung ${count + 1}`, MINUTES_LIMITS.agreementText),
          responsible: responsibles[count % responsibles.length]!,
          institution: text(`Institution ${count + 1}`, MINUTES_LIMITS.institution),
        };
        const saved = await saveMinutesItem(
          world.deps,
          await committeeAndSession(world),
          PEOPLE.katrin,
          head.version,
          item.itemId,
          formWith(item.agreements, added),
        );
        assert.ok(
          saved.ok,
          JSON.stringify(!saved.ok && (saved.error.kind === 'invalid' ? saved.error.problems : saved.error.kind)),
        );
      }
      assert.equal(
        (await open()).items.reduce((sum, item) => sum + item.agreements.length, 0),
        MINUTES_LIMITS.agreementsTotal,
      );
      const circulated = await circulateMinutes(
        world.deps,
        (await committeeAndSession(world)).committee,
        await world.session(),
        PEOPLE.katrin,
      );
      assert.ok(circulated.ok, JSON.stringify(!circulated.ok && circulated.error));
      assert.equal(circulated.value.attendees, ROSTER_LIMITS.seats, 'every seat attended');
    });
    afterEach(async () => close());

    const open = async () =>
      openOrCreateMinutes(
        world.deps,
        (await committeeAndSession(world)).committee,
        await world.session(),
        PEOPLE.katrin,
      );
    const approve = async () =>
      approveMinutes(world.deps, (await committeeAndSession(world)).committee, await world.session(), PEOPLE.katrin, {
        goAhead: NO_QUESTIONS,
        automatic: false,
      });
    const agreements = () => world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' });
    const approvalDispatches = async () =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).filter((dispatch) =>
        dispatch.dispatchId.startsWith('minutes-approved:'),
      );

    it('creates every action item and exactly one dispatch in one batch within the limits of Cosmos DB', async () => {
      const approved = await approve();
      assert.ok(approved.ok, JSON.stringify(!approved.ok && approved.error));
      assert.equal(approved.value.agreements, MINUTES_LIMITS.agreementsTotal);

      const stored = await agreements();
      assert.equal(stored.length, MINUTES_LIMITS.agreementsTotal);
      assert.equal(
        new Set(stored.map((agreement) => agreement.responsibleId)).size,
        ROSTER_LIMITS.seats,
        'spread over every member',
      );
      assert.ok(
        stored.every(
          (agreement) =>
            agreement.status === 'open' &&
            agreement.revision === 1 &&
            agreement.text.length === MINUTES_LIMITS.agreementText,
        ),
      );
      const [dispatch, ...more] = await approvalDispatches();
      assert.ok(dispatch);
      assert.equal(more.length, 0, 'one dispatch');
      const created = dispatch.drafts.filter((draft) => draft.key.startsWith('action-created:'));
      assert.equal(created.length, MINUTES_LIMITS.agreementsTotal, 'one card per action item');
      assert.equal(new Set(dispatch.drafts.map((draft) => draft.key)).size, dispatch.drafts.length, 'no key twice');
      assert.equal(
        dispatch.drafts.filter((draft) => draft.key.includes(':notice:')).length,
        ROSTER_LIMITS.seats + 1,
        'every attendee and the secretariat learn of the approval',
      );

      const approval = batches.find((operations) =>
        operations.some((operation) => operation.op === 'create' && operation.document.type === 'agreement'),
      );
      assert.ok(approval, 'the approval wrote one batch with the action items');
      assert.equal(
        batches.filter((operations) =>
          operations.some((operation) => operation.op === 'create' && operation.document.type === 'agreement'),
        ).length,
        1,
      );
      assert.ok(approval.length <= MAX_BATCH_OPERATIONS, `${approval.length} operations`);
      const bytes = Buffer.byteLength(
        JSON.stringify(approval.map((operation) => (operation.op === 'delete' ? operation.id : operation.document))),
        'utf8',
      );
      const largest = Math.max(
        ...approval.map((operation) =>
          operation.op === 'delete' ? 0 : Buffer.byteLength(JSON.stringify(operation.document), 'utf8'),
        ),
      );
      assert.ok(
        bytes < COSMOS_REQUEST_BYTES,
        `the approval's batch is ${bytes} bytes, ${approval.length} operations (largest document ${largest} bytes)`,
      );
      for (const operations of batches) {
        const size = Buffer.byteLength(
          JSON.stringify(
            operations.map((operation) => (operation.op === 'delete' ? operation.id : operation.document)),
          ),
          'utf8',
        );
        assert.ok(
          size < COSMOS_REQUEST_BYTES,
          `a batch of the cycle (circulation: one review card per attendee) is ${size} bytes`,
        );
      }
    });

    it('changes nothing and sends nothing twice when approved again', async () => {
      assert.ok((await approve()).ok);
      const before = {
        agreements: (await agreements()).map((agreement) => `${agreement.id}:${agreement.revision}`).sort(),
        dispatches: (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).length,
        minutes: (await open())._etag,
      };
      const again = await approve();
      assert.deepEqual(!again.ok && again.error, { kind: 'alreadyApproved' });
      assert.deepEqual(
        (await agreements()).map((agreement) => `${agreement.id}:${agreement.revision}`).sort(),
        before.agreements,
      );
      assert.equal(
        (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).length,
        before.dispatches,
      );
      assert.equal((await approvalDispatches()).length, 1);
      assert.equal((await open())._etag, before.minutes);
    });
  });
}
