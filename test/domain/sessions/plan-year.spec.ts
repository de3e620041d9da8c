import assert from 'node:assert/strict';
import { DEFAULT_COMMITTEE_SETTINGS, parseTerms } from '../../../src/domain/committee';
import { chairOf, extraSession, planYear } from '../../../src/domain/sessions/plan-year';

const KOG = DEFAULT_COMMITTEE_SETTINGS;

describe('domain/sessions/plan-year', () => {
  it('proposes one KOG session per term, numbered, three hours, chaired per the rotation', () => {
    const sessions = planYear(2027, KOG);
    assert.deepEqual(
      sessions.map((session) => [session.number, session.startsAt, session.endsAt, session.chair]),
      [
        ['2027/1', '2027-02-11T13:00:00.000Z', '2027-02-11T16:00:00.000Z', 'Oberbürgermeister der Stadt Leipzig'],
        ['2027/2', '2027-06-10T12:00:00.000Z', '2027-06-10T15:00:00.000Z', 'Jobcenter Leipzig'],
        ['2027/3', '2027-10-14T12:00:00.000Z', '2027-10-14T15:00:00.000Z', 'Agentur für Arbeit Leipzig'],
      ],
    );
  });

  it('keeps 14:00 local on both sides of the daylight-saving changes', () => {
    const sessions = planYear(2027, { ...KOG, terms: parseTerms('1-6,7-12')! });
    // March (winter time, UTC+1) and September (summer time, UTC+2)
    assert.deepEqual(
      sessions.map((session) => session.startsAt),
      ['2027-03-11T13:00:00.000Z', '2027-09-09T12:00:00.000Z'],
    );
  });

  it('plans four quarterly sessions with the rotation continuing across years', () => {
    const rotation = { firstSessionOfYear: 'OB', rotating: ['A', 'B'] };
    const quarters = parseTerms('1-3,4-6,7-9,10-12')!;
    const chairs = [2027, 2028].map((year) =>
      planYear(year, { ...KOG, terms: quarters, chairRotation: rotation }).map((session) => session.chair),
    );
    // three later sessions a year with two institutions: the order carries on into the next year
    assert.deepEqual(chairs, [
      ['OB', 'B', 'A', 'B'],
      ['OB', 'A', 'B', 'A'],
    ]);
    assert.deepEqual(
      planYear(2028, { ...KOG, terms: quarters }).map((session) => session.number),
      ['2028/1', '2028/2', '2028/3', '2028/4'],
    );
  });

  it('proposes the same sessions when the same year is planned again', () => {
    assert.deepEqual(planYear(2027, KOG), planYear(2027, KOG));
  });

  it('lets the first chair lead every session when nobody rotates', () => {
    assert.equal(chairOf(2027, 3, 3, { firstSessionOfYear: 'OB', rotating: [] }), 'OB');
  });

  it('numbers extra sessions of a year on their own, after the extra sessions so far, also across the year boundary', () => {
    const numbers = [...planYear(2027, KOG).map((session) => session.number), '2027/S1'];
    const extra = extraSession(numbers, '2027-12-30', KOG);
    assert.equal(extra.number, '2027/S2');
    assert.equal(extra.startsAt, '2027-12-30T13:00:00.000Z');
    assert.equal(extra.extra, true);
    assert.equal(extra.chair, undefined);
    assert.equal(extraSession(numbers, '2028-01-05', KOG).number, '2028/S1');
  });

  it('never gives an extra session in a year not yet planned a number that planning the year then proposes', () => {
    const extra = extraSession([], '2028-01-05', KOG);
    const regular = planYear(2028, KOG);
    assert.equal(regular.length, 3);
    assert.ok(!regular.some((session) => session.number === extra.number), `${extra.number} is a regular number`);
  });
});
