import assert from 'node:assert/strict';
import type { AgreementDocument } from '../../../src/app/agreements/agreement-document';
import { auditContext } from '../../../src/app/audit/audit-context';
import { auditedStore } from '../../../src/app/audit/audited-store';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { PersonDocument } from '../../../src/app/documents';
import { actorIn } from '../../../src/app/identify-actor';
import { KOG_TEAM } from '../sessions/session-fixtures';
import { UNCLAIMED } from '../../../src/app/leases';
import type { MinutesDocument } from '../../../src/app/minutes/minutes-document';
import type { MinutesResponseDocument } from '../../../src/app/minutes/minutes-response-document';
import type { Document } from '../../../src/app/ports/document-store';
import { applyRetention } from '../../../src/app/privacy/apply-retention';
import { exportPersonalData } from '../../../src/app/privacy/export-personal-data';
import { DOCUMENT_TYPES } from '../../../src/app/privacy/retention-rules';
import { ensureRetentionJobs, RETENTION_JOB } from '../../../src/app/privacy/retention-jobs';
import { chooseLanguage, type LanguagePreferenceDocument } from '../../../src/app/preferences/language-preference';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { jobDocumentId } from '../../../src/app/scheduling/job';
import type { AttendanceDocument } from '../../../src/app/sessions/attendance';
import type { RsvpDocument } from '../../../src/app/sessions/rsvp-document';
import type { WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import { personDocumentId, seatDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { OPARL_DIRECTORY } from '../../../src/app/oparl/published-committee-document';
import { refreshPublication } from '../../../src/app/oparl/refresh-publication';
import { setPublication, testPublishing } from '../oparl/oparl-world';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, TENANT } from '../sessions/session-world';
import {
  around,
  BIRGIT,
  GUEST,
  rawPartitionJson,
  SABINE,
  seedFreeTextMentions,
  seedPersonalRecords,
} from './privacy-fixtures';

/** The names of the people still active on the roster, who keep them on their own roster entry only. */
const ACTIVE_NAMES = ['Katrin Albers', 'Thomas Richter', BIRGIT, 'Yusuf Demir', 'Yara Nowak', 'Lena Vogt'];
/** Everything personal the fixtures wrote about people who are gone or never were on the roster. */
const GONE = [
  'Hoffmann',
  'Maierhofer',
  'Vertretung von',
  'Einwand',
  'Rücksprache',
  'Urlaub',
  'Plätze',
  '29:sabine',
  'a:sabine',
];

for (const engine of ENGINES) {
  describe(`app/privacy/apply-retention on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let opened: OpenedEngine;
    let audited: AppDependencies;
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
      audited = { ...world.deps, store: auditedStore(world.store, world.deps.clock) };
    });
    afterEach(async () => opened.close());

    const asScheduler = <T>(work: () => Promise<T>) =>
      auditContext.run({ actorId: 'scheduler', source: 'scheduler', reason: RETENTION_JOB }, work);
    const moveTo = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

    /**
     * One document of every type, past its lifetime by 2030: session 2027/1 held and its minutes
     * approved on 1 March 2027, Sabine gone from the team since 15 March 2027 without a seat, the
     * action items done and the working group ended in 2027, a message, a dispatch, a finished
     * job, an export and a conversation of hers, the trail's records of all of it.
     */
    async function seedEveryTypePastItsEnd(): Promise<void> {
      await seedPersonalRecords(world.store);
      await seedFreeTextMentions(world.store);
      const upsert = (document: Record<string, unknown>) =>
        world.store.upsert({ committeeId: COMMITTEE, ...document } as Document);
      const sabine = (await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine)))!;
      const { _etag: _sabineEtag, ...left } = sabine;
      await upsert({
        ...left,
        active: false,
        leftAt: '2027-03-15T00:00:00.000Z',
        institution: 'Jobcenter Leipzig',
        contact: {
          serviceUrl: 'https://smba.example/',
          tenantId: 't',
          botId: 'b',
          userId: '29:sabine',
          userAadObjectId: PEOPLE.sabine,
        },
      });
      await world.store.delete(COMMITTEE, seatDocumentId('jobcenter'));
      for (const id of ['agreement-sabine', 'agreement-birgit']) {
        const { _etag: _etag, ...agreement } = (await world.store.get<AgreementDocument>(COMMITTEE, id))!;
        await upsert({ ...agreement, status: 'done', doneAt: '2027-04-01T00:00:00.000Z' });
      }
      await upsert({
        id: 'roster',
        type: 'roster',
        revision: 3,
        updatedAt: '2027-03-15T00:00:00.000Z',
        updatedBy: PEOPLE.katrin,
      });
      await upsert({ id: 'extra-session-2027-02-11', type: 'extraSessionClaim', sessionId: SESSION_1 });
      await upsert({
        id: `meeting-${SESSION_1}`,
        type: 'sessionMeeting',
        sessionId: SESSION_1,
        transactionId: '5b0c7f0e-3f3a-4a61-9d0e-0d8f6f3c2a11',
        eventId: 'AAMkAGI2TG93AAA=',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
        attendeeEmails: ['s.hoffmann@jobcenter.example'],
        syncedRevision: 3,
        updatedAt: '2027-02-01T00:00:00.000Z',
      });
      await upsert({
        id: jobDocumentId('agendaDispatch', SESSION_1),
        type: 'job',
        kind: 'agendaDispatch',
        subjectId: SESSION_1,
        dueAt: '2027-01-28T09:00:00.000Z',
        status: 'done',
        leaseUntil: UNCLAIMED,
        attempts: 1,
        updatedAt: '2027-01-28T09:00:01.000Z',
        doneAt: '2027-01-28T09:00:01.000Z',
      });
      await rememberConversation(world.deps, {
        address: {
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
          conversationId: KOG_TEAM.id,
          conversationType: 'channel',
          tenantId: TENANT,
          botId: 'b',
        },
        title: 'KOG › Allgemein',
        teamId: KOG_TEAM.id,
        teamName: 'KOG',
      });
      // The trail, as the server writes it: her export, and a correction of the attendance, in November 2026.
      await auditContext.run({ actorId: PEOPLE.sabine, source: 'bot' }, () =>
        exportPersonalData(audited, {
          identity: { tenantId: TENANT, aadObjectId: PEOPLE.sabine, displayName: SABINE },
          committeeId: COMMITTEE,
          committeeExists: true,
          roles: [],
          place: { kind: 'personal' },
        }),
      );
      const { _etag: attendanceEtag, ...attendance } = (await world.store.get<AttendanceDocument>(
        COMMITTEE,
        `attendance-${SESSION_1}`,
      ))!;
      await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
        audited.store.replace(
          {
            ...attendance,
            revision: 2,
            entries: attendance.entries.map((entry) => ({ ...entry, presence: 'online' as const })),
          },
          attendanceEtag,
        ),
      );
      // And one recent record, younger than the period, of a correction of the old minutes.
      moveTo('2029-12-01T00:00:00Z');
      const { _etag: minutesEtag, ...minutes } = (await world.store.get<MinutesDocument>(
        COMMITTEE,
        `minutes-${SESSION_1}`,
      ))!;
      const items = minutes.items.map((item) => ({
        ...item,
        summary: 'Frau Hoffmann berichtet, Frau Lehmann ergänzt.',
      }));
      await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
        audited.store.replace({ ...minutes, items, participants: [...minutes.participants].reverse() }, minutesEtag),
      );
      // The committee publishes: its public record and its entry in the interface's directory.
      await setPublication(world.store, true);
      await refreshPublication(world.deps, testPublishing('https://gremium.example.org/oparl/v1'), COMMITTEE);
    }

    it('leaves nothing personal of any document type once its lifetime has passed', async () => {
      await seedEveryTypePastItsEnd();
      // The committee's partition, its tenant's directory (conversations, routes, indexes) and the interface's.
      const seeded = [
        ...(await opened.rawPartition(COMMITTEE)),
        ...(await opened.rawPartition(tenantDirectoryId(TENANT))),
        ...(await opened.rawPartition(OPARL_DIRECTORY)),
      ];
      assert.deepEqual(
        DOCUMENT_TYPES.filter((type) => !seeded.some((document) => document.type === type)),
        [],
        'one document of every type is seeded',
      );
      for (const text of [SABINE, GUEST, 'Einwand', 'Rücksprache', 'Plätze'])
        assert.ok(JSON.stringify(seeded).includes(text), text);

      moveTo('2030-01-02T00:00:00Z');
      const outcome = await asScheduler(() => applyRetention(audited, COMMITTEE));
      await asScheduler(() => applyRetention(audited, tenantDirectoryId(TENANT)));
      // The interface's refresh follows within a minute, as the server's loop runs it.
      await refreshPublication(world.deps, testPublishing('https://gremium.example.org/oparl/v1'), COMMITTEE);
      const raw = [
        ...(await opened.rawPartition(COMMITTEE)),
        ...(await opened.rawPartition(tenantDirectoryId(TENANT))),
      ];
      const json = JSON.stringify(raw);
      for (const text of GONE) assert.equal(around(json, text), '', `"${text}" is still stored`);
      // Active people keep their name on their own roster entry and their 1:1 chat's reference, nowhere else.
      const ownEntries = (document: Record<string, unknown>) =>
        document.type === 'person' || (document.type === 'conversation' && document.kind === 'personal');
      const records = JSON.stringify(raw.filter((document) => !ownEntries(document)));
      for (const name of [...ACTIVE_NAMES, 'Frau Lehmann'])
        assert.equal(around(records, name), '', `${name} is still named in a record`);

      // What stays: the committee's record without names.
      const sabine = await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine));
      assert.deepEqual(
        [
          sabine!.displayName,
          sabine!.roles,
          sabine!.contact,
          sabine!.institution,
          sabine!.leftAt,
          sabine!.pseudonymisedAt !== undefined,
        ],
        ['ehemalige Person', [], undefined, undefined, '2027-03-15T00:00:00.000Z', true],
      );
      assert.equal((await world.session()).number, '2027/1');
      const minutes = await world.store.get<MinutesDocument>(COMMITTEE, `minutes-${SESSION_1}`);
      assert.equal(
        minutes!.items[0]!.summary,
        'ehemalige Person berichtet, [Name entfernt] ergänzt.',
        'she left and was pseudonymised everywhere; Birgit stays, but not in this old record',
      );
      assert.deepEqual(
        minutes!.participants.map((participant) => [participant.institution, participant.name]),
        [
          ['Agentur für Arbeit Leipzig', ''],
          ['Jobcenter Leipzig', ''],
        ],
      );
      assert.deepEqual(
        (
          await world.store.query<RsvpDocument>(COMMITTEE, {
            type: 'rsvp',
            where: [{ field: 'sessionId', op: '=', value: SESSION_1 }],
          })
        ).map((rsvp) => rsvp.choice),
        ['delegate', 'delegate'],
      );
      assert.deepEqual(
        (await world.store.query<MinutesResponseDocument>(COMMITTEE, { type: 'minutesResponse' })).map(
          (response) => response.answer,
        ),
        ['object', 'object'],
      );
      assert.deepEqual(
        (await world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' })).map(
          (agreement) => agreement.status,
        ),
        ['done', 'done'],
      );
      const group = await world.store.get<WorkingGroupDocument>(COMMITTEE, 'working-group-sprache');
      assert.deepEqual([group!.name, group!.members], ['UAG Sprachkurse', '']);
      assert.equal(
        (
          await world.store.query(tenantDirectoryId(TENANT), {
            type: 'conversation',
            where: [{ field: 'kind', op: '=', value: 'channel' }],
          })
        ).length,
        1,
        "the committee's channel stays in the tenant's directory",
      );
      assert.ok(
        (await world.store.query(COMMITTEE, { type: 'audit' })).length > 0,
        "the trail keeps the records of retention's own writes, without their values",
      );
      assert.deepEqual(
        raw.filter((document) => document.type === 'languagePreference').map((document) => document.personId),
        [PEOPLE.birgit],
        "the language choice of the active member stays; Sabine's went with her name",
      );
      for (const type of [
        'topicSubmission',
        'extraSessionClaim',
        'sessionMeeting',
        'dispatch',
        'outbox',
        'dataExport',
        'link',
      ])
        assert.deepEqual(
          raw.filter((document) => document.type === type),
          [],
          type,
        );
      assert.ok(
        !raw.some((document) => document.type === 'job' && document.status === 'done'),
        'finished jobs are gone',
      );
      assert.ok(outcome.documents > 20, JSON.stringify(outcome));

      const again = await asScheduler(() => applyRetention(audited, COMMITTEE));
      assert.deepEqual([again.documents, again.byType], [0, {}], 'a second run finds nothing left to remove');
    });

    it('keeps everything while it is still within its lifetime', async () => {
      await seedEveryTypePastItsEnd();
      moveTo('2028-06-01T00:00:00Z');
      const both = async () =>
        (await rawPartitionJson(opened)) + (await rawPartitionJson(opened, tenantDirectoryId(TENANT)));
      const before = await both();
      const outcome = await asScheduler(() => applyRetention(audited, COMMITTEE));
      const directory = await asScheduler(() => applyRetention(audited, tenantDirectoryId(TENANT)));
      // By then only what lives days, not years, has reached its end.
      assert.deepEqual(
        [...new Set([...Object.keys(outcome.byType), ...Object.keys(directory.byType)])].sort(),
        ['audit', 'conversation', 'dataExport', 'dispatch', 'job', 'languagePreference', 'link', 'outbox', 'person'],
        JSON.stringify([outcome, directory]),
      );
      assert.equal(directory.byType.languagePreference, 1, "a year after she left, Sabine's language choice is gone");
      assert.deepEqual(
        (
          await world.store.query<LanguagePreferenceDocument>(tenantDirectoryId(TENANT), { type: 'languagePreference' })
        ).map((choice) => choice.personId),
        [PEOPLE.birgit],
        'the choice of an active member stays, however old',
      );
      const after = await both();
      for (const text of [SABINE, GUEST, 'Einwand', 'Rücksprache', 'Vertretung von'])
        assert.ok(after.includes(text), `${text} is kept within its period`);
      assert.ok(
        before.includes('29:sabine') && !after.includes('29:sabine'),
        "a month after she left, her Teams contact and 1:1 chat's reference are gone",
      );
      const sabine = await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine));
      assert.deepEqual([sabine!.displayName, sabine!.contact], [SABINE, undefined]);
    });

    it('keeps a person who left the period ago while they still hold a seat', async () => {
      await seedEveryTypePastItsEnd();
      await world.store.upsert({
        id: seatDocumentId('jobcenter'),
        committeeId: COMMITTEE,
        type: 'seat',
        institution: 'Jobcenter Leipzig',
        memberId: PEOPLE.sabine,
      } as Document);
      moveTo('2030-01-02T00:00:00Z');
      await asScheduler(() => applyRetention(audited, COMMITTEE));
      const sabine = await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine));
      assert.deepEqual(
        [sabine!.displayName, sabine!.contact],
        [SABINE, undefined],
        'the name stays for the seat; the contact went a month after she left',
      );
    });

    it('keeps a person who left the period ago while an action item of theirs is open', async () => {
      await seedEveryTypePastItsEnd();
      const { _etag: _etag, ...agreement } = (await world.store.get<AgreementDocument>(COMMITTEE, 'agreement-sabine'))!;
      await world.store.upsert({ ...agreement, status: 'open', doneAt: undefined });
      moveTo('2030-01-02T00:00:00Z');
      await asScheduler(() => applyRetention(audited, COMMITTEE));
      assert.equal(
        (await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine)))!.displayName,
        SABINE,
      );
      assert.equal(
        (await world.store.get<AgreementDocument>(COMMITTEE, 'agreement-sabine'))!.responsibleName,
        SABINE,
        'an open action item keeps its responsible person',
      );
    });

    it('keeps a language choice of someone on no roster a year after it was made, also without a committee', async () => {
      const tenant = '66666666-0000-0000-0000-000000000006';
      const elsewhere = tenantDirectoryId(tenant);
      const visitor = { tenantId: tenant, aadObjectId: '66666666-0000-0000-0000-00000000000b' };
      const stranger = { tenantId: TENANT, aadObjectId: '66666666-0000-0000-0000-00000000000c' };
      await auditContext.run({ actorId: visitor.aadObjectId, source: 'bot' }, async () => {
        await chooseLanguage(audited, visitor, 'en');
        await chooseLanguage(audited, stranger, 'en');
      });
      const choices = async (partition: string) =>
        (await opened.rawPartition(partition))
          .filter((document) => document.type === 'languagePreference')
          .map((document) => document.personId);
      const newer = async (who: typeof visitor) => {
        const next = world.clock.now().plus({ days: 200 }).toUTC().toISO()!;
        moveTo(next);
        await auditContext.run({ actorId: who.aadObjectId, source: 'bot' }, () => chooseLanguage(audited, who, 'de'));
      };
      await newer(stranger);
      moveTo('2027-11-22T00:00:00Z');
      await asScheduler(async () => {
        await ensureRetentionJobs(audited);
        await applyRetention(audited, tenantDirectoryId(TENANT));
      });
      assert.deepEqual(await choices(elsewhere), [], 'a year after it was made, where no committee is');
      assert.deepEqual(
        await choices(tenantDirectoryId(TENANT)),
        [stranger.aadObjectId],
        'chosen again since, it is kept',
      );
      const trail = (await opened.rawPartition(elsewhere)).filter(
        (record) => record.documentType === 'languagePreference',
      );
      assert.deepEqual(
        trail.map((record) => record.operation).sort(),
        ['created', 'deleted'],
        'the trail recorded the choice and its end',
      );
      assert.ok(
        trail.every((record) =>
          (record.changes as Array<{ before?: unknown; after?: unknown }>).every((change) =>
            [change.before, change.after].every((value) => value === undefined || value === '[removed]'),
          ),
        ),
        'without the values',
      );
      moveTo('2028-07-01T00:00:00Z');
      await asScheduler(() => applyRetention(audited, tenantDirectoryId(TENANT)));
      assert.deepEqual(await choices(tenantDirectoryId(TENANT)), [], 'and the stranger’s a year after the last choice');
    });

    it('reaches partitions without a committee: their exports, conversation references and trail', async () => {
      const tenant = '77777777-0000-0000-0000-000000000007';
      const elsewhere = tenantDirectoryId(tenant);
      const visitor = {
        tenantId: tenant,
        aadObjectId: '77777777-0000-0000-0000-00000000000a',
        displayName: 'Vera Gast',
      };
      await rememberConversation(world.deps, {
        address: {
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
          conversationId: 'a:vera',
          conversationType: 'personal',
          tenantId: tenant,
          botId: 'b',
          userId: '29:vera',
          userAadObjectId: visitor.aadObjectId,
          userName: 'Vera Gast',
        },
      });
      await auditContext.run({ actorId: visitor.aadObjectId, source: 'bot' }, async () =>
        exportPersonalData(audited, await actorIn(audited, visitor, elsewhere)),
      );
      const kinds = async () => (await opened.rawPartition(elsewhere)).map((document) => document.type).sort();
      assert.deepEqual(await kinds(), ['audit', 'conversation', 'dataExport', 'link']);

      moveTo('2026-11-23T00:00:00Z');
      assert.equal(
        await asScheduler(() => ensureRetentionJobs(audited)),
        1,
        "the committee's own job is scheduled as before",
      );
      assert.deepEqual(
        await kinds(),
        ['audit', 'audit', 'conversation'],
        'the expired export is gone the next day; the trail recorded both',
      );
      const trail = (await opened.rawPartition(elsewhere)).flatMap(
        (record) => (record.changes as Array<{ before?: unknown; after?: unknown }>) ?? [],
      );
      assert.ok(
        trail.length > 0 &&
          trail.every((change) =>
            [change.before, change.after].every((value) => value === undefined || value === '[removed]'),
          ),
        "the trail no longer holds the export's values",
      );
      moveTo('2027-01-01T00:00:00Z');
      await asScheduler(() => ensureRetentionJobs(audited));
      assert.deepEqual(
        await kinds(),
        ['audit', 'audit'],
        'the reference of a chat with someone on no roster goes after a month',
      );
      moveTo('2028-12-01T00:00:00Z');
      await asScheduler(() => ensureRetentionJobs(audited));
      assert.deepEqual(
        await opened.rawPartition(elsewhere),
        [],
        'and the trail after the default period: the partition is empty',
      );
      assert.equal(
        await world.store.get(elsewhere, jobDocumentId(RETENTION_JOB, 'committee')),
        undefined,
        'without a job of its own',
      );
    });
  });
}
