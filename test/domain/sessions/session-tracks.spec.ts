import assert from 'node:assert/strict';
import { callForTopicsStanding, sessionTracks } from '../../../src/domain/sessions/session-tracks';

/** Session 2027/1 on Thursday 11 February 2027, 14:00 Berlin; topic deadline the end of 21 January. */
const RULES = {
  leadTimes: { callForTopicsDays: 42, topicDeadlineDays: 21, agendaDispatchDays: 14, rsvpReminderDays: 7 },
  timeZone: 'Europe/Berlin',
} as const;
const STARTS_AT = '2027-02-11T13:00:00.000Z';
const DEADLINE = '2027-01-21T23:00:00.000Z';
const BEFORE_DEADLINE = '2027-01-07T09:00:00.000Z';

describe('domain/sessions/session-tracks: each track of a session follows its own rules', () => {
  it('lets the call go out before the deadline whether or not the members are invited, once', () => {
    const at = (state: 'planned' | 'invited' | 'topicsOpen', topicsCalledAt?: string, now = BEFORE_DEADLINE) =>
      callForTopicsStanding({ state, startsAt: STARTS_AT, ...(topicsCalledAt ? { topicsCalledAt } : {}) }, RULES, now);
    assert.equal(at('planned'), 'possible');
    assert.equal(at('invited'), 'possible', 'inviting first does not block the call');
    assert.equal(at('invited', '2027-01-01T08:00:00.000Z'), 'alreadyOut');
    assert.equal(at('topicsOpen'), 'alreadyOut', 'a session stored in the former state has its call out');
    assert.equal(at('planned', undefined, DEADLINE), 'deadlinePassed');
    assert.equal(callForTopicsStanding({ state: 'held', startsAt: STARTS_AT }, RULES, BEFORE_DEADLINE), 'notPrepared');
    assert.equal(
      callForTopicsStanding({ state: 'cancelled', startsAt: STARTS_AT }, RULES, BEFORE_DEADLINE),
      'notPrepared',
    );
  });

  it('tells invitation, topics, agenda and attendance apart for a prepared session', () => {
    assert.deepEqual(sessionTracks({ state: 'planned', startsAt: STARTS_AT }, RULES, BEFORE_DEADLINE), {
      life: 'prepared',
      invitation: 'notSent',
      topics: { kind: 'notCalled', deadline: DEADLINE },
      agenda: { kind: 'notPublished' },
    });
    assert.deepEqual(
      sessionTracks(
        { state: 'invited', startsAt: STARTS_AT, topicsCalledAt: '2027-01-01T08:00:00.000Z', agendaVersion: 2 },
        RULES,
        BEFORE_DEADLINE,
      ),
      {
        life: 'prepared',
        invitation: 'sent',
        topics: { kind: 'running', deadline: DEADLINE },
        agenda: { kind: 'published', version: 2 },
        attendance: { kind: 'opens', at: '2027-02-11T12:00:00.000Z' },
      },
    );
  });

  it('closes the topics at the deadline and opens the attendance an hour before the start', () => {
    const onTheDay = sessionTracks({ state: 'invited', startsAt: STARTS_AT }, RULES, '2027-02-11T12:30:00.000Z');
    assert.deepEqual(onTheDay.topics, { kind: 'closed', deadline: DEADLINE });
    assert.deepEqual(onTheDay.attendance, { kind: 'open' });
  });

  it('reads a held, minuted or cancelled session by its life alone', () => {
    for (const state of ['held', 'minutesCirculated', 'minutesApproved', 'closed', 'cancelled'] as const)
      assert.deepEqual(sessionTracks({ state, startsAt: STARTS_AT }, RULES, BEFORE_DEADLINE), { life: state });
  });
});
