import assert from 'node:assert/strict';
import type { CommitteeDocument, SeatDocument } from '../../../src/app/documents';
import type { MinutesPrint } from '../../../src/app/minutes/minutes-print';
import { readOparl, readOparlFile, type OparlReading } from '../../../src/app/oparl/read-oparl';
import { PUBLISHED_OBJECT_TYPE, type PublishedObjectDocument } from '../../../src/app/oparl/published-object-document';
import { refreshPublication, refreshPublications, RefreshMemory } from '../../../src/app/oparl/refresh-publication';
import { auditContext } from '../../../src/app/audit/audit-context';
import { auditedStore } from '../../../src/app/audit/audited-store';
import { silentLogger } from '../../../src/app/ports/logger';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { editSession } from '../../../src/app/sessions/edit-session';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { COMMITTEE_DOCUMENT_ID, seatDocumentId } from '../../../src/domain/ids';
import { parseOparlPath } from '../../../src/domain/oparl/oparl-paths';
import { ENGINES } from '../../support/engines';
import { SessionWorld } from '../sessions/session-world';
import {
  COMMITTEE,
  midCycleWorld,
  refresh,
  SESSION_1,
  SESSION_2,
  setPublication,
  TENANT,
  testPublishing,
} from './oparl-world';

const BASE = 'https://gremium.example.org/oparl/v1';
const BODY = `body/${TENANT}`;
type Json = Record<string, unknown>;

