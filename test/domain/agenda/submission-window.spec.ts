import { strict as assert } from 'node:assert';
import {
  submissionTarget,
  takesTopicsAt,
  topicDeadline,
  type SessionForTopics,
} from '../../../src/domain/agenda/submission-window';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';

const { leadTimes } = DEFAULT_COMMITTEE_SETTINGS;
const zone = 'Europe/Berlin';
const first: SessionForTopics = { id: 'session-2027-1', startsAt: '2027-02-11T13:00:00.000Z', state: 'planned' };
const second: SessionForTopics = { id: 'session-2027-2', startsAt: '2027-06-10T12:00:00.000Z', state: 'planned' };
/** 21 days before 11 February is 21 January; the deadline is the end of that day, Berlin time. */
const FIRST_DEADLINE = '2027-01-21T23:00:00.000Z';

describe('domain/agenda/submission-window', () => {
  it('closes submissions at the end of the deadline day, in the committee time zone', () => {
    assert.equal(topicDeadline(first.startsAt, leadTimes, zone), FIRST_DEADLINE);
    assert.equal(takesTopicsAt(first, '2027-01-21T22:59:59.999Z', leadTimes, zone), true);
  });

  it('counts a submission exactly at the deadline as late, and offers the following session', () => {
    assert.equal(takesTopicsAt(first, FIRST_DEADLINE, leadTimes, zone), false);
    assert.deepEqual(submissionTarget([first, second], FIRST_DEADLINE, leadTimes, zone), {
      session: second,
      missed: first,
    });
  });

  it('sends a submission after the deadline to the following session, also when the card named the missed one', () => {
    assert.deepEqual(submissionTarget([second, first], '2027-02-01T10:00:00.000Z', leadTimes, zone, first), {
      session: second,
      missed: first,
    });
  });

  it('follows a reschedule: a session moved later takes topics again until its new deadline', () => {
    const moved: SessionForTopics = { ...first, startsAt: '2027-03-11T13:00:00.000Z' };
    assert.equal(takesTopicsAt(first, '2027-02-01T10:00:00.000Z', leadTimes, zone), false);
    assert.equal(takesTopicsAt(moved, '2027-02-01T10:00:00.000Z', leadTimes, zone), true);
    assert.equal(topicDeadline(moved.startsAt, leadTimes, zone), '2027-02-18T23:00:00.000Z');
  });

  it('moves with the clocks: a deadline in summer time ends at 22:00 UTC', () => {
    assert.equal(topicDeadline(second.startsAt, leadTimes, zone), '2027-05-20T22:00:00.000Z');
  });

  it('skips cancelled and held sessions, and says when no session ahead takes topics', () => {
    assert.deepEqual(
      submissionTarget([{ ...first, state: 'cancelled' }, second], '2027-01-01T10:00:00.000Z', leadTimes, zone),
      { session: second },
    );
    assert.deepEqual(submissionTarget([first], '2027-02-01T10:00:00.000Z', leadTimes, zone), { missed: first });
    assert.deepEqual(submissionTarget([], '2027-02-01T10:00:00.000Z', leadTimes, zone), {});
  });
});
