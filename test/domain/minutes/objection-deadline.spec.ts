import assert from 'node:assert/strict';
import { localToday, objectionDeadline, objectionsOpenAt } from '../../../src/domain/minutes/objection-deadline';

describe('domain/minutes: the objection deadline', () => {
  it('ends at midnight, committee time, after the seventh day', () => {
    // Circulated on Monday 1 March 2027, 15:00 Berlin (CET): objections until the end of Monday 8 March.
    assert.equal(objectionDeadline('2027-03-01T14:00:00.000Z', 7, 'Europe/Berlin'), '2027-03-08T23:00:00.000Z');
  });

  it('counts local days across the change to summer time', () => {
    // 25 March 2027 (CET) plus 7 days ends at midnight of 1 April, now CEST (UTC+2).
    assert.equal(objectionDeadline('2027-03-25T10:00:00.000Z', 7, 'Europe/Berlin'), '2027-04-01T22:00:00.000Z');
  });

  it('takes the local day of circulation, not the UTC one', () => {
    // 23:30 UTC on 1 March is already 2 March in Berlin.
    assert.equal(objectionDeadline('2027-03-01T23:30:00.000Z', 1, 'Europe/Berlin'), '2027-03-03T23:00:00.000Z');
  });

  it('accepts an answer one second before, and refuses one exactly at or after the deadline', () => {
    const deadline = '2027-03-08T23:00:00.000Z';
    assert.equal(objectionsOpenAt(deadline, '2027-03-08T22:59:59.000Z'), true);
    assert.equal(objectionsOpenAt(deadline, '2027-03-08T23:00:00.000Z'), false);
    assert.equal(objectionsOpenAt(deadline, '2027-03-08T23:00:01.000Z'), false);
  });

  it('knows today in the committee time zone', () => {
    assert.equal(localToday('2027-03-01T23:30:00.000Z', 'Europe/Berlin'), '2027-03-02');
    assert.equal(localToday('2027-03-01T22:30:00.000Z', 'Europe/Berlin'), '2027-03-01');
  });
});
