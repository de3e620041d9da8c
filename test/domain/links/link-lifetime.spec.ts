import assert from 'node:assert/strict';
import { linkExpiry } from '../../../src/domain/links/link-lifetime';

describe('domain/links/link-lifetime', () => {
  it('lets a calendar link work until two weeks after the session, however early it was sent', () => {
    assert.equal(
      linkExpiry('calendar', '2026-11-21T10:00:00.000Z', '2027-02-11T16:00:00.000Z'),
      '2027-02-25T16:00:00.000Z',
    );
    assert.equal(
      linkExpiry('calendar', '2027-02-25T15:59:59.000Z', '2027-02-11T16:00:00.000Z'),
      '2027-02-25T16:00:00.000Z',
    );
  });

  it('issues no calendar link for a session two weeks past, nor one without a session', () => {
    assert.equal(linkExpiry('calendar', '2027-02-25T16:00:00.000Z', '2027-02-11T16:00:00.000Z'), undefined);
    assert.equal(linkExpiry('calendar', '2027-02-25T16:00:00.000Z'), undefined);
  });

  it('lets minutes and extract links work for 90 days, across a change to summer time, and exports for 24 hours', () => {
    assert.equal(linkExpiry('minutes', '2027-02-12T09:00:00.000Z'), '2027-05-13T09:00:00.000Z');
    assert.equal(linkExpiry('extract', '2027-02-12T09:00:00.000Z'), '2027-05-13T09:00:00.000Z');
    assert.equal(linkExpiry('export', '2027-03-27T12:00:00.000Z'), '2027-03-28T12:00:00.000Z');
  });

  it('lets status report links, PDF and CSV alike, work for a week', () => {
    assert.equal(linkExpiry('report', '2027-03-25T12:00:00.000Z'), '2027-04-01T12:00:00.000Z');
    assert.equal(linkExpiry('reportCsv', '2027-03-25T12:00:00.000Z'), '2027-04-01T12:00:00.000Z');
  });
});
