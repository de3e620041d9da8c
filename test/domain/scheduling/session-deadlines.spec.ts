import assert from 'node:assert/strict';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { sessionDeadlines } from '../../../src/domain/scheduling/session-deadlines';

const KOG = DEFAULT_COMMITTEE_SETTINGS.leadTimes;

describe('domain/scheduling/session-deadlines', () => {
  it('counts the KOG lead times back from the session, at office hours in Berlin', () => {
    // Thursday 13 May 2027, 14:00 in Berlin (summer time).
    assert.deepEqual(sessionDeadlines('2027-05-13T12:00:00Z', KOG, 'Europe/Berlin'), [
      { kind: 'callForTopics', dueAt: '2027-04-01T07:00:00.000Z' },
      { kind: 'topicDeadline', dueAt: '2027-04-22T22:00:00.000Z' },
      { kind: 'agendaReview', dueAt: '2027-04-27T07:00:00.000Z' },
      { kind: 'agendaDispatch', dueAt: '2027-04-29T07:00:00.000Z' },
      { kind: 'rsvpReminder', dueAt: '2027-05-06T07:00:00.000Z' },
    ]);
  });

  it('reviews the agenda two days before it is due, on the Friday before when that is a weekend day', () => {
    const due = (startsAt: string, kind: string) =>
      sessionDeadlines(startsAt, KOG, 'Europe/Berlin').find((deadline) => deadline.kind === kind)!.dueAt;
    // Agenda due Wednesday 31 March 2027 (summer time): review on Monday 29 March.
    assert.deepEqual(
      [due('2027-04-14T12:00:00Z', 'agendaReview'), due('2027-04-14T12:00:00Z', 'agendaDispatch')],
      ['2027-03-29T07:00:00.000Z', '2027-03-31T07:00:00.000Z'],
    );
    // Agenda due Monday 29 March (summer time): Saturday 27 March becomes Friday 26 March (winter time).
    assert.equal(due('2027-04-12T12:00:00Z', 'agendaReview'), '2027-03-26T08:00:00.000Z');
    // Agenda due Tuesday 30 March: Sunday 28 March becomes Friday 26 March too.
    assert.equal(due('2027-04-13T12:00:00Z', 'agendaReview'), '2027-03-26T08:00:00.000Z');
  });

  it('keeps 09:00 local across the change to summer time', () => {
    // Session on Tuesday 6 April 2027 (summer time); the call for topics falls in winter time.
    const [call] = sessionDeadlines('2027-04-06T12:00:00Z', KOG, 'Europe/Berlin');
    assert.equal(call!.dueAt, '2027-02-23T08:00:00.000Z');
  });

  it('crosses the year boundary', () => {
    const [call] = sessionDeadlines('2027-01-20T13:00:00Z', KOG, 'Europe/Berlin');
    assert.equal(call!.dueAt, '2026-12-09T08:00:00.000Z');
  });

  it('uses the session date in the committee time zone, not in UTC', () => {
    // 00:30 on 14 May in Berlin is still 13 May in UTC.
    const reminder = sessionDeadlines('2027-05-13T22:30:00Z', KOG, 'Europe/Berlin').find(
      (deadline) => deadline.kind === 'rsvpReminder',
    );
    assert.equal(reminder!.dueAt, '2027-05-07T07:00:00.000Z');
  });
});
