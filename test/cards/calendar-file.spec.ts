import assert from 'node:assert/strict';
import type { SessionCalendar } from '../../src/app/sessions/session-calendar';
import { calendarFile } from '../../src/cards/calendar-file';
import { translator } from '../../src/i18n/translator';
import { IcsCalendarWriter } from '../../src/infra/ics-calendar';
import { parseWithIcalJs } from '../support/ical';

const ONLINE_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
const COMMITTEE_NAME = 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“';

/** Session 2027/1 of the KOG as its calendar link describes it. */
const SESSION: SessionCalendar = {
  uid: 'session-2027-1.tenant-x@gremium',
  sequence: 2,
  stampedAt: '2026-12-01T09:30:00.000Z',
  startsAt: '2027-03-11T13:00:00.000Z',
  endsAt: '2027-03-11T16:00:00.000Z',
  url: ONLINE_LINK,
  cancelled: false,
  committeeName: COMMITTEE_NAME,
  committeeShortName: 'KOG',
  number: '2027/1',
  extra: false,
  chair: 'Oberbürgermeister der Stadt Leipzig',
  place: 'Neues Rathaus, Raum 259',
  onlineLink: ONLINE_LINK,
};

describe('cards/calendar-file', () => {
  it('words the event in German with the committee’s terms: „Sitzungsleitung“, never „Vorsitz“', () => {
    assert.deepEqual(calendarFile(SESSION, translator('de')), {
      uid: SESSION.uid,
      sequence: 2,
      stampedAt: SESSION.stampedAt,
      title: 'KOG – Sitzung 2027/1',
      description: `${COMMITTEE_NAME}\nSitzungsleitung: Oberbürgermeister der Stadt Leipzig\nOnline-Teilnahme: ${ONLINE_LINK}`,
      startsAt: SESSION.startsAt,
      endsAt: SESSION.endsAt,
      location: 'Neues Rathaus, Raum 259',
      url: ONLINE_LINK,
      cancelled: false,
      fileName: 'sitzung-2027-1.ics',
    });
    assert.doesNotMatch(JSON.stringify(calendarFile(SESSION, translator('de'))), /Vorsitz/);
  });

  it('words the same event in English for an English reader', () => {
    const event = calendarFile(SESSION, translator('en'));
    assert.equal(event.title, 'KOG – Session 2027/1');
    assert.equal(
      event.description,
      `${COMMITTEE_NAME}\nChair: Oberbürgermeister der Stadt Leipzig\nJoin online: ${ONLINE_LINK}`,
    );
    assert.equal(event.fileName, 'session-2027-1.ics');
    assert.deepEqual(
      [event.uid, event.sequence, event.startsAt, event.endsAt, event.location],
      [SESSION.uid, 2, SESSION.startsAt, SESSION.endsAt, 'Neues Rathaus, Raum 259'],
      'only the words differ between languages',
    );
  });

  it('says a cancelled session is cancelled, in title and description, in either language', () => {
    const cancelled = { ...SESSION, cancelled: true };
    const german = calendarFile(cancelled, translator('de'));
    assert.equal(german.title, 'Abgesagt: KOG – Sitzung 2027/1');
    assert.match(german.description!, /^Diese Sitzung ist abgesagt\.\n/);
    const english = calendarFile(cancelled, translator('en'));
    assert.equal(english.title, 'Cancelled: KOG – Session 2027/1');
    assert.match(english.description!, /^This session has been cancelled\.\n/);
  });

  it('names an extra session, and falls back to "Online" for a session without a place', () => {
    const extra: SessionCalendar = { ...SESSION, number: '2027/S1', extra: true, chair: undefined, place: undefined };
    const german = calendarFile(extra, translator('de'));
    assert.equal(german.title, 'KOG – Sondersitzung 2027/S1');
    assert.equal(german.location, 'Online');
    assert.equal(german.description, `${COMMITTEE_NAME}\nOnline-Teilnahme: ${ONLINE_LINK}`);
    assert.equal(german.fileName, 'sitzung-2027-S1.ics');
    assert.equal(calendarFile(extra, translator('en')).title, 'KOG – Extra session 2027/S1');
  });

  it('has no location for a session with neither place nor online link', () => {
    const nowhere: SessionCalendar = { ...SESSION, place: undefined, onlineLink: undefined, url: undefined };
    assert.equal(calendarFile(nowhere, translator('de')).location, undefined);
  });

  it('is written as an .ics file that a calendar app reads with the German words', () => {
    const text = new IcsCalendarWriter().write(calendarFile(SESSION, translator('de')));
    const [event] = parseWithIcalJs(text).components;
    assert.equal(event?.values.summary, 'KOG – Sitzung 2027/1');
    assert.match(String(event?.values.description), /Sitzungsleitung: Oberbürgermeister der Stadt Leipzig/);
  });
});
