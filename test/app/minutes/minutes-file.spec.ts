import assert from 'node:assert/strict';
import type { LinkTarget } from '../../../src/app/links/link-document';
import { isSuperseded, minutesFile, MINUTES_SUPERSEDED, type MinutesFile } from '../../../src/app/minutes/minutes-file';
import {
  minutesDocumentId,
  minutesVersionDocumentId,
  type MinutesDocument,
  type MinutesVersionDocument,
} from '../../../src/app/minutes/minutes-document';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../../src/domain/ids';
import type { MinutesItem, MinutesParticipant } from '../../../src/domain/minutes/minutes-content';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import { applyRetention } from '../../../src/app/privacy/apply-retention';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { ENGINES } from '../../support/engines';
import { notingReads } from '../../support/noting-reads';
import { issuedToken, nearMiss } from '../links/link-fixtures';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import { committeeAndSession, holdSession } from './minutes-world';

const PARTICIPANTS: MinutesParticipant[] = [
  { institution: 'Jobcenter Leipzig', name: 'Sabine Hoffmann', presence: 'inPerson' },
  { institution: 'IHK zu Leipzig', name: 'Yusuf Demir', presence: 'absent' },
];

function items(result: string): MinutesItem[] {
  return [
    {
      itemId: 'opening',
      title: '',
      standard: 'opening',
      summary: 'Begrüßung.',
      result: 'Protokoll genehmigt.',
      agreements: [],
    },
    {
      itemId: 'topic-1',
      title: 'Ausbildungsabbrüche',
      summary: 'Interne Aussprache.',
      result,
      agreements: [
        {
          id: 'a1',
          text: 'Zahlen zusammenstellen',
          institution: 'IHK zu Leipzig',
          responsibleId: PEOPLE.yusuf,
          dueDate: '2027-03-11',
        },
        {
          id: 'a2',
          text: 'Nachfragen',
          institution: 'Stadt Leipzig',
          responsibleId: '00000000-0000-0000-0000-00000000dead',
          dueDate: '2027-04-01',
        },
      ],
    },
    { itemId: 'other', title: '', standard: 'other', summary: '', result: '', agreements: [] },
  ];
}

function version(number: number, kind: MinutesVersionDocument['kind'], result: string): MinutesVersionDocument {
  return {
    id: minutesVersionDocumentId(SESSION_1, number),
    committeeId: COMMITTEE,
    type: 'minutesVersion',
    sessionId: SESSION_1,
    version: number,
    kind,
    items: items(result),
    participants: PARTICIPANTS,
    chair: 'Bürgermeisterin für Soziales',
    changedItemIds: [],
    savedAt: `2027-02-1${number}T09:00:00.000Z`,
    savedBy: PEOPLE.katrin,
  };
}

function head(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    id: minutesDocumentId(SESSION_1),
    committeeId: COMMITTEE,
    type: 'minutes',
    sessionId: SESSION_1,
    status: 'draft',
    version: 1,
    items: items('Ergebnis der Fassung 1'),
    participants: PARTICIPANTS,
    chair: 'Bürgermeisterin für Soziales',
    createdAt: '2027-02-11T17:00:00.000Z',
    updatedAt: '2027-02-11T17:00:00.000Z',
    updatedBy: PEOPLE.katrin,
    ...overrides,
  };
}

/**
 * The store as it was before heads noted their version (`saved`): a head read through it lacks
 * the note, so the file is read from the version document, as for minutes saved before.
 */
