import assert from 'node:assert/strict';
import { minutesFile } from '../../../src/app/minutes/minutes-file';
import { minutesDocumentId, minutesVersionDocumentId, type MinutesDocument, type MinutesVersionDocument } from '../../../src/app/minutes/minutes-document';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import type { MinutesItem, MinutesParticipant } from '../../../src/domain/minutes/minutes-content';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';

const FILE_TOKEN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const EXTRACT_TOKEN = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const PARTICIPANTS: MinutesParticipant[] = [
  { institution: 'Jobcenter Leipzig', name: 'Sabine Hoffmann', presence: 'inPerson' },
  { institution: 'IHK zu Leipzig', name: 'Yusuf Demir', presence: 'absent' },
];

function items(result: string): MinutesItem[] {
  return [
    { itemId: 'opening', title: '', standard: 'opening', summary: 'Begrüßung.', result: 'Protokoll genehmigt.', agreements: [] },
    {
      itemId: 'topic-1',
      title: 'Ausbildungsabbrüche',
      summary: 'Interne Aussprache.',
      result,
      agreements: [
        { id: 'a1', text: 'Zahlen zusammenstellen', institution: 'IHK zu Leipzig', responsibleId: PEOPLE.yusuf, dueDate: '2027-03-11' },
        { id: 'a2', text: 'Nachfragen', institution: 'Stadt Leipzig', responsibleId: '00000000-0000-0000-0000-00000000dead', dueDate: '2027-04-01' },
      ],
    },
    { itemId: 'other', title: '', standard: 'other', summary: '', result: '', agreements: [] },
  ];
}

