import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixedClock, nowUtcIso, toUtcIso } from '../../src/domain/clock';

describe('domain/clock', () => {
  it('writes an instant in UTC, whatever zone it was read in', () => {
    const berlin = DateTime.fromISO('2027-02-11T14:00:00', { zone: 'Europe/Berlin' });
    assert.equal(toUtcIso(berlin), '2027-02-11T13:00:00.000Z');
  });

  it('writes instants that compare as strings in time order, across a change of offset', () => {
    const beforeChange = DateTime.fromISO('2027-03-28T01:59:00', { zone: 'Europe/Berlin' });
    const afterChange = beforeChange.plus({ minutes: 2 });
    assert.ok(toUtcIso(beforeChange) < toUtcIso(afterChange));
    assert.equal(toUtcIso(afterChange), '2027-03-28T01:01:00.000Z');
  });

  it("answers the clock's now in UTC", () => {
    assert.equal(nowUtcIso(fixedClock('2026-11-21T11:00:00+01:00')), '2026-11-21T10:00:00.000Z');
  });

  it('refuses to write an invalid instant instead of storing null', () => {
    assert.throws(() => toUtcIso(DateTime.fromISO('2027-02-30T10:00:00Z')), /Invalid instant/);
  });
});
