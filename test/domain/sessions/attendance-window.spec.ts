import assert from 'node:assert/strict';
import { attendanceIsOpenAt, attendanceOpensAt } from '../../../src/domain/sessions/attendance-window';

describe('domain/sessions/attendance-window: attendance opens on the session day, one hour before the start', () => {
  it('opens one hour before a session at 14:00 Berlin, in winter and in summer', () => {
    assert.equal(attendanceOpensAt('2027-02-11T13:00:00.000Z', 'Europe/Berlin'), '2027-02-11T12:00:00.000Z');
    assert.equal(attendanceOpensAt('2027-06-10T12:00:00.000Z', 'Europe/Berlin'), '2027-06-10T11:00:00.000Z');
  });

  it('never opens the day before: a session at 00:30 opens at midnight of its own day', () => {
    assert.equal(attendanceOpensAt('2027-02-10T23:30:00.000Z', 'Europe/Berlin'), '2027-02-10T23:00:00.000Z');
  });

  it('counts in the committee’s time zone, not UTC', () => {
    assert.equal(attendanceOpensAt('2027-02-11T15:00:00.000Z', 'America/New_York'), '2027-02-11T14:00:00.000Z');
  });

  it('is closed ten hours and one minute before, open from the hour before, and stays open after', () => {
    const startsAt = '2027-02-11T13:00:00.000Z';
    assert.equal(attendanceIsOpenAt(startsAt, 'Europe/Berlin', '2027-02-11T03:00:00.000Z'), false);
    assert.equal(attendanceIsOpenAt(startsAt, 'Europe/Berlin', '2027-02-11T11:59:00.000Z'), false);
    assert.equal(attendanceIsOpenAt(startsAt, 'Europe/Berlin', '2027-02-11T12:00:00.000Z'), true);
    assert.equal(attendanceIsOpenAt(startsAt, 'Europe/Berlin', '2027-02-12T09:00:00.000Z'), true);
  });
});
