import assert from 'node:assert/strict';
import type { AuditEntry } from '../../src/app/audit/audit-trail';
import { renderAuditCard } from '../../src/cards/audit-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';

function rendered(entry: AuditEntry, locale: 'de' | 'en'): string {
  const view = {
    timeZone: 'Europe/Berlin',
    subject: { kind: 'session', number: '2027/1', sessionId: 'session-2027-1' },
    query: '2027/1',
    page: 1,
    hasMore: false,
    entries: [entry],
  } as const;
  return cardText(renderAuditCard(view, translator(locale)) as Record<string, unknown>);
}

describe('cards: the change log speaks in words, not in internal values', () => {
  const reminder: AuditEntry = {
    at: '2027-02-11T09:00:00.000Z',
    source: 'scheduler',
    reason: 'rsvpReminder',
    operation: 'changed',
    documentType: 'session',
    documentId: 'session-2027-1',
    changes: [
      { field: 'remindedAt', before: null, after: '2027-02-11T09:00:00.000Z' },
      { field: 'date', before: '2027-03-12', after: '2027-03-19' },
    ],
  };

  it('names a scheduled job in words and writes instants and days as dates', () => {
    const german = rendered(reminder, 'de');
    assert.match(german, /Änderungsprotokoll – Sitzung 2027\/1/);
    assert.match(german, /automatisch \(Zeitplan: Erinnerung an die Rückmeldung\)/);
    assert.match(german, /remindedAt: – → 11\.02\.2027, 10:00:00 Uhr/);
    assert.match(german, /date: 12\.03\.2027 → 19\.03\.2027/);
    assert.doesNotMatch(german, /rsvpReminder|2027-0\d-\d\d/);
    const english = rendered(reminder, 'en');
    assert.match(english, /schedule: reply reminder/);
    assert.match(english, /12 March 2027 → 19 March 2027/);
  });

  it('leaves out the name of a job it does not know', () => {
    const text = rendered({ ...reminder, reason: 'someNewJob' }, 'de');
    assert.match(text, /automatisch \(Zeitplan\)/);
    assert.doesNotMatch(text, /someNewJob/);
  });
});
