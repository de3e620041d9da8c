import assert from 'node:assert/strict';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { applyRetention } from '../../../src/app/privacy/apply-retention';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { auditContext } from '../../../src/app/audit/audit-context';
import { AuditRecordWriteRefused, auditedStore } from '../../../src/app/audit/audited-store';
import type { Document } from '../../../src/app/ports/document-store';
import { dataExportFile, exportPersonalData } from '../../../src/app/privacy/export-personal-data';
import type { DataExportDocument, PersonalDataExport } from '../../../src/app/privacy/data-export-document';
import { issueLink } from '../../../src/app/links/issue-link';
import { revokeLinksOf } from '../../../src/app/links/revoke-links';
import { DOCUMENT_TYPES } from '../../../src/app/privacy/retention-rules';
import { RETENTION_JOB, RETENTION_JOB_HANDLERS, ensureRetentionJobs } from '../../../src/app/privacy/retention-jobs';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import type { JobDocument } from '../../../src/app/scheduling/job';
import type { MinutesDocument, MinutesVersionDocument } from '../../../src/app/minutes/minutes-document';
import type { AgendaDocument } from '../../../src/app/agenda/agenda-document';
import type { WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import type { MinutesResponseDocument } from '../../../src/app/minutes/minutes-response-document';
import type { AttendanceDocument } from '../../../src/app/sessions/attendance';
import type { RsvpDocument } from '../../../src/app/sessions/rsvp-document';
import { languagePreferenceDocumentId, personDocumentId } from '../../../src/domain/ids';
import type { LanguagePreferenceDocument } from '../../../src/app/preferences/language-preference';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { silentLogger } from '../../../src/app/ports/logger';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import {
  around,
  BIRGIT,
  GUEST,
  DIRECTORY,
  partitionJson,
  rawPartitionJson,
  SABINE,
  seedFreeTextMentions,
  seedPersonalRecords,
} from './privacy-fixtures';

const HOUR = 60 * 60 * 1000;

for (const engine of ENGINES) {
  describe(`app/privacy on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let opened: OpenedEngine;
    let close: () => Promise<void>;
    beforeEach(async () => {
      opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      await seedPersonalRecords(world.store);
    });
    afterEach(async () => close());

    describe('my data', () => {
      it('exports every kind of record naming the person, and nothing of anyone else', async () => {
        // One record of the audit trail about her, written as the server writes every change.
        const audited = { ...world.deps, store: auditedStore(world.store, world.deps.clock) };
        const seat = (
          await world.store.query<SeatDocument>(COMMITTEE, {
            type: 'seat',
            where: [{ field: 'memberId', op: '=', value: PEOPLE.sabine }],
          })
        )[0]!;
        const { _etag: seatEtag, ...moved } = seat;
        await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
          audited.store.replace<SeatDocument>({ ...moved, institution: 'Jobcenter Leipzig Nord' }, seatEtag),
        );
        const link = (await exportPersonalData(world.deps, await world.actor('sabine')))!;
        const file = await dataExportFile(world.deps, DIRECTORY, link.token);
        assert.ok(file);
        const exported = JSON.parse(file.content) as PersonalDataExport;
        assert.deepEqual(
          exported.committees.map((committee) => committee.committeeId),
          [COMMITTEE],
          'her one committee',
        );
        const data = exported.committees[0] as unknown as Record<string, unknown[]> & {
          person: { displayName: string };
        };
        assert.equal(data.person.displayName, SABINE);
        assert.equal(exported.directory.conversations.length, 1, 'her 1:1 chat, from the directory');
        for (const kind of [
          'seats',
          'rsvps',
          'attendance',
          'minutesParticipation',
          'topicSubmissions',
          'minutesAnswers',
          'actionItems',
          'messages',
          'auditTrail',
        ]) {
          assert.equal(data[kind]!.length, 1, `${kind}: ${JSON.stringify(data[kind])}`);
        }
        assert.match(file.content, /Einwand sabine/);
        assert.match(file.content, /"kind": "created"/, 'an action item comes with its history');
        assert.deepEqual(
          exported.directory.languagePreference,
          {
            id: languagePreferenceDocumentId(PEOPLE.sabine),
            committeeId: DIRECTORY,
            type: 'languagePreference',
            personId: PEOPLE.sabine,
            language: 'en',
            updatedAt: '2027-01-01T00:00:00.000Z',
          },
          'her language choice, and not Birgit’s',
        );
        assert.doesNotMatch(file.content, new RegExp(`${BIRGIT}|${PEOPLE.birgit}|Einwand birgit|${PEOPLE.yusuf}`));
      });

      it('answers anyone, also a person without a role, about themselves only', async () => {
        const link = (await exportPersonalData(world.deps, await world.actor('0f0f0f0f-0000-0000-0000-00000000000f')))!;
        const exported = JSON.parse(
          (await dataExportFile(world.deps, DIRECTORY, link.token))!.content,
        ) as PersonalDataExport;
        const data = exported.committees[0]!;
        assert.equal(data.person, null);
        assert.deepEqual(data.rsvps, []);
        assert.deepEqual(exported.directory.conversations, []);
        assert.equal(exported.directory.languagePreference, null);
      });

      it('serves the file only with the exact token and only for a day', async () => {
        const link = (await exportPersonalData(world.deps, await world.actor('sabine')))!;
        assert.ok(await dataExportFile(world.deps, DIRECTORY, link.token));
        const wrong = link.token.slice(0, -1) + (link.token.endsWith('A') ? 'B' : 'A');
        for (const token of [wrong, '', 'short', `${link.token}x`, '../../etc'])
          assert.equal(await dataExportFile(world.deps, DIRECTORY, token), undefined, token);
        assert.equal(await dataExportFile(world.deps, 'committee-other', link.token), undefined);
        assert.equal(await dataExportFile(world.deps, COMMITTEE, link.token), undefined, 'not in the committee');
        world.clock.advance(24 * HOUR - 1000);
        assert.ok(await dataExportFile(world.deps, DIRECTORY, link.token));
        world.clock.advance(1000);
        assert.equal(await dataExportFile(world.deps, DIRECTORY, link.token), undefined);
        assert.equal(
          (await applyRetention(world.deps, DIRECTORY)).byType.dataExport,
          1,
          'the expired export is deleted',
        );
      });

      it('collects the file when its link is opened, as the records are then, and stores no copy of them', async () => {
        const link = (await exportPersonalData(world.deps, await world.actor('sabine')))!;
        const stored = await world.store.query<DataExportDocument>(DIRECTORY, { type: 'dataExport' });
        assert.equal(stored.length, 1);
        assert.equal(stored[0]!.content, undefined, 'the request holds no file');
        assert.equal(stored[0]!.askedInCommitteeId, COMMITTEE);
        assert.doesNotMatch(JSON.stringify(stored), new RegExp(`${SABINE}|Einwand sabine|Jobcenter`));

        // After the request and before the opening, her seat moves to another institution.
        world.clock.advance(20 * HOUR);
        const seat = (
          await world.store.query<SeatDocument>(COMMITTEE, {
            type: 'seat',
            where: [{ field: 'memberId', op: '=', value: PEOPLE.sabine }],
          })
        )[0]!;
        const { _etag: seatEtag, ...moved } = seat;
        await world.store.replace<SeatDocument>({ ...moved, institution: 'Jobcenter Leipzig Nord' }, seatEtag);

        const file = (await dataExportFile(world.deps, DIRECTORY, link.token))!;
        const exported = JSON.parse(file.content) as PersonalDataExport;
        assert.deepEqual(
          exported.committees[0]!.seats.map((entry) => (entry as { institution: string }).institution),
          ['Jobcenter Leipzig Nord'],
          'the seat as it is when the file is opened',
        );
        assert.equal(exported.exportedAt, world.clock.now().toUTC().toISO(), 'as of the opening');
        assert.equal(file.fileName, `gremium-meine-daten-${exported.exportedAt.slice(0, 10)}.json`);
        assert.equal(file.fileName, 'gremium-meine-daten-2026-11-22.json', 'named after the day it is opened');
      });

      it('serves a request stored with its file, from before files were collected on opening, as stored', async () => {
        const createdAt = world.clock.now().toUTC().toISO()!;
        const content: PersonalDataExport = {
          exportedAt: createdAt,
          personId: PEOPLE.sabine,
          committees: [],
          directory: { conversations: [], committees: null, languagePreference: null, calendarFeed: null },
        };
        await world.store.create<DataExportDocument>({
          id: 'data-export-stored-before',
          committeeId: DIRECTORY,
          type: 'dataExport',
          personId: PEOPLE.sabine,
          createdAt,
          expiresAt: world.clock.now().plus({ hours: 24 }).toUTC().toISO()!,
          content,
        });
        const link = (await issueLink(world.deps, {
          committeeId: DIRECTORY,
          recipient: { kind: 'person', id: PEOPLE.sabine },
          target: { kind: 'export', exportId: 'data-export-stored-before' },
          slot: 'export|data-export-stored-before',
        }))!;
        world.clock.advance(HOUR);
        const file = (await dataExportFile(world.deps, DIRECTORY, link.token))!;
        assert.deepEqual(JSON.parse(file.content), content, 'the stored file, not one collected now');
        assert.equal(file.fileName, `gremium-meine-daten-${createdAt.slice(0, 10)}.json`);
        world.clock.advance(23 * HOUR);
        assert.equal(await dataExportFile(world.deps, DIRECTORY, link.token), undefined, 'expired');
      });

      it('gives nothing through a revoked link, or through a link of another person to her request', async () => {
        const link = (await exportPersonalData(world.deps, await world.actor('sabine')))!;
        const [request] = await world.store.query<DataExportDocument>(DIRECTORY, { type: 'dataExport' });
        const birgits = (await issueLink(world.deps, {
          committeeId: DIRECTORY,
          recipient: { kind: 'person', id: PEOPLE.birgit },
          target: { kind: 'export', exportId: request!.id },
          slot: `export|${request!.id}|birgit`,
        }))!;
        assert.equal(await dataExportFile(world.deps, DIRECTORY, birgits.token), undefined, "Birgit's link");
        assert.ok(await dataExportFile(world.deps, DIRECTORY, link.token), 'her own link works');
        assert.equal(await revokeLinksOf(world.deps, DIRECTORY, PEOPLE.sabine), 1);
        assert.equal(await dataExportFile(world.deps, DIRECTORY, link.token), undefined, 'revoked');
      });
    });

    describe('erasure', () => {
      it('replaces the name everywhere, frees the seats and keeps minutes and counts intact', async () => {
        await exportPersonalData(world.deps, await world.actor('sabine'));
        const before = await loadRoster(world.store, COMMITTEE);
        const result = await erasePerson(world.deps, await world.actor('katrin'), {
          revision: before.revision,
          personId: PEOPLE.sabine,
        });
        assert.ok(result.ok, JSON.stringify(result));
        assert.equal(result.value.pseudonym, 'ehemalige Person');

        const json = await partitionJson(world.store, DOCUMENT_TYPES);
        assert.ok(
          !json.toLowerCase().includes(SABINE.toLowerCase()),
          json.slice(Math.max(0, json.indexOf(SABINE) - 300), json.indexOf(SABINE) + 50),
        );
        assert.ok(json.includes(BIRGIT), 'other people keep their names');
        const person = await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine));
        assert.ok(person && !person.active && person.roles.length === 0 && person.erasedAt && !person.contact);
        const seats = await world.store.query<SeatDocument>(COMMITTEE, { type: 'seat' });
        assert.ok(seats.every((seat) => seat.memberId !== PEOPLE.sabine && seat.deputyId !== PEOPLE.sabine));
        const minutes = await world.store.get<MinutesDocument>(COMMITTEE, `minutes-${SESSION_1}`);
        assert.deepEqual(
          minutes!.participants.map((participant) => participant.name),
          ['ehemalige Person', BIRGIT],
        );
        const objections = await world.store.query<MinutesResponseDocument>(COMMITTEE, { type: 'minutesResponse' });
        assert.equal(objections.filter((response) => response.answer === 'object').length, 2, 'the objection stays');
        assert.deepEqual(
          (await world.store.query<Document & { aadObjectId?: string }>(DIRECTORY, { type: 'conversation' })).map(
            (conversation) => conversation.aadObjectId,
          ),
          [PEOPLE.birgit],
          'her 1:1 reference is deleted from the directory, as she is in no other committee',
        );
        assert.equal(
          (await world.store.query(DIRECTORY, { type: 'dataExport' })).length,
          0,
          'her pending export is deleted',
        );
        assert.deepEqual(
          (await world.store.query<LanguagePreferenceDocument>(DIRECTORY, { type: 'languagePreference' })).map(
            (choice) => choice.personId,
          ),
          [PEOPLE.birgit],
          "her language choice is deleted, Birgit's stays",
        );
        assert.equal((await loadRoster(world.store, COMMITTEE)).revision, before.revision + 1);
      });

      it('pseudonymises the audit trail too, which stays closed to every other write', async () => {
        const audited = { ...world.deps, store: auditedStore(world.store, world.deps.clock) };
        // A change the trail records with her name in it, as it keeps every change.
        const attendance: AttendanceDocument = {
          id: 'attendance-session-2027-3',
          committeeId: COMMITTEE,
          type: 'attendance',
          sessionId: 'session-2027-3',
          entries: [{ seatId: 'seat-jobcenter', institution: 'Jobcenter Leipzig', presence: 'inPerson', name: SABINE }],
          revision: 1,
          recordedAt: '2027-10-14T12:00:00.000Z',
          recordedBy: PEOPLE.katrin,
        };
        await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () => audited.store.create(attendance));
        assert.ok((await partitionJson(world.store, ['audit'])).includes(SABINE), 'the trail recorded her name');

        const result = await erasePerson(audited, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          personId: PEOPLE.sabine,
        });
        assert.ok(result.ok, JSON.stringify(result));
        const trail = await world.store.query<Document>(COMMITTEE, { type: 'audit' });
        assert.ok(trail.length >= 2, 'the records stay, and the erasure is recorded too');
        const json = await partitionJson(world.store, [...DOCUMENT_TYPES, 'audit']);
        assert.ok(
          !json.toLowerCase().includes(SABINE.toLowerCase()),
          json.slice(Math.max(0, json.indexOf(SABINE) - 300), json.indexOf(SABINE) + 50),
        );
        const { _etag: recordEtag, ...record } = trail[0]!;
        await assert.rejects(audited.store.replace<Document>({ ...record }, recordEtag), AuditRecordWriteRefused);
      });

      it('refuses members, the secretariat erasing itself, and an outdated card, changing nothing', async () => {
        const { revision } = await loadRoster(world.store, COMMITTEE);
        const snapshot = await partitionJson(world.store, DOCUMENT_TYPES);
        assert.deepEqual(
          await erasePerson(world.deps, await world.actor('birgit'), { revision, personId: PEOPLE.sabine }),
          { ok: false, error: { kind: 'notAllowed' } },
        );
        assert.deepEqual(
          await erasePerson(world.deps, await world.actor('katrin'), { revision, personId: PEOPLE.katrin }),
          { ok: false, error: { kind: 'self' } },
        );
        assert.deepEqual(
          await erasePerson(world.deps, await world.actor('katrin'), {
            revision: revision + 1,
            personId: PEOPLE.sabine,
          }),
          { ok: false, error: { kind: 'outdated' } },
        );
        assert.deepEqual(await erasePerson(world.deps, await world.actor('katrin'), { revision, personId: 'nobody' }), {
          ok: false,
          error: { kind: 'outdated' },
        });
        assert.equal(await partitionJson(world.store, DOCUMENT_TYPES), snapshot);
        const erased = await erasePerson(world.deps, await world.actor('katrin'), {
          revision,
          personId: PEOPLE.sabine,
        });
        assert.ok(erased.ok);
        assert.deepEqual(
          await erasePerson(world.deps, await world.actor('katrin'), { revision, personId: PEOPLE.sabine }),
          { ok: false, error: { kind: 'outdated' } },
          'the same card again',
        );
      });
    });

    describe('names in free text', () => {
      /** A change through the audit trail, as the server makes every change, so the trail records her name too. */
      async function auditedChanges(): Promise<typeof world.deps> {
        const audited = { ...world.deps, store: auditedStore(world.store, world.deps.clock) };
        const group = (await world.store.get<Document & { revision: number }>(COMMITTEE, 'working-group-sprache'))!;
        const { _etag: groupEtag, ...rest } = group;
        await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
          audited.store.replace(
            { ...rest, revision: rest.revision + 1, mandate: 'Sabine Hoffmann und Max Maierhofer koordinieren.' },
            groupEtag,
          ),
        );
        assert.match(await partitionJson(world.store, ['audit']), /Sabine Hoffmann/);
        return audited;
      }

      beforeEach(async () => seedFreeTextMentions(world.store));

      it('erasure replaces her name in every free-text field of every record, the audit trail included', async () => {
        const audited = await auditedChanges();
        const result = await erasePerson(audited, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          personId: PEOPLE.sabine,
        });
        assert.ok(result.ok, JSON.stringify(result));
        const raw = await rawPartitionJson(opened);
        assert.equal(around(raw, 'Hoffmann'), '', 'no form of her name is left anywhere in the partition');
        assert.ok(raw.includes(GUEST) && raw.includes(BIRGIT), 'other people keep their names');
        const agenda = await world.store.get<AgendaDocument>(COMMITTEE, `agenda-${SESSION_1}`);
        assert.deepEqual(
          [agenda!.items[0]!.presenter, agenda!.items[0]!.title, agenda!.published!.items[0]!.presenter],
          ['ehemalige Person', 'Sprachkurse (Bericht ehemalige Person)', 'ehemalige Person'],
        );
        assert.equal((await world.session()).chair, 'ehemalige Person');
        const group = await world.store.get<WorkingGroupDocument>(COMMITTEE, 'working-group-sprache');
        assert.equal(group!.members, `ehemalige Person (Jobcenter Leipzig)\n${GUEST} (VHS)\n${BIRGIT}`);
        const older = await world.store.get<MinutesVersionDocument>(COMMITTEE, `minutes-${SESSION_1}-v1`);
        assert.equal(older!.items[0]!.summary, 'Entwurf: ehemalige Person Bericht über die Sprachkurse.');
        assert.equal(older!.chair, 'ehemalige Person');
      });

      it('erasing "Anna Maier" leaves "Anna Maierhofer", "Herr Maierhofer" and the double name "Maier-Schulz" as they were', async () => {
        const anna = '0a0a0a0a-0000-0000-0000-00000000000a';
        await world.addPerson(anna, 'Anna Maier', ['workingGroup']);
        const group = (await world.store.get<WorkingGroupDocument>(COMMITTEE, 'working-group-sprache'))!;
        await world.store.upsert({
          ...group,
          members: 'Anna Maier, Anna Maierhofer, Jana Maier-Schulz',
          mandate: 'Frau Maier und Herr Maierhofer berichten.',
        });
        const result = await erasePerson(world.deps, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          personId: anna,
        });
        assert.ok(result.ok, JSON.stringify(result));
        const after = await world.store.get<WorkingGroupDocument>(COMMITTEE, 'working-group-sprache');
        assert.equal(after!.members, 'ehemalige Person, Anna Maierhofer, Jana Maier-Schulz');
        assert.equal(after!.mandate, 'ehemalige Person und Herr Maierhofer berichten.');
        assert.doesNotMatch(await rawPartitionJson(opened), /Anna Maier\b|Frau Maier\b/);
      });

      it('my data lists every mention of her name: agenda presenter, member list, chair, minutes of an older version, the trail', async () => {
        await auditedChanges();
        const link = await exportPersonalData(world.deps, await world.actor('sabine'));
        const exported = JSON.parse(
          (await dataExportFile(world.deps, DIRECTORY, link!.token))!.content,
        ) as PersonalDataExport;
        const data = exported.committees[0]!;
        const where = data.mentions.map((mention) => `${mention.documentType} ${mention.documentId} ${mention.field}`);
        for (const expected of [
          `agenda agenda-${SESSION_1} items.0.presenter`,
          `agenda agenda-${SESSION_1} items.0.title`,
          `agenda agenda-${SESSION_1} published.items.0.presenter`,
          `session ${SESSION_1} chair`,
          `session ${SESSION_1} agenda.items.0.presenter`,
          'workingGroup working-group-sprache members',
          'workingGroup working-group-sprache mandate',
          'topicSubmission topic-sabine content.description',
          `minutes minutes-${SESSION_1} items.0.summary`,
          `minutesVersion minutes-${SESSION_1}-v1 items.0.summary`,
          `minutesVersion minutes-${SESSION_1}-v1 items.0.result`,
          `minutesVersion minutes-${SESSION_1}-v1 items.0.agreements.0.text`,
          'agreement agreement-sabine history.1.note',
          'agreement agreement-sabine proposedDueDate.note',
          'minutesResponse minutes-response-birgit comment',
          'outbox outbox-birgit message.data.summary',
        ]) {
          assert.ok(where.includes(expected), `${expected} missing from ${where.join('\n')}`);
        }
        assert.ok(
          data.mentions.some(
            (mention) =>
              mention.documentType === 'audit' && mention.excerpt.includes('Sabine Hoffmann und Max Maierhofer'),
          ),
          'the trail is searched too',
        );
        const older = data.mentions.find(
          (mention) => mention.documentId === `minutes-${SESSION_1}-v1` && mention.field === 'items.0.summary',
        );
        assert.equal(older!.excerpt, 'Entwurf: Sabine Hoffmanns Bericht über die Sprachkurse.');
        assert.ok(
          !where.some((entry) => entry.startsWith('person ')),
          'her own roster entry is exported as such, not as a mention',
        );
        // Birgit's export lists the member list that names her, and nothing that names only Sabine.
        const birgits = await exportPersonalData(world.deps, await world.actor('birgit'));
        const hers = (
          JSON.parse((await dataExportFile(world.deps, DIRECTORY, birgits!.token))!.content) as PersonalDataExport
        ).committees[0]!;
        assert.deepEqual(
          [...new Set(hers.mentions.map((mention) => `${mention.documentType} ${mention.field}`))].sort(),
          [
            'agreement responsibleName',
            'attendance entries.1.name',
            'minutes participants.1.name',
            'minutesVersion participants.1.name',
            'outbox recipientLabel',
            'rsvp delegateName',
            'topicSubmission personName',
            'workingGroup members',
          ].sort(),
        );
      });
    });

    describe('retention', () => {
      it('removes names and comments of a finished session only after the period, on the daily job', async () => {
        assert.equal(await ensureRetentionJobs(world.deps), 1);
        assert.equal(await ensureRetentionJobs(world.deps), 0, 'one job per committee');
        // Through the audit trail, as the server runs it: a correction of the attendance is recorded with the names.
        const audited = { ...world.deps, store: auditedStore(world.store, world.deps.clock) };
        const recorded = (await world.store.get<AttendanceDocument>(COMMITTEE, `attendance-${SESSION_1}`))!;
        const { _etag: attendanceEtag, ...corrected } = recorded;
        await auditContext.run({ actorId: PEOPLE.katrin, source: 'bot' }, () =>
          audited.store.replace<AttendanceDocument>(
            { ...corrected, entries: corrected.entries.map((entry) => ({ ...entry, presence: 'online' as const })) },
            attendanceEtag,
          ),
        );
        assert.ok((await partitionJson(world.store, ['audit'])).includes(SABINE), 'the trail recorded the names');
        const run = () => runDueJobs({ ...audited, logger: silentLogger, instanceId: 'test' }, RETENTION_JOB_HANDLERS);
        const names = async () => {
          const attendance = await world.store.get<AttendanceDocument>(COMMITTEE, `attendance-${SESSION_1}`);
          return attendance!.entries.map((entry) => entry.name).join();
        };
        // Approved 1 March 2027, 24 months by default: kept on 28 February 2029.
        world.clock.advance(Date.parse('2029-02-28T00:00:00Z') - world.clock.now().toMillis());
        assert.equal((await run()).length, 1);
        assert.equal(await names(), `${SABINE},${BIRGIT}`);
        world.clock.advance(2 * 24 * HOUR);
        assert.equal((await run()).length, 1, 'the job planned itself for the next day');
        assert.equal(await names(), ',');
        const minutes = await world.store.get<MinutesDocument>(COMMITTEE, `minutes-${SESSION_1}`);
        assert.deepEqual(
          minutes!.participants.map((participant) => [participant.institution, participant.name]),
          [
            ['Jobcenter Leipzig', ''],
            ['Agentur für Arbeit Leipzig', ''],
          ],
        );
        const responses = await world.store.query<MinutesResponseDocument>(COMMITTEE, { type: 'minutesResponse' });
        assert.deepEqual(
          responses.map((response) => [response.answer, response.comment]),
          [
            ['object', undefined],
            ['object', undefined],
          ],
        );
        assert.ok(
          (await world.store.query<RsvpDocument>(COMMITTEE, { type: 'rsvp' })).every(
            (rsvp) => rsvp.delegateName === undefined && rsvp.choice === 'delegate',
          ),
        );
        const json = await partitionJson(world.store, [
          'attendance',
          'minutes',
          'minutesVersion',
          'rsvp',
          'minutesResponse',
        ]);
        assert.ok(!json.includes(SABINE) && !json.includes('Einwand'));
        assert.ok(
          !(await partitionJson(world.store, ['audit'])).includes(SABINE),
          'nor does the audit trail keep them',
        );
        assert.deepEqual(
          await applyRetention(audited, COMMITTEE),
          { sessions: 1, documents: 0, byType: {} },
          'nothing left to remove',
        );
        const jobs = await world.store.query<JobDocument>(COMMITTEE, {
          type: 'job',
          where: [{ field: 'kind', op: '=', value: RETENTION_JOB }],
        });
        assert.equal(jobs.length, 1);
        assert.equal(jobs[0]!.status, 'scheduled');
      });

      it('follows the committee’s own period', async () => {
        const committee = await world.store.get<
          Record<string, unknown> & { id: string; committeeId: string; type: string }
        >(COMMITTEE, 'committee');
        await world.store.upsert({ ...committee!, retentionMonths: 6 });
        world.clock.advance(Date.parse('2027-08-30T00:00:00Z') - world.clock.now().toMillis());
        assert.equal((await applyRetention(world.deps, COMMITTEE)).sessions, 0);
        world.clock.advance(3 * 24 * HOUR);
        assert.equal((await applyRetention(world.deps, COMMITTEE)).sessions, 1);
      });
    });
  });
}
