import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { checkDueDate, isOverdue, localToday } from '../../../src/domain/agreements/due-dates';
import {
  daysToCover,
  isEscalationDay,
  isoWeek,
  nextFollowUpAt,
  reminderOn,
} from '../../../src/domain/agreements/follow-up-days';
import { reportedAtSession } from '../../../src/domain/agreements/agenda-agreements';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('domain/agreements: due dates, reminder days and the weekly escalation', () => {
  it('takes today in the committee time zone, not UTC', () => {
    assert.equal(localToday(utc('2027-03-31T22:30:00Z'), 'Europe/Berlin'), '2027-04-01');
    assert.equal(localToday(utc('2027-03-31T21:59:59Z'), 'Europe/Berlin'), '2027-03-31');
  });

  it('accepts a due date of today or later and refuses a past or impossible one', () => {
    assert.deepEqual(checkDueDate('2027-03-31', '2027-03-31'), { ok: true, value: '2027-03-31' });
    assert.deepEqual(checkDueDate('2027-03-30', '2027-03-31'), { ok: false, error: 'past' });
    assert.deepEqual(checkDueDate('2027-02-30', '2027-01-01'), { ok: false, error: 'invalid' });
    assert.deepEqual(checkDueDate('morgen', '2027-01-01'), { ok: false, error: 'invalid' });
    assert.deepEqual(
      checkDueDate('2027-03-31 oder später', '2027-01-01'),
      { ok: false, error: 'invalid' },
      'not cut to a date',
    );
    assert.deepEqual(checkDueDate(' 2027-03-31 ', '2027-01-01'), { ok: true, value: '2027-03-31' });
    assert.deepEqual(checkDueDate(20270101, '2027-01-01'), { ok: false, error: 'invalid' });
  });

  it('reminds exactly seven days before and on the due date, never for done items', () => {
    const item = { dueDate: '2027-04-01', status: 'open' };
    assert.equal(reminderOn(item, '2027-03-25'), 'weekBefore');
    assert.equal(reminderOn(item, '2027-03-24'), undefined);
    assert.equal(reminderOn(item, '2027-03-26'), undefined);
    assert.equal(reminderOn(item, '2027-04-01'), 'dueToday');
    assert.equal(reminderOn(item, '2027-04-02'), undefined);
    assert.equal(reminderOn({ ...item, status: 'done' }, '2027-04-01'), undefined);
    // Across the change to summer time (28 March 2027) the count is in calendar days.
    assert.equal(reminderOn({ dueDate: '2027-03-31', status: 'blocked' }, '2027-03-24'), 'weekBefore');
  });

  it('counts an item overdue from the day after its due date, unless done', () => {
    assert.equal(isOverdue({ dueDate: '2027-04-01', status: 'open' }, '2027-04-01'), false);
    assert.equal(isOverdue({ dueDate: '2027-04-01', status: 'inProgress' }, '2027-04-02'), true);
    assert.equal(isOverdue({ dueDate: '2027-04-01', status: 'done' }, '2027-05-02'), false);
  });

  it('escalates on Mondays, keyed by ISO week (across the year boundary too)', () => {
    assert.equal(isEscalationDay('2027-03-29'), true);
    assert.equal(isEscalationDay('2027-03-28'), false);
    assert.equal(isoWeek('2027-03-29'), '2027-W13');
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
  });

  it('runs daily at 09:00 committee time, across daylight saving', () => {
    assert.equal(nextFollowUpAt(utc('2027-03-27T07:59:00Z'), 'Europe/Berlin'), '2027-03-27T08:00:00.000Z');
    assert.equal(nextFollowUpAt(utc('2027-03-27T08:00:00Z'), 'Europe/Berlin'), '2027-03-28T07:00:00.000Z');
    assert.equal(nextFollowUpAt(utc('2027-10-30T07:00:00Z'), 'Europe/Berlin'), '2027-10-31T08:00:00.000Z');
  });

  it('catches up missed days after downtime, at most a week back', () => {
    assert.deepEqual(daysToCover('2027-03-29', '2027-03-29'), ['2027-03-29']);
    assert.deepEqual(daysToCover('2027-03-27', '2027-03-29'), ['2027-03-27', '2027-03-28', '2027-03-29']);
    assert.equal(daysToCover('2027-01-01', '2027-03-29').length, 8);
    assert.deepEqual(daysToCover('2027-03-30', '2027-03-29'), ['2027-03-29']);
  });

  it('reports open agreements of earlier sessions, and done ones closed since the session before', () => {
    const session = { startsAt: '2027-06-10T12:00:00Z' };
    const previous = '2027-02-11T13:00:00Z';
    assert.equal(reportedAtSession({ madeAt: previous, status: 'open' }, session, previous), true);
    assert.equal(
      reportedAtSession(
        { madeAt: '2026-09-10T12:00:00Z', status: 'done', doneAt: '2027-02-11T13:00:00Z' },
        session,
        previous,
      ),
      true,
    );
    assert.equal(
      reportedAtSession(
        { madeAt: '2026-09-10T12:00:00Z', status: 'done', doneAt: '2027-02-11T12:59:59Z' },
        session,
        previous,
      ),
      false,
    );
    assert.equal(reportedAtSession({ madeAt: session.startsAt, status: 'open' }, session, previous), false);
    // Made at the session before and done even before that session's start time: still reported once.
    assert.equal(
      reportedAtSession({ madeAt: previous, status: 'done', doneAt: '2027-02-11T09:00:00Z' }, session, previous),
      true,
    );
  });
});
