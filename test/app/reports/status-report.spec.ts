import assert from 'node:assert/strict';
import { decideTopic } from '../../../src/app/agenda/triage-topics';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import type { PersonDocument } from '../../../src/app/documents';
import { issueLink } from '../../../src/app/links/issue-link';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { openStatusReport, statusReportFile } from '../../../src/app/reports/status-report';
import { personDocumentId } from '../../../src/domain/ids';
import { ENGINES } from '../../support/engines';
import { midCycleWorld, COMMITTEE, SESSION_2 } from '../oparl/oparl-world';
import { PEOPLE, type SessionWorld } from '../sessions/session-world';

/**
 * The world's committee in mid-cycle (see `midCycleWorld`: 2027/1 held with attendance and
 * approved minutes with one agreement due on 30 April 2027, a topic nobody decided on, one
 * working group at work and one ended in 2026), plus three topics for 2027/2: one taken up, one
 * declined, one deferred to 2027/3. The clock then stands on 3 May 2027.
 */
async function reportWorld(store: DocumentStore): Promise<SessionWorld> {
  const world = await midCycleWorld(store);
  const lena = await world.actor('lena');
  const katrin = await world.actor('katrin');
  const decisions = [
    [
      'Berufsorientierung an Oberschulen',
      { decision: 'accept', presenter: 'Lena Vogt', minutes: '20', kind: 'discussion' },
    ],
    ['Wohnungsmarkt', { decision: 'decline', reason: 'Nicht Aufgabe des Gremiums.' }],
    ['Anerkennung ausländischer Abschlüsse', { decision: 'defer' }],
  ] as const;
  for (const [title, input] of decisions) {
    const submitted = await submitTopic(world.deps, lena, { kind: 'need', title, description: '' }, SESSION_2);
    assert.ok(submitted.ok, JSON.stringify(submitted));
    const { submission } = submitted.value as { submission: { id: string; revision: number } };
    const decided = await decideTopic(world.deps, katrin, submission.id, submission.revision, input);
    assert.ok(decided.ok, `${title}: ${JSON.stringify(!decided.ok && decided.error)}`);
  }
  world.clock.advance(Date.parse('2027-05-03T08:00:00.000Z') - world.clock.now().toMillis());
  return world;
}

