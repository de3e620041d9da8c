import assert from 'node:assert/strict';
import { oparlTexts } from '../../src/cards/oparl-texts';
import { translator } from '../../src/i18n/translator';

describe('cards/oparl-texts', () => {
  const de = oparlTexts(translator('de'));
  const en = oparlTexts(translator('en'));

  it('names meetings, roles and files in German, and in English for a server that speaks English', () => {
    assert.equal(de.meetingName('KOG', '2027/1', false), 'KOG – Sitzung 2027/1');
    assert.equal(de.meetingName('KOG', '2027/S1', true), 'KOG – Sondersitzung 2027/S1');
    assert.deepEqual([de.membershipRole('member'), de.membershipRole('deputy')], ['Mitglied', 'Stellvertretung']);
    assert.equal(de.standardItemTitle('opening'), 'Eröffnung, Freigabe des Protokolls der letzten Sitzung');
    assert.equal(de.resultsName('2027/1'), 'Ergebnisse und Vereinbarungen der Sitzung 2027/1');
    assert.equal(
      de.agreementLine({ text: 'Zahlen vorlegen', institution: 'IHK zu Leipzig', dueDate: '2027-04-30' }),
      'Zahlen vorlegen (Institution: IHK zu Leipzig; zu erledigen bis Freitag, 30. April 2027, 24:00 Uhr)',
    );
    assert.equal(en.meetingName('KOG', '2027/1', false), 'KOG – session 2027/1');
    assert.equal(en.membershipRole('deputy'), 'Deputy');
  });

  it('names a body after its one committee, or lists the short names of several', () => {
    assert.equal(de.bodyName([{ name: 'Koordinierungsgremium', shortName: 'KOG' }]), 'Koordinierungsgremium');
    assert.equal(
      de.bodyName([
        { name: 'Koordinierungsgremium', shortName: 'KOG' },
        { name: 'Steuerungsgruppe', shortName: 'SG' },
      ]),
      'Gremien: KOG, SG',
    );
  });

  it('writes the invitation as plain text: committee, session, when, where and the agenda by number', () => {
    const text = de.invitationText({
      committeeName: 'Koordinierungsgremium',
      sessionNumber: '2027/1',
      extra: false,
      startsAt: '2027-02-11T13:00:00.000Z',
      endsAt: '2027-02-11T16:00:00.000Z',
      timeZone: 'Europe/Berlin',
      place: 'Neues Rathaus, Raum 259',
      version: 2,
      publishedAt: '2027-01-28T09:00:00.000Z',
      items: ['Eröffnung', 'Ausbildungsabbrüche'],
    });
    assert.equal(
      text,
      [
        'Koordinierungsgremium',
        'Einladung zur Sitzung 2027/1',
        'Donnerstag, 11. Februar 2027, 14:00–17:00 Uhr',
        'Ort: Neues Rathaus, Raum 259',
        '',
        'Tagesordnung (Fassung 2 vom 28.01.2027)',
        'TOP 1  Eröffnung',
        'TOP 2  Ausbildungsabbrüche',
        '',
      ].join('\n'),
    );
  });
});