for (const engine of ENGINES) {
  describe(`app/oparl: publishing a committee's record and reading it, on the ${engine.name}`, function () {
    this.timeout(120_000);
    const publishing = testPublishing(BASE);
    const reading: OparlReading = { base: BASE, texts: publishing.texts };
    let store: DocumentStore;
    let close: () => Promise<void>;
    let world: SessionWorld;
    beforeEach(async () => {
      const opened = await engine.open();
      ({ store, close } = opened);
    });
    afterEach(async () => close());

    const read = async (path: string, query = ''): Promise<Json | 'notFound' | string> => {
      const address = parseOparlPath(path);
      assert.ok(address, path);
      const answer = await readOparl(world.deps, reading, address, new URLSearchParams(query));
      if (answer.kind === 'json') return answer.body as Json;
      return answer.kind === 'notFound' ? 'notFound' : `badRequest ${answer.parameter}`;
    };
    const object = async (path: string, query = ''): Promise<Json> => {
      const found = await read(path, query);
      assert.ok(typeof found === 'object', `${path}: ${String(found)}`);
      return found;
    };
    const listed = async (path: string, query = ''): Promise<Json[]> => (await object(path, query)).data as Json[];
    const ids = (objects: readonly Json[]) => objects.map((item) => String(item.id).slice(BASE.length + 1));
    const entries = () => store.query<PublishedObjectDocument>(COMMITTEE, { type: PUBLISHED_OBJECT_TYPE });
    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

    it('publishes nothing until the secretariat switches publication on, then the whole record, once', async () => {
      world = await midCycleWorld(store);
      assert.equal(await refresh(world, publishing), false);
      assert.deepEqual(await listed('bodies'), []);
      assert.equal(await read(`meeting/${COMMITTEE}/${SESSION_1}`), 'notFound');
      assert.equal(await read(BODY), 'notFound');

      await setPublication(store, true);
      assert.equal(await refresh(world, publishing), true);
      assert.equal(await refresh(world, publishing), false, 'a second refresh without a change writes nothing');

      assert.deepEqual(ids(await listed('bodies')), [BODY]);
      const body = await object(BODY);
      assert.equal(body.name, (await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))?.name);
      assert.deepEqual(ids(await listed(`${BODY}/meeting`)), [
        `meeting/${COMMITTEE}/${SESSION_1}`,
        `meeting/${COMMITTEE}/${SESSION_2}`,
        `meeting/${COMMITTEE}/session-2027-3`,
      ]);
      const [held, invited, planned] = await listed(`organization/${COMMITTEE}/meeting`);
      assert.deepEqual(
        [held, invited, planned].map((meeting) => [
          meeting!.meetingState,
          meeting!.cancelled,
          Boolean(meeting!.invitation),
          Boolean(meeting!.resultsProtocol),
          (meeting!.agendaItem as Json[] | undefined)?.length ?? 0,
        ]),
        [
          ['durchgeführt', false, true, true, 3],
          ['eingeladen', false, true, false, 4],
          ['terminiert', false, false, false, 0],
        ],
      );
      assert.equal(held!.start, '2027-02-11T14:00:00+01:00');
      assert.deepEqual(
        (held!.location as Json).description,
        'Neues Rathaus, Raum 259',
        'the place, never the online link',
      );
      const topic = (held!.agendaItem as Json[])[1]!;
      assert.deepEqual(
        [topic.number, topic.order, topic.name, topic.public, topic.result, topic.resolutionText],
        [
          '2',
          1,
          'Ausbildungsabbrüche',
          false,
          'Die Zahlen werden erhoben; [Name entfernt] berichtet in der nächsten Sitzung.',
          'Zahlen der Ausbildungsabbrüche vorlegen (Institution: Jobcenter Leipzig; zu erledigen bis Freitag, 30. April 2027, 24:00 Uhr)',
        ],
      );
      assert.deepEqual(
        ids(await listed(`${BODY}/organization`)).sort(),
        [
          `organization/${COMMITTEE}`,
          ...(await store.query<SeatDocument>(COMMITTEE, { type: 'seat' })).map(
            (seat) => `organization/${COMMITTEE}/institution/${seat.id}`,
          ),
          ...(
            await store.query<{ id: string; committeeId: string; type: string }>(COMMITTEE, { type: 'workingGroup' })
          ).map((group) => `organization/${COMMITTEE}/group/${group.id}`),
        ].sort(),
      );
      assert.deepEqual(ids(await listed(`${BODY}/person`)), [], 'no person is published');
    });

    it('dates an object by when it appeared and changed in the interface: a change moves modified, never created', async () => {
      world = await midCycleWorld(store);
      await setPublication(store, true);
      await refresh(world, publishing);
      const published = world.clock.now().toUTC().toISO();
      const before = await object(`meeting/${COMMITTEE}/${SESSION_2}`);
      const untouched = await object(`meeting/${COMMITTEE}/${SESSION_1}`);
      assert.deepEqual([before.created, before.modified], [published, published]);

      at('2027-03-02T08:00:00.000Z');
      const session = await world.session(SESSION_2);
      const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_2, session.revision, {
        date: session.startsAt.slice(0, 10),
        time: '10:00',
        place: 'Volkshochschule, Saal 1',
      });
      assert.ok(edited.ok, JSON.stringify(edited));
      assert.equal(await refresh(world, publishing), true);

      const after = await object(`meeting/${COMMITTEE}/${SESSION_2}`);
      assert.deepEqual([after.created, after.modified], [published, '2027-03-02T08:00:00.000Z']);
      assert.equal((after.location as Json).description, 'Volkshochschule, Saal 1');
      assert.equal((after.location as Json).modified, '2027-03-02T08:00:00.000Z', 'embedded objects have their times');
      assert.deepEqual(await object(`meeting/${COMMITTEE}/${SESSION_1}`), untouched);
      const changed = await listed(`${BODY}/meeting`, 'modified_since=2027-03-02T09:00:00%2B01:00');
      assert.deepEqual(ids(changed), [`meeting/${COMMITTEE}/${SESSION_2}`]);
    });

    it('states a removed seat as deleted: listed with deleted only to who asks what changed, its address still answers', async () => {
      world = await SessionWorld.create(store);
      await setPublication(store, true);
      await refresh(world, publishing);
      const deputy = `membership/${COMMITTEE}/${seatDocumentId('ihk')}/deputy`;
      assert.equal((await object(deputy)).role, 'Stellvertretung');

      at('2026-11-22T10:00:00.000Z');
      await store.delete(COMMITTEE, seatDocumentId('ihk'));
      assert.equal(await refresh(world, publishing), true);

      assert.deepEqual(await object(deputy), {
        id: `${BASE}/${deputy}`,
        type: 'https://schema.oparl.org/1.1/Membership',
        created: '2026-11-21T10:00:00.000Z',
        modified: '2026-11-22T10:00:00.000Z',
        deleted: true,
      });
      assert.ok(!ids(await listed(`${BODY}/membership`)).includes(deputy));
      const since = await listed(`${BODY}/membership`, 'modified_since=2026-11-22T00:00:00Z');
      assert.deepEqual(
        since.map((item) => [String(item.id).slice(BASE.length + 1), item.deleted]),
        [
          [deputy, true],
          [`membership/${COMMITTEE}/${seatDocumentId('ihk')}/member`, true],
        ],
      );
      const committee = await object(`organization/${COMMITTEE}`);
      assert.ok(!(committee.membership as string[]).some((url) => url.includes(seatDocumentId('ihk'))));
      assert.equal(committee.modified, '2026-11-22T10:00:00.000Z');
    });

    it('turns every object into a deletion when publication is switched off, and brings them back when it is on again', async () => {
      world = await SessionWorld.create(store);
      await setPublication(store, true);
      await refresh(world, publishing);
      const meeting = `meeting/${COMMITTEE}/${SESSION_1}`;
      const first = await object(meeting);

      at('2026-12-01T10:00:00.000Z');
      await setPublication(store, false);
      assert.equal(await refresh(world, publishing), true);
      assert.ok((await entries()).every((entry) => entry.deleted && !entry.object && !entry.content));
      assert.equal((await object(meeting)).deleted, true);
      assert.equal((await object(BODY)).deleted, true);
      assert.deepEqual(await listed(`${BODY}/meeting`), []);
      assert.deepEqual(await listed('bodies'), []);
      assert.deepEqual(
        (await listed('bodies', 'modified_since=2026-12-01T00:00:00Z')).map((body) => body.deleted),
        [true],
      );
      assert.equal((await listed(`${BODY}/meeting`, 'modified_since=2026-12-01T00:00:00Z')).length, 3);
      assert.equal(await refresh(world, publishing), false, 'nothing is left to refresh');

      at('2026-12-02T10:00:00.000Z');
      await setPublication(store, true);
      await refresh(world, publishing);
      const again = await object(meeting);
      assert.deepEqual(
        [again.created, again.modified, again.deleted],
        [first.created, '2026-12-02T10:00:00.000Z', undefined],
      );
      assert.equal((await object(BODY)).deleted, undefined);
    });

    it('measures the minutes extract when its content changes, and serves exactly the bytes it measured', async () => {
      world = await midCycleWorld(store);
      await setPublication(store, true);
      const renders: MinutesPrint[] = [];
      const counting = {
        ...publishing,
        pdf: { render: (print: MinutesPrint) => (renders.push(print), publishing.pdf.render(print)) },
      };
      await refreshPublication(world.deps, counting, COMMITTEE);
      await refreshPublication(world.deps, counting, COMMITTEE);
      assert.equal(renders.length, 1, 'rendered once for the first measurement');
      const print = renders[0]!;
      assert.deepEqual([print.extract, print.participants, print.chair], [true, [], undefined]);
      assert.ok(print.items.every((item) => item.summary === undefined));
      assert.ok(print.items.every((item) => item.agreements.every((agreement) => agreement.responsibleName === '–')));

      const path = `file/${COMMITTEE}/${SESSION_1}/results`;
      const file = await object(path);
      const served = await readOparlFile(world.deps, {
        kind: 'fileContent',
        committeeId: COMMITTEE,
        path,
        delivery: 'download',
      });
      assert.ok(served && served.content.kind === 'pdf');
      const bytes = await publishing.pdf.render(served.content.print);
      assert.equal(file.size, bytes.length);
      assert.equal(file.sha512Checksum, (await import('node:crypto')).createHash('sha512').update(bytes).digest('hex'));

      // A new committee name changes the print: measured again, and the file and its meeting are modified.
      at('2027-03-05T10:00:00.000Z');
      const committee = await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
      await store.replace({ ...committee!, name: 'Koordinierungsgremium Leipzig' }, committee!._etag);
      await refreshPublication(world.deps, counting, COMMITTEE);
      assert.equal(renders.length, 2);
      assert.equal((await object(path)).modified, '2027-03-05T10:00:00.000Z');
      assert.equal((await object(`meeting/${COMMITTEE}/${SESSION_1}`)).modified, '2027-03-05T10:00:00.000Z');
    });

    it("lists a body's committees together: one body per organisation, each committee in its own partition", async () => {
      world = await SessionWorld.create(store);
      await setPublication(store, true);
      const second = 'committee-steuerungsgruppe';
      const committee = await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
      const { _etag, ...stored } = committee!;
      await store.create<CommitteeDocument>({
        ...stored,
        committeeId: second,
        name: 'Steuerungsgruppe',
        shortName: 'SG',
      });
      const session = await world.session(SESSION_1);
      const { _etag: _sessionEtag, ...first } = session;
      await store.create<SessionDocument>({ ...first, id: sessionDocumentId(2027, 1), committeeId: second });
      await refresh(world, publishing);

      assert.deepEqual(ids(await listed('bodies')), [BODY]);
      assert.equal((await object(BODY)).name, 'Gremien: KOG, SG');
      const meetings = await listed(`${BODY}/meeting`);
      assert.equal(meetings.length, 4);
      const walked: string[] = [];
      let next: string | undefined = `${BASE}/${BODY}/meeting?limit=1&created_since=2026-01-01T00:00:00Z`;
      while (next) {
        const url = new URL(next);
        const page = await object(url.pathname.slice('/oparl/v1/'.length), url.search.slice(1));
        walked.push(...ids(page.data as Json[]));
        const links = page.links as Json;
        assert.match(String(links.self), /\?created_since=2026-01-01T00%3A00%3A00Z&limit=1/);
        next = links.next as string | undefined;
        if (next) assert.match(next, /\?created_since=2026-01-01T00%3A00%3A00Z&limit=1&after=/);
      }
      assert.deepEqual(walked, ids(meetings), 'one at a time, in the same order, each once');
      assert.deepEqual(ids(await listed(`organization/${second}/meeting`)), [`meeting/${second}/${SESSION_1}`]);
    });

    it('refreshes, in the loop, only committees whose audit trail shows a change since, and each once a day anyway', async () => {
      world = await SessionWorld.create(store);
      await setPublication(store, true);
      const deps = { store: auditedStore(store, world.clock), clock: world.clock };
      const memory = new RefreshMemory();
      assert.equal(await refreshPublications(deps, publishing, silentLogger, memory), true);
      const meeting = `meeting/${COMMITTEE}/${SESSION_1}`;
      const place = async (text: string, through: DocumentStore) => {
        const session = await store.get<SessionDocument>(COMMITTEE, SESSION_1);
        await auditContext.run({ actorId: 'katrin', source: 'bot' }, () =>
          through.replace({ ...session!, place: text }, session!._etag),
        );
      };

      at('2026-11-21T11:00:00.000Z');
      await place('Unbemerkt am Protokoll vorbei', store);
      assert.equal(await refreshPublications(deps, publishing, silentLogger, memory), false, 'no record, no refresh');
      assert.equal((await object(meeting)).location, undefined);

      at('2026-11-21T12:00:00.000Z');
      await place('Neues Rathaus', deps.store);
      assert.equal(await refreshPublications(deps, publishing, silentLogger, memory), true);
      assert.equal(((await object(meeting)).location as Json).description, 'Neues Rathaus');
      assert.equal(await refreshPublications(deps, publishing, silentLogger, memory), false);

      await place('Volkshochschule', store);
      at('2026-11-22T12:00:00.000Z');
      assert.equal(await refreshPublications(deps, publishing, silentLogger, memory), true, 'a day later, in any case');
      assert.equal(((await object(meeting)).location as Json).description, 'Volkshochschule');
    });

    it('refuses filters that are no date-time and limits out of range, naming the parameter', async () => {
      world = await SessionWorld.create(store);
      await setPublication(store, true);
      await refresh(world, publishing);
      assert.equal(await read(`${BODY}/meeting`, 'modified_since=gestern'), 'badRequest modified_since');
      assert.equal(await read(`${BODY}/meeting`, 'limit=0'), 'badRequest limit');
      assert.equal(await read(`${BODY}/meeting`, 'limit=101'), 'badRequest limit');
      assert.equal(await read(`organization/tenant-unknown/meeting`), 'notFound');
      assert.equal(await read(`meeting/${COMMITTEE}/session-2099-1`), 'notFound');
    });
  });
}
