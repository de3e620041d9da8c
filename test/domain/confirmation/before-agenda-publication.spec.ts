import assert from 'node:assert/strict';
import {
  reasonsBeforePublishingAgenda,
  sessionMinutes,
  type AgendaPublicationFacts,
} from '../../../src/domain/confirmation/before-agenda-publication';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';

/**
 * Session 2027/1 on Thursday 11 February 2027, 14:00–16:00 Berlin (CET). With the KOG's lead
 * times topics close at the end of Thursday 21 January (23:00 UTC) and the agenda is due on
 * Thursday 28 January, 09:00 (08:00 UTC).
 */
const WINTER: AgendaPublicationFacts = {
  startsAt: '2027-02-11T13:00:00.000Z',
  endsAt: '2027-02-11T15:00:00.000Z',
  agendaMinutes: 120,
  leadTimes: DEFAULT_COMMITTEE_SETTINGS.leadTimes,
  timeZone: 'Europe/Berlin',
};
const TOPICS_CLOSE = '2027-01-21T23:00:00.000Z';
const AGENDA_DUE = '2027-01-28T08:00:00.000Z';
/** Between the topic deadline and the agenda's due date: nothing about time to ask. */
const IN_TIME = '2027-01-25T09:00:00.000Z';

describe('domain/confirmation: what to ask before publishing an agenda', () => {
  it('asks when the agenda runs over the session, by how much, but not at exactly its length', () => {
    assert.equal(sessionMinutes(WINTER.startsAt, WINTER.endsAt), 120);
    assert.deepEqual(reasonsBeforePublishingAgenda({ ...WINTER, agendaMinutes: 230 }, IN_TIME), [
      { kind: 'agendaOverLength', overMinutes: 110, startsAt: WINTER.startsAt, endsAt: WINTER.endsAt },
    ]);
    assert.deepEqual(reasonsBeforePublishingAgenda({ ...WINTER, agendaMinutes: 121 }, IN_TIME), [
      { kind: 'agendaOverLength', overMinutes: 1, startsAt: WINTER.startsAt, endsAt: WINTER.endsAt },
    ]);
    assert.deepEqual(reasonsBeforePublishingAgenda(WINTER, IN_TIME), []);
    assert.deepEqual(reasonsBeforePublishingAgenda({ ...WINTER, agendaMinutes: 45 }, IN_TIME), []);
  });

  it('asks while topics may still be submitted, up to the end of the deadline day', () => {
    const open = [{ kind: 'topicsStillOpen', topicDeadline: TOPICS_CLOSE }];
    assert.deepEqual(reasonsBeforePublishingAgenda(WINTER, '2026-11-21T10:00:00.000Z'), open);
    assert.deepEqual(reasonsBeforePublishingAgenda(WINTER, '2027-01-21T22:59:59.999Z'), open);
    assert.deepEqual(
      reasonsBeforePublishingAgenda(WINTER, TOPICS_CLOSE),
      [],
      'exactly at the deadline topics are closed',
    );
  });

  it('asks after the agenda lead time, but not at its exact instant', () => {
    assert.deepEqual(reasonsBeforePublishingAgenda(WINTER, AGENDA_DUE), []);
    assert.deepEqual(reasonsBeforePublishingAgenda(WINTER, '2027-01-28T08:00:00.001Z'), [
      { kind: 'agendaLate', dueAt: AGENDA_DUE },
    ]);
  });

  it('counts the deadline in the committee time zone in summer time, and across the change to it', () => {
    // Thursday 10 June 2027, 14:00–16:00 CEST: topics close at the end of Thursday 20 May, 22:00 UTC.
    const summer = { ...WINTER, startsAt: '2027-06-10T12:00:00.000Z', endsAt: '2027-06-10T14:00:00.000Z' };
    assert.equal(sessionMinutes(summer.startsAt, summer.endsAt), 120);
    assert.deepEqual(reasonsBeforePublishingAgenda(summer, '2027-05-20T21:59:59.000Z'), [
      { kind: 'topicsStillOpen', topicDeadline: '2027-05-20T22:00:00.000Z' },
    ]);
    assert.deepEqual(reasonsBeforePublishingAgenda(summer, '2027-05-20T22:00:00.000Z'), []);
    // Thursday 8 April 2027 (CEST); its topic deadline, Thursday 18 March, is still winter time: 23:00 UTC.
    const april = { ...WINTER, startsAt: '2027-04-08T12:00:00.000Z', endsAt: '2027-04-08T14:00:00.000Z' };
    assert.deepEqual(reasonsBeforePublishingAgenda(april, '2027-03-18T22:30:00.000Z'), [
      { kind: 'topicsStillOpen', topicDeadline: '2027-03-18T23:00:00.000Z' },
    ]);
    assert.deepEqual(reasonsBeforePublishingAgenda(april, '2027-03-18T23:00:00.000Z'), []);
  });

  it('asks what inviting asks when the publication sends the invitations too', () => {
    assert.deepEqual(reasonsBeforePublishingAgenda({ ...WINTER, inviting: { place: 'Rathaus' } }, IN_TIME), [
      { kind: 'detailsMissing', missing: ['onlineLink', 'chair'] },
    ]);
    assert.deepEqual(
      reasonsBeforePublishingAgenda(
        { ...WINTER, inviting: { place: 'Rathaus', onlineLink: 'https://x.example', chair: 'Stadt' } },
        IN_TIME,
      ),
      [],
    );
  });

  it('names every reason at once, in the order the card shows them', () => {
    assert.deepEqual(
      reasonsBeforePublishingAgenda({ ...WINTER, agendaMinutes: 230, inviting: {} }, '2027-01-20T12:00:00.000Z').map(
        (reason) => reason.kind,
      ),
      ['agendaOverLength', 'topicsStillOpen', 'detailsMissing'],
    );
  });
});
