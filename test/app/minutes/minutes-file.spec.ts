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
import { ENGINES } from '../../support/engines';
import { issuedToken, nearMiss } from '../links/link-fixtures';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';

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

/** The store, with the id of every point read that reaches it noted in `reads`. */
function notingReads(store: DocumentStore, reads: string[]): DocumentStore {
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'get')
        return (committeeId: string, id: string) => {
          reads.push(id);
          return target.get(committeeId, id);
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
  });
}
