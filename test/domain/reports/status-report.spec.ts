import assert from 'node:assert/strict';
import { fixedClock } from '../../../src/domain/clock';
import { reportYear, statusReport } from '../../../src/domain/reports/status-report';
import { JULY_FIRST, S1, sources } from './status-report-fixtures';

describe('domain/reports/status-report', () => {
  it('lists the sessions of the year in date order with what became of each, and counts them', () => {
    const report = statusReport(sources(), 2027, JULY_FIRST);
    assert.deepEqual(
      report.sessions.lines.map((line) => [line.number, line.outcome, line.extra]),
      [
        ['2027/1', 'held', false],
        ['2027/2', 'held', false],
        ['2027/S1', 'cancelled', true],
        ['2027/3', 'notYetHeld', false],
      ],
    );
    assert.deepEqual([report.sessions.held, report.sessions.cancelled, report.sessions.notYetHeld], [2, 1, 1]);
    assert.deepEqual(report.heldSessions, ['2027/1', '2027/2']);
    assert.equal(report.year, 2027);
    assert.equal(report.asOf, '2027-06-30T22:30:00.000Z');
    assert.equal(report.today, '2027-07-01', 'the day in the committee time zone');
  });

  it('counts attendance per institution over the held sessions, in person and online alike', () => {
    const report = statusReport(sources(), 2027, JULY_FIRST);
    assert.deepEqual(
      report.attendance.map((row) => [row.institution, row.attended, row.invited, row.bySession]),
      [
        ['Agentur für Arbeit Leipzig', 2, 2, { '2027/1': 'online', '2027/2': 'inPerson' }],
        ['Ärztekammer Sachsen', 1, 1, { '2027/2': 'online' }],
        ['IHK zu Leipzig', 1, 2, { '2027/1': 'absent', '2027/2': 'inPerson' }],
        ['Jobcenter Leipzig', 1, 2, { '2027/1': 'inPerson', '2027/2': 'absent' }],
      ],
    );
  });

  it('counts an institution with two seats as there when one of them was', () => {
    const attendance = new Map([
      [
        S1.id,
        [
          { institution: 'Stadt Leipzig', presence: 'absent' as const },
          { institution: 'Stadt Leipzig', presence: 'online' as const },
          { institution: 'Stadt Leipzig', presence: 'inPerson' as const },
        ],
      ],
    ]);
    const [row] = statusReport(sources({ attendance }), 2027, JULY_FIRST).attendance;
    assert.deepEqual(row, {
      institution: 'Stadt Leipzig',
      bySession: { '2027/1': 'inPerson' },
      invited: 1,
      attended: 1,
    });
  });

  it('says what became of every topic of the year, a deferral out of the year included, without names', () => {
    const report = statusReport(sources(), 2027, JULY_FIRST);
    assert.deepEqual(
      report.topics.lines.map((line) => [line.sessionNumber, line.outcome, line.title, line.movedTo]),
      [
        ['2027/1', 'takenUp', 'Ausbildungsabbrüche', undefined],
        ['2027/1', 'merged', 'Sprachkurse', undefined],
        ['2027/1', 'deferred', 'Anerkennung von Abschlüssen', '2027/2'],
        ['2027/1', 'declined', 'Wohnungsmarkt', undefined],
        ['2027/2', 'withdrawn', 'Berichte von [Name entfernt]', undefined],
        ['2027/3', 'deferred', 'Mobilität im ländlichen Raum', '2028/1'],
        ['2027/3', 'undecided', 'Kinderbetreuung', undefined],
      ],
    );
    assert.equal(report.topics.total, 7);
    assert.deepEqual(report.topics.byOutcome, {
      takenUp: 1,
      merged: 1,
      deferred: 2,
      declined: 1,
      withdrawn: 1,
      undecided: 1,
    });
  });

  it("counts the year's agreements per institution: made, done, open and overdue on the committee's day", () => {
    const report = statusReport(sources(), 2027, JULY_FIRST);
    assert.deepEqual(report.agreements.total, { made: 5, done: 2, open: 3, overdue: 2 });
    assert.deepEqual(report.agreements.byInstitution, [
      { institution: 'Agentur für Arbeit Leipzig', made: 1, done: 0, open: 1, overdue: 1 },
      { institution: 'IHK zu Leipzig', made: 2, done: 1, open: 1, overdue: 0 },
      { institution: 'Jobcenter Leipzig', made: 2, done: 1, open: 1, overdue: 1 },
    ]);
    assert.deepEqual(
      report.agreements.open.map((line) => [line.dueDate, line.institution, line.overdue, line.text]),
      [
        ['2027-06-15', 'Agentur für Arbeit Leipzig', true, 'Zahlen vorlegen'],
        ['2027-06-30', 'Jobcenter Leipzig', true, '[Name entfernt] berichtet'],
        ['2027-07-01', 'IHK zu Leipzig', false, 'Zahlen vorlegen'],
      ],
    );
  });

  it('is overdue only from the day after the due date, in the committee time zone', () => {
    // 30 June 2027, 23:59 in Leipzig: an item due on 30 June is not overdue yet.
    const lastMinute = statusReport(sources(), 2027, fixedClock('2027-06-30T21:59:00.000Z'));
    assert.equal(lastMinute.agreements.total.overdue, 1);
    assert.equal(statusReport(sources(), 2027, JULY_FIRST).agreements.total.overdue, 2);
  });

  it('lists the temporary working groups that worked in the year, with where their report stands', () => {
    const report = statusReport(sources(), 2027, JULY_FIRST);
    assert.deepEqual(
      report.workingGroups.map((line) => [line.name, line.endedOn, line.report]),
      [
        ['AG 3 Fachkräfteeinwanderungsgesetz', undefined, { kind: 'given', sessionNumber: '2027/2' }],
        ['UAG Afghanistan', '2027-01-01', { kind: 'given', sessionNumber: '2026/3' }],
        ['AG 4 Berufschancen von Frauen', undefined, { kind: 'planned', sessionNumber: '2027/3' }],
      ],
    );
  });

  it('reports a year without anything in it as empty, not as an error', () => {
    const report = statusReport(sources(), 2030, JULY_FIRST);
    assert.equal(report.sessions.lines.length, 0);
    assert.equal(report.attendance.length, 0);
    assert.equal(report.topics.total, 0);
    assert.deepEqual(report.agreements.total, { made: 0, done: 0, open: 0, overdue: 0 });
  });

  it('reads the year a command asks for, or the current one in the committee time zone', () => {
    // New Year's Eve, 23:30 in Leipzig: 22:30 UTC, still 2026.
    const newYearsEve = fixedClock('2026-12-31T22:30:00.000Z');
    assert.equal(reportYear('', newYearsEve, 'Europe/Berlin'), 2026);
    assert.equal(reportYear('', fixedClock('2026-12-31T23:30:00.000Z'), 'Europe/Berlin'), 2027);
    assert.equal(reportYear(' 2027 ', newYearsEve, 'Europe/Berlin'), 2027);
    for (const wrong of ['27', '2027/1', 'nächstes Jahr', '20270'])
      assert.equal(reportYear(wrong, newYearsEve, 'Europe/Berlin'), undefined, wrong);
  });
});