function withoutSavedNote(store: DocumentStore): DocumentStore {
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'get')
        return async (committeeId: string, id: string) => {
          const stored = await target.get(committeeId, id);
          if (stored?.type !== 'minutes') return stored;
          const { saved: _saved, ...older } = stored as unknown as MinutesDocument;
          return older;
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

for (const engine of ENGINES) {
  describe(`app/minutes/minutes-file on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    /** A link to the minutes of a version: the full minutes issued to Katrin of the secretariat, the extract to Lena of the working group. */
    const tokenFor = (kind: 'minutes' | 'extract', version: number, sessionId = SESSION_1): Promise<string> =>
      issuedToken(world.deps, COMMITTEE, { kind, sessionId, version } satisfies LinkTarget, {
        kind: 'person',
        id: kind === 'minutes' ? PEOPLE.katrin : PEOPLE.lena,
      });

    /** The file behind a link, which must be one (not the superseded page). */
    async function fileOf(token: string): Promise<MinutesFile> {
      const answer = await minutesFile(world.deps, COMMITTEE, SESSION_1, token);
      assert.ok(answer && !isSuperseded(answer), JSON.stringify(answer));
      return answer;
    }

    /** Minutes approved at version 2 (an approved revision), with a newer unsent draft 3 in the head. */
    async function approvedWithNewerDraft(kind: MinutesVersionDocument['kind'] = 'revision'): Promise<void> {
      await world.store.create(version(2, kind, 'Ergebnis der Fassung 2'));
      await world.store.upsert(
        head({
          status: 'approved',
          version: 3,
          items: items('Ergebnis der unversandten Fassung 3'),
          publishedVersion: 2,
          circulation: {
            version: 2,
            at: '2027-02-12T09:00:00.000Z',
            by: PEOPLE.katrin,
            objectionDeadline: '2027-02-19T09:00:00.000Z',
            recipients: [PEOPLE.sabine],
            round: 2,
          },
          approval: { version: 2, at: '2027-02-20T09:00:00.000Z', by: PEOPLE.katrin, automatic: false },
        }),
      );
    }

    it('gives the full minutes of the version a link was issued for, not a newer unsent head', async () => {
      await approvedWithNewerDraft();
      const file = await fileOf(await tokenFor('minutes', 2));
      const session = await world.session();
      assert.equal(file.fileName, 'Protokoll-KOG-2027-1.pdf');
      assert.deepEqual(file.print, {
        committeeName: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
        sessionNumber: '2027/1',
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        timeZone: 'Europe/Berlin',
        chair: 'Bürgermeisterin für Soziales',
        version: 2,
        savedAt: '2027-02-12T09:00:00.000Z',
        status: 'approved',
        approvedAt: '2027-02-20T09:00:00.000Z',
        correction: false,
        extract: false,
        participants: PARTICIPANTS,
        items: [
          {
            number: 1,
            title: '',
            standard: 'opening',
            summary: 'Begrüßung.',
            result: 'Protokoll genehmigt.',
            agreements: [],
          },
          {
            number: 2,
            title: 'Ausbildungsabbrüche',
            summary: 'Interne Aussprache.',
            result: 'Ergebnis der Fassung 2',
            agreements: [
              {
                text: 'Zahlen zusammenstellen',
                institution: 'IHK zu Leipzig',
                responsibleName: 'Yusuf Demir',
                dueDate: '2027-03-11',
              },
              { text: 'Nachfragen', institution: 'Stadt Leipzig', responsibleName: '–', dueDate: '2027-04-01' },
            ],
          },
          { number: 3, title: '', standard: 'other', summary: '', result: '', agreements: [] },
        ],
      });
    });

    it('gives the working group the extract for an extract link: results and agreements, no summaries, no participants', async () => {
      await approvedWithNewerDraft();
      const file = await fileOf(await tokenFor('extract', 2));
      assert.equal(file.fileName, 'Protokoll-Auszug-KOG-2027-1.pdf');
      assert.equal(file.print.extract, true);
      assert.deepEqual(file.print.participants, []);
      assert.ok(
        file.print.items.every((item) => !('summary' in item)),
        JSON.stringify(file.print.items),
      );
      assert.deepEqual(
        file.print.items.map((item) => [item.number, item.result, item.agreements.length]),
        [
          [1, 'Protokoll genehmigt.', 0],
          [2, 'Ergebnis der Fassung 2', 2],
          [3, '', 0],
        ],
      );
    });

    it('marks a published correction of approved minutes', async () => {
      await approvedWithNewerDraft('correction');
      assert.equal((await fileOf(await tokenFor('minutes', 2))).print.correction, true);
      assert.equal((await fileOf(await tokenFor('extract', 2))).print.correction, true);
    });

    it('refuses the extract before approval, while a full link shows the circulated version', async () => {
      await world.store.create(version(1, 'draft', 'Ergebnis der Fassung 1'));
      await world.store.create(
        head({
          status: 'circulated',
          publishedVersion: 1,
          circulation: {
            version: 1,
            at: '2027-02-12T09:00:00.000Z',
            by: PEOPLE.katrin,
            objectionDeadline: '2027-02-19T09:00:00.000Z',
            recipients: [PEOPLE.sabine],
            round: 1,
          },
        }),
      );
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, await tokenFor('extract', 1)), undefined);
      const file = await fileOf(await tokenFor('minutes', 1));
      assert.deepEqual(
        [file.print.status, file.print.version, file.print.approvedAt, file.print.extract],
        ['circulated', 1, undefined, false],
      );
    });

    it('answers that a link is superseded once a newer version went out, and never shows the newer one through it', async () => {
      await world.store.create(version(1, 'draft', 'Ergebnis der Fassung 1'));
      await world.store.create(
        head({
          status: 'circulated',
          publishedVersion: 1,
          circulation: {
            version: 1,
            at: '2027-02-12T09:00:00.000Z',
            by: PEOPLE.katrin,
            objectionDeadline: '2027-02-19T09:00:00.000Z',
            recipients: [PEOPLE.sabine],
            round: 1,
          },
        }),
      );
      const first = await tokenFor('minutes', 1);
      assert.equal((await fileOf(first)).print.items[1]?.result, 'Ergebnis der Fassung 1');
      await approvedWithNewerDraft();
      assert.deepEqual(await minutesFile(world.deps, COMMITTEE, SESSION_1, first), MINUTES_SUPERSEDED);
      assert.equal((await fileOf(await tokenFor('minutes', 2))).print.items[1]?.result, 'Ergebnis der Fassung 2');
    });

    it('shows nothing before the minutes went out, not even to a link for the head', async () => {
      await world.store.create(head({ version: 2, items: items('Entwurf') }));
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, await tokenFor('minutes', 2)), undefined);
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, await tokenFor('extract', 2)), undefined);
    });

    it('answers nothing for a wrong token, session or committee, another kind of link, or an unsafe id', async () => {
      await approvedWithNewerDraft();
      const token = await tokenFor('minutes', 2);
      const otherSession = (await world.session('session-2027-2')).id;
      const cases: Array<[string, string, string]> = [
        [COMMITTEE, SESSION_1, nearMiss(token)],
        [COMMITTEE, SESSION_1, token.toUpperCase()],
        [COMMITTEE, SESSION_1, `${token}0`],
        [COMMITTEE, SESSION_1, token.slice(0, -1)],
        [COMMITTEE, SESSION_1, ''],
        [COMMITTEE, SESSION_1, `${token}.pdf`],
        [
          COMMITTEE,
          SESSION_1,
          await issuedToken(
            world.deps,
            COMMITTEE,
            { kind: 'calendar', sessionId: SESSION_1 },
            { kind: 'person', id: PEOPLE.sabine },
          ),
        ],
        [COMMITTEE, SESSION_1, await tokenFor('minutes', 2, otherSession)],
        [COMMITTEE, otherSession, token],
        [COMMITTEE, 'session-2027-9', token],
        [COMMITTEE, '../minutes-session-2027-1', token],
        ['tenant-00000000-0000-0000-0000-000000000000', SESSION_1, token],
        [`${COMMITTEE}?x`, SESSION_1, token],
      ];
      for (const [committeeId, sessionId, candidate] of cases) {
        assert.equal(
          await minutesFile(world.deps, committeeId, sessionId, candidate),
          undefined,
          `${committeeId} ${sessionId} ${candidate}`,
        );
      }
    });

    it('answers nothing when the version of the link cannot be read, rather than showing the unsent head', async () => {
      await world.store.create(head({ status: 'circulated', version: 3, publishedVersion: 2 }));
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, await tokenFor('minutes', 2)), undefined);
    });

    it('names what the print was made of: the same key while nothing changed, another after any write to it', async () => {
      await approvedWithNewerDraft();
      const token = await tokenFor('minutes', 2);
      const keyNow = async () => (await fileOf(token)).sourceKey;
      const seen = [await keyNow()];
      assert.equal(await keyNow(), seen[0], 'read twice, unchanged');
      const rewrite = async (id: string) => {
        const stored = await world.store.get<Document>(COMMITTEE, id);
        await world.store.replace(stored!, stored!._etag);
      };
      // Each a write that may change what is printed, without a new version: the version shown
      // (names removed by retention), the head (approval), the session (a new place), the
      // committee (a new name), a person named in it (renamed, or erased).
      for (const id of [
        minutesVersionDocumentId(SESSION_1, 2),
        minutesDocumentId(SESSION_1),
        SESSION_1,
        COMMITTEE_DOCUMENT_ID,
        personDocumentId(PEOPLE.yusuf),
      ]) {
        await rewrite(id);
        const key = await keyNow();
        assert.ok(!seen.includes(key), `unchanged after a write of ${id}`);
        seen.push(key);
      }
      const extract = (await fileOf(await tokenFor('extract', 2))).sourceKey;
      assert.ok(!seen.includes(extract), 'the extract is another print than the full minutes');
    });

    it("reads the minutes once for a member's link, though the link's check and the file both need them", async () => {
      await approvedWithNewerDraft();
      const token = await issuedToken(
        world.deps,
        COMMITTEE,
        { kind: 'minutes', sessionId: SESSION_1, version: 2 },
        { kind: 'person', id: PEOPLE.sabine },
      );
      const reads: string[] = [];
      const answer = await minutesFile(
        { ...world.deps, store: notingReads(world.store, reads) },
        COMMITTEE,
        SESSION_1,
        token,
      );
      assert.ok(answer && !isSuperseded(answer));
      assert.equal(answer.print.version, 2);
      assert.deepEqual(
        reads.filter((id) => id === minutesDocumentId(SESSION_1)),
        [minutesDocumentId(SESSION_1)],
      );
    });

    it('keys the head-version print by the head when its version document is missing', async () => {
      await world.store.create(head({ status: 'circulated', publishedVersion: 1 }));
      const token = await tokenFor('minutes', 1);
      const before = (await fileOf(token)).sourceKey;
      await world.store.create(version(1, 'correction', 'Ergebnis der Fassung 1'));
      const after = await fileOf(token);
      assert.equal(after.print.correction, true);
      assert.notEqual(after.sourceKey, before);
    });

    it('shows the session chair when the minutes name none', async () => {
      const { chair: _chair, ...withoutChair } = head({ status: 'circulated', publishedVersion: 1 });
      await world.store.create(withoutChair as MinutesDocument);
      const session: SessionDocument = await world.session();
      assert.equal((await fileOf(await tokenFor('minutes', 1))).print.chair, session.chair);
    });

    describe('a link to the version the head holds, saved and sent as the secretariat does', () => {
      beforeEach(() => holdSession(world));
      const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
      const committee = async () => (await committeeAndSession(world)).committee;
      const open = async () => openOrCreateMinutes(world.deps, await committee(), await world.session(), PEOPLE.katrin);
      /** Saves the topic's minutes as a new version: the summary names Birgit Lehmann. */
      async function save(result: string): Promise<void> {
        const head = await open();
        const topic = head.items.find((item) => item.title === 'Ausbildungsabbrüche')!;
        const fields = { summary: 'Birgit Lehmann berichtet.', result };
        const saved = await saveMinutesItem(
          world.deps,
          await committeeAndSession(world),
          PEOPLE.katrin,
          head.version,
          topic.itemId,
          fields,
        );
        assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
      }
      const circulate = async () =>
        assert.ok((await circulateMinutes(world.deps, await committee(), await world.session(), PEOPLE.katrin)).ok);
      /** Approves (after the objection period), or publishes a correction saved after approval. */
      async function approve(): Promise<void> {
        const options = { goAhead: NO_QUESTIONS, automatic: false };
        const approved = await approveMinutes(
          world.deps,
          await committee(),
          await world.session(),
          PEOPLE.katrin,
          options,
        );
        assert.ok(approved.ok, JSON.stringify(!approved.ok && approved.error));
      }
      /** The file behind a link, with the id of every document read for it. */
      async function read(token: string, store: DocumentStore = world.store) {
        const reads: string[] = [];
        const answer = await minutesFile(
          { ...world.deps, store: notingReads(store, reads) },
          COMMITTEE,
          SESSION_1,
          token,
        );
        assert.ok(answer && !isSuperseded(answer), JSON.stringify(answer));
        return { file: answer, reads };
      }
      const versionId = (version: number) => minutesVersionDocumentId(SESSION_1, version);

      it('reads the head alone, and prints what the version document says', async () => {
        await open();
        await save('Die Zahlen werden erhoben.');
        await circulate();
        const token = await tokenFor('minutes', 2);
        const { file, reads } = await read(token);
        assert.ok(!reads.includes(versionId(2)), reads.join());
        assert.ok(reads.includes(minutesDocumentId(SESSION_1)));
        assert.equal(file.print.items[1]?.result, 'Die Zahlen werden erhoben.');
        // Minutes saved before heads noted their version: read from the version document, the same print.
        const older = await read(token, withoutSavedNote(world.store));
        assert.ok(older.reads.includes(versionId(2)), older.reads.join());
        assert.deepEqual(file.print, older.file.print);
        const stored = await world.store.get<MinutesVersionDocument>(COMMITTEE, versionId(2));
        assert.deepEqual([file.print.savedAt, file.print.correction], [stored!.savedAt, false]);
      });

      it('marks a correction sent after approval, with the time it was saved, from the head alone', async () => {
        await open();
        await circulate();
        at('2027-03-01T09:00:00.000Z');
        await approve();
        at('2027-03-05T10:30:00.000Z');
        await save('Berichtigtes Ergebnis.');
        await approve();
        const token = await tokenFor('minutes', 2);
        const { file, reads } = await read(token);
        assert.ok(!reads.includes(versionId(2)), reads.join());
        assert.deepEqual(
          [file.print.version, file.print.correction, file.print.savedAt, file.print.items[1]?.result],
          [2, true, '2027-03-05T10:30:00.000Z', 'Berichtigtes Ergebnis.'],
        );
        assert.deepEqual(file.print, (await read(token, withoutSavedNote(world.store))).file.print);
        assert.equal((await read(await tokenFor('extract', 2))).file.print.correction, true);
      });

      it("reads an older version's document once a newer one is saved, and no more once that is sent", async () => {
        await open();
        await save('Fassung zwei.');
        await circulate();
        const token = await tokenFor('minutes', 2);
        const before = await read(token);
        await save('Fassung drei, noch nicht versandt.');
        const after = await read(token);
        assert.ok(after.reads.includes(versionId(2)), after.reads.join());
        assert.equal(after.file.print.items[1]?.result, 'Fassung zwei.');
        assert.deepEqual(after.file.print, before.file.print);
        assert.notEqual(after.file.sourceKey, before.file.sourceKey);
        await circulate();
        assert.deepEqual(await minutesFile(world.deps, COMMITTEE, SESSION_1, token), MINUTES_SUPERSEDED);
        const third = await read(await tokenFor('minutes', 3));
        assert.ok(!third.reads.includes(versionId(3)), third.reads.join());
        assert.equal(third.file.print.items[1]?.result, 'Fassung drei, noch nicht versandt.');
      });

      it('prints and keys the approval, and the names retention blanks, from the head alone', async () => {
        await open();
        await save('Die Zahlen werden erhoben.');
        await circulate();
        const circulated = await read(await tokenFor('minutes', 2));
        assert.equal(circulated.file.print.status, 'circulated');
        at('2027-03-01T09:00:00.000Z');
        await approve();
        const approved = await read(await tokenFor('minutes', 2));
        assert.deepEqual(
          [approved.file.print.status, approved.file.print.approvedAt],
          ['approved', world.clock.now().toUTC().toISO()],
        );
        assert.notEqual(approved.file.sourceKey, circulated.file.sourceKey);
        assert.ok(JSON.stringify(approved.file.print).includes('Birgit Lehmann'));
        // The committee's period after the approval: retention blanks the names in the minutes.
        at('2029-06-01T09:00:00.000Z');
        await applyRetention(world.deps, COMMITTEE);
        const retained = await read(await tokenFor('minutes', 2));
        assert.ok(!retained.reads.includes(versionId(2)), retained.reads.join());
        assert.ok(!JSON.stringify(retained.file.print).includes('Birgit Lehmann'), JSON.stringify(retained.file.print));
        assert.ok(retained.file.print.participants.every((participant) => participant.name === ''));
        assert.notEqual(retained.file.sourceKey, approved.file.sourceKey);
      });

      it('prints and keys an erased name as the pseudonym, from the head alone', async () => {
        await open();
        await save('Die Zahlen werden erhoben.');
        await circulate();
        const token = await tokenFor('minutes', 2);
        const before = await read(token);
        assert.ok(JSON.stringify(before.file.print).includes('Birgit Lehmann'));
        const erased = await erasePerson(world.deps, await world.actor('katrin'), {
          revision: (await loadRoster(world.store, COMMITTEE)).revision,
          personId: PEOPLE.birgit,
        });
        assert.ok(erased.ok, JSON.stringify(erased));
        const after = await read(token);
        assert.ok(!after.reads.includes(versionId(2)), after.reads.join());
        assert.ok(!JSON.stringify(after.file.print).includes('Birgit Lehmann'), JSON.stringify(after.file.print));
        assert.equal(after.file.print.items[1]?.summary, 'ehemalige Person berichtet.');
        assert.notEqual(after.file.sourceKey, before.file.sourceKey);
      });
    });
  });
}