function version(number: number, kind: MinutesVersionDocument['kind'], result: string): MinutesVersionDocument {
  return { id: minutesVersionDocumentId(SESSION_1, number), committeeId: COMMITTEE, type: 'minutesVersion', sessionId: SESSION_1, version: number, kind, items: items(result), participants: PARTICIPANTS, chair: 'Bürgermeisterin für Soziales', changedItemIds: [], savedAt: `2027-02-1${number}T09:00:00.000Z`, savedBy: PEOPLE.katrin };
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
    fileToken: FILE_TOKEN,
    extractToken: EXTRACT_TOKEN,
    createdAt: '2027-02-11T17:00:00.000Z',
    updatedAt: '2027-02-11T17:00:00.000Z',
    updatedBy: PEOPLE.katrin,
    ...overrides,
  };
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

    /** Minutes approved at version 2 (an approved revision), with a newer unsent draft 3 in the head. */
    async function approvedWithNewerDraft(kind: MinutesVersionDocument['kind'] = 'revision'): Promise<void> {
      await world.store.create(version(2, kind, 'Ergebnis der Fassung 2'));
      await world.store.create(
        head({
          status: 'approved',
          version: 3,
          items: items('Ergebnis der unversandten Fassung 3'),
          publishedVersion: 2,
          circulation: { version: 2, at: '2027-02-12T09:00:00.000Z', by: PEOPLE.katrin, objectionDeadline: '2027-02-19T09:00:00.000Z', recipients: [PEOPLE.sabine], round: 2 },
          approval: { version: 2, at: '2027-02-20T09:00:00.000Z', by: PEOPLE.katrin, automatic: false },
        }),
      );
    }

    it('gives the full minutes of the published version for the file token, not a newer unsent head', async () => {
      await approvedWithNewerDraft();
      const file = await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN);
      assert.ok(file);
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
          { number: 1, title: '', standard: 'opening', summary: 'Begrüßung.', result: 'Protokoll genehmigt.', agreements: [] },
          {
            number: 2,
            title: 'Ausbildungsabbrüche',
            summary: 'Interne Aussprache.',
            result: 'Ergebnis der Fassung 2',
            agreements: [
              { text: 'Zahlen zusammenstellen', institution: 'IHK zu Leipzig', responsibleName: 'Yusuf Demir', dueDate: '2027-03-11' },
              { text: 'Nachfragen', institution: 'Stadt Leipzig', responsibleName: '–', dueDate: '2027-04-01' },
            ],
          },
          { number: 3, title: '', standard: 'other', summary: '', result: '', agreements: [] },
        ],
      });
    });

    it('gives the working group the extract for the extract token: results and agreements, no summaries, no participants', async () => {
      await approvedWithNewerDraft();
      const file = await minutesFile(world.deps, COMMITTEE, SESSION_1, EXTRACT_TOKEN);
      assert.ok(file);
      assert.equal(file.fileName, 'Protokoll-Auszug-KOG-2027-1.pdf');
      assert.equal(file.print.extract, true);
      assert.deepEqual(file.print.participants, []);
      assert.ok(file.print.items.every((item) => !('summary' in item)), JSON.stringify(file.print.items));
      assert.deepEqual(
        file.print.items.map((item) => [item.number, item.result, item.agreements.length]),
        [[1, 'Protokoll genehmigt.', 0], [2, 'Ergebnis der Fassung 2', 2], [3, '', 0]],
      );
    });

    it('marks a published correction of approved minutes', async () => {
      await approvedWithNewerDraft('correction');
      assert.equal((await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN))?.print.correction, true);
      assert.equal((await minutesFile(world.deps, COMMITTEE, SESSION_1, EXTRACT_TOKEN))?.print.correction, true);
    });

    it('refuses the extract before approval, while the full link shows the circulated version', async () => {
      await world.store.create(version(1, 'draft', 'Ergebnis der Fassung 1'));
      await world.store.create(head({ status: 'circulated', publishedVersion: 1, circulation: { version: 1, at: '2027-02-12T09:00:00.000Z', by: PEOPLE.katrin, objectionDeadline: '2027-02-19T09:00:00.000Z', recipients: [PEOPLE.sabine], round: 1 } }));
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, EXTRACT_TOKEN), undefined);
      const file = await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN);
      assert.deepEqual([file?.print.status, file?.print.version, file?.print.approvedAt, file?.print.extract], ['circulated', 1, undefined, false]);
    });

    it('lets the secretariat preview an unsent draft by the file link, but never as extract', async () => {
      await world.store.create(head({ version: 2, items: items('Entwurf') }));
      const file = await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN);
      assert.deepEqual([file?.print.status, file?.print.version, file?.print.items[1]?.result, file?.print.savedAt], ['draft', 2, 'Entwurf', '2027-02-11T17:00:00.000Z']);
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, EXTRACT_TOKEN), undefined);
    });

    it('answers nothing for a wrong token, session or committee, or an unsafe id', async () => {
      await approvedWithNewerDraft();
      const otherSession = (await world.session('session-2027-2')).id;
      const cases: Array<[string, string, string]> = [
        [COMMITTEE, SESSION_1, FILE_TOKEN.replace(/.$/, '0')],
        [COMMITTEE, SESSION_1, FILE_TOKEN.toUpperCase()],
        [COMMITTEE, SESSION_1, `${FILE_TOKEN}0`],
        [COMMITTEE, SESSION_1, ''],
        [COMMITTEE, SESSION_1, `${FILE_TOKEN}.pdf`],
        [COMMITTEE, SESSION_1, (await world.session()).calendarToken],
        [COMMITTEE, otherSession, FILE_TOKEN],
        [COMMITTEE, 'session-2027-9', FILE_TOKEN],
        [COMMITTEE, '../minutes-session-2027-1', FILE_TOKEN],
        ['tenant-00000000-0000-0000-0000-000000000000', SESSION_1, FILE_TOKEN],
        [`${COMMITTEE}?x`, SESSION_1, FILE_TOKEN],
      ];
      for (const [committeeId, sessionId, token] of cases) {
        assert.equal(await minutesFile(world.deps, committeeId, sessionId, token), undefined, `${committeeId} ${sessionId} ${token}`);
      }
    });

    it('answers nothing when the published version cannot be read, rather than showing the unsent head', async () => {
      await world.store.create(head({ status: 'circulated', version: 3, publishedVersion: 2 }));
      assert.equal(await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN), undefined);
    });

    it('shows the session chair when the minutes name none', async () => {
      const { chair: _chair, ...withoutChair } = head();
      await world.store.create(withoutChair as MinutesDocument);
      const session: SessionDocument = await world.session();
      assert.equal((await minutesFile(world.deps, COMMITTEE, SESSION_1, FILE_TOKEN))?.print.chair, session.chair);
    });
  });
}