for (const engine of ENGINES) {
  describe(`app/reports/status-report: a year of the committee, on the ${engine.name}`, function () {
    this.timeout(120_000);
    let store: DocumentStore;
    let close: () => Promise<void>;
    let world: SessionWorld;
    before(async () => {
      ({ store, close } = await engine.open());
      world = await reportWorld(store);
    });
    after(async () => close());

    it("gives the secretariat the year's figures from what the cycle stored", async () => {
      const result = await openStatusReport(world.deps, await world.actor('katrin'), '2027');
      assert.ok(result.ok, JSON.stringify(result));
      const report = result.value;
      assert.equal(report.asOf, '2027-05-03T08:00:00.000Z');
      assert.deepEqual(
        report.sessions.lines.map((line) => [line.number, line.outcome]),
        [
          ['2027/1', 'held'],
          ['2027/2', 'notYetHeld'],
          ['2027/3', 'notYetHeld'],
        ],
      );
      assert.deepEqual(
        report.attendance.map((row) => [row.institution, row.attended, row.invited]),
        [
          ['Agentur für Arbeit Leipzig', 1, 1],
          ['IHK zu Leipzig', 0, 1],
          ['Jobcenter Leipzig', 1, 1],
        ],
      );
      assert.deepEqual(
        report.topics.lines.map((line) => [line.sessionNumber, line.outcome, line.title, line.movedTo]),
        [
          ['2027/1', 'undecided', 'THEMENANMELDUNG OHNE ENTSCHEIDUNG', undefined],
          ['2027/2', 'takenUp', 'Berufsorientierung an Oberschulen', undefined],
          ['2027/2', 'deferred', 'Anerkennung ausländischer Abschlüsse', '2027/3'],
          ['2027/2', 'declined', 'Wohnungsmarkt', undefined],
        ],
      );
      assert.deepEqual(report.agreements.total, { made: 1, done: 0, open: 1, overdue: 1 });
      assert.deepEqual(report.agreements.byInstitution, [
        { institution: 'Jobcenter Leipzig', made: 1, done: 0, open: 1, overdue: 1 },
      ]);
      // The group ended in 2026 is not in 2027's report.
      assert.deepEqual(
        report.workingGroups.map((group) => [group.name, group.report.kind]),
        [['AG 3 Fachkräfteeinwanderungsgesetz', 'none']],
      );
      const json = JSON.stringify(report);
      for (const name of ['Hoffmann', 'Katrin', 'Lena', 'Krause', PEOPLE.sabine])
        assert.ok(!json.includes(name), `${name} is in the report`);
    });

    it('reports the current year in the committee time zone when no year is given', async () => {
      const result = await openStatusReport(world.deps, await world.actor('katrin'), '');
      assert.ok(result.ok);
      assert.equal(result.value.year, 2027);
    });

    it('refuses a member, a year without sessions and what is no year, each with its reason', async () => {
      assert.deepEqual(await openStatusReport(world.deps, await world.actor('sabine'), '2027'), {
        ok: false,
        error: { kind: 'notAllowed' },
      });
      assert.deepEqual(await openStatusReport(world.deps, await world.actor('katrin'), '2031'), {
        ok: false,
        error: { kind: 'noSessions', year: 2031 },
      });
      assert.deepEqual(await openStatusReport(world.deps, await world.actor('katrin'), 'letztes'), {
        ok: false,
        error: { kind: 'invalidYear' },
      });
    });

    it("hands out the PDF and CSV behind the secretariat's own links, computed when opened, for a week", async () => {
      const issue = (kind: 'report' | 'reportCsv', who: string) =>
        issueLink(world.deps, {
          committeeId: COMMITTEE,
          recipient: { kind: 'person', id: who },
          target: { kind, year: 2027 },
          slot: `test|${kind}|${who}`,
        });
      const pdf = await issue('report', PEOPLE.katrin);
      const csv = await issue('reportCsv', PEOPLE.katrin);
      assert.ok(pdf && csv);
      assert.match(pdf.path, /^\/api\/report\/committee-[^/]+\/[A-Za-z0-9_-]{43}\.pdf$/);
      assert.match(csv.path, /^\/api\/report-csv\/committee-[^/]+\/[A-Za-z0-9_-]{43}\.csv$/);
      assert.equal(await issue('report', PEOPLE.sabine), undefined, 'no report link for a member');

      const file = await statusReportFile(world.deps, COMMITTEE, pdf.token, 'pdf');
      assert.ok(file);
      assert.equal(file.fileName, 'Sachstandsbericht-KOG-2027.pdf');
      assert.equal(file.print.kind, 'statusReport');
      assert.equal(file.print.report.year, 2027);
      assert.deepEqual(file.print.report.agreements.total, { made: 1, done: 0, open: 1, overdue: 1 });
      assert.equal(
        (await statusReportFile(world.deps, COMMITTEE, csv.token, 'csv'))?.fileName,
        'Sachstandsbericht-KOG-2027.csv',
      );
      assert.equal(
        await statusReportFile(world.deps, COMMITTEE, csv.token, 'pdf'),
        undefined,
        'a CSV link is no PDF link',
      );
      // Another token: the last character changed, whichever it was.
      const otherToken = `${pdf.token.slice(0, -1)}${pdf.token.endsWith('A') ? 'B' : 'A'}`;
      assert.equal(await statusReportFile(world.deps, COMMITTEE, otherToken, 'pdf'), undefined);
      assert.equal(await statusReportFile(world.deps, 'tenant-other', pdf.token, 'pdf'), undefined);

      // A day later the link shows that day's figures.
      world.clock.advance(24 * 60 * 60 * 1000);
      assert.equal(
        (await statusReportFile(world.deps, COMMITTEE, pdf.token, 'pdf'))?.print.report.asOf,
        '2027-05-04T08:00:00.000Z',
      );
      // Seven days after it was issued it works no more.
      world.clock.advance(6 * 24 * 60 * 60 * 1000);
      assert.equal(await statusReportFile(world.deps, COMMITTEE, pdf.token, 'pdf'), undefined);
    });

    it('stops a link the moment its holder is no longer of the secretariat', async () => {
      const link = await issueLink(world.deps, {
        committeeId: COMMITTEE,
        recipient: { kind: 'person', id: PEOPLE.katrin },
        target: { kind: 'report', year: 2027 },
        slot: 'test|leaving',
      });
      assert.ok(link && (await statusReportFile(world.deps, COMMITTEE, link.token, 'pdf')));
      const katrin = await store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.katrin));
      assert.ok(katrin);
      await store.replace({ ...katrin, roles: ['member'] }, katrin._etag);
      assert.equal(await statusReportFile(world.deps, COMMITTEE, link.token, 'pdf'), undefined);
      await store.replace(
        { ...katrin, roles: ['secretariat'] },
        (await store.get<PersonDocument>(COMMITTEE, katrin.id))!._etag,
      );
    });
  });
}
