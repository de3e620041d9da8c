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
    names: { 'bbbbbbbb-0000-0000-0000-000000000002': 'Sabine Hoffmann' },
    sessions: { 'session-2027-1': '2027/1', 'session-2027-2': '2027/2' },
    seats: { 'seat-ihk': 'IHK zu Leipzig' },
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
      { field: 'dueDate', before: '2027-03-12', after: '2027-03-19' },
    ],
  };

  it('names a scheduled job in words and writes instants and days as dates', () => {
    const german = rendered(reminder, 'de');
    assert.match(german, /Änderungsprotokoll – Sitzung 2027\/1/);
    assert.match(german, /automatisch \(Zeitplan: Erinnerung an die Rückmeldung\)/);
    assert.match(german, /Erinnerung versandt am: – → 11\.02\.2027, 10:00:00 Uhr/);
    assert.match(german, /Fällig am: 12\.03\.2027 → 19\.03\.2027/);
    assert.doesNotMatch(german, /rsvpReminder|2027-0\d-\d\d/);
    const english = rendered(reminder, 'en');
    assert.match(english, /schedule: reply reminder/);
    assert.match(english, /12 March 2027 → 19 March 2027/);
  });

  it('writes fields by their labels, people and sessions by name and number, states in words', () => {
    const entry: AuditEntry = {
      at: '2027-02-11T09:00:00.000Z',
      actorName: 'Katrin Albers',
      source: 'bot',
      operation: 'changed',
      documentType: 'session',
      documentId: 'session-2027-1',
      changes: [
        { field: 'place', before: 'Neues Rathaus', after: 'Rathaus, Raum 259' },
        { field: 'state', before: 'planned', after: 'invited' },
        { field: 'revision', before: 3, after: 4 },
        { field: 'updatedBy', before: 'x', after: 'bbbbbbbb-0000-0000-0000-000000000002' },
        { field: 'invitedSeats', after: [{ id: 'seat-ihk' }, { id: 'seat-agentur' }] },
        { field: 'agenda', after: { omitted: 'object', fields: 4 } },
        { field: 'someFieldOfLater', before: 'a', after: 'b' },
      ],
    };
    const text = rendered(entry, 'de');
    assert.match(text, /Sitzung 2027\/1 geändert/);
    assert.match(text, /• Ort: Neues Rathaus → Rathaus, Raum 259/);
    assert.match(text, /• Stand: geplant → eingeladen/);
    assert.match(text, /• Eingeladene Sitze: \(2 Einträge\)/);
    assert.match(text, /• Veröffentlichte Tagesordnung geändert/);
    assert.match(text, /… und 1 weitere Angabe geändert/);
    assert.doesNotMatch(text, /session-2027-1|someFieldOfLater|revision|updatedBy|invited\b|planned/);
    const agreement = rendered(
      {
        ...entry,
        documentType: 'agreement',
        documentId: 'agreement-session-2027-1-a1',
        sessionId: 'session-2027-1',
        changes: [
          { field: 'responsibleId', before: 'bbbbbbbb-0000-0000-0000-000000000002', after: 'gone-person' },
          { field: 'status', before: 'open', after: 'inProgress' },
        ],
      },
      'de',
    );
    assert.match(agreement, /Aufgabe geändert · Sitzung 2027\/1/);
    assert.match(agreement, /• Verantwortlich geändert/, 'a person no longer known is not written by id');
    assert.match(agreement, /• Stand: offen → in Bearbeitung/);
    assert.match(rendered({ ...entry, actorName: undefined }, 'de'), /eine Person, die nicht mehr im Gremium ist/);
  });

  it("does not count the minutes head's note of its version as another change of a save", () => {
    const save: AuditEntry = {
      at: '2027-02-12T09:00:00.000Z',
      actorName: 'Katrin Albers',
      source: 'bot',
      operation: 'changed',
      documentType: 'minutes',
      documentId: 'minutes-session-2027-1',
      sessionId: 'session-2027-1',
      changes: [
        { field: 'version', before: 1, after: 2 },
        { field: 'saved', before: { version: 1 }, after: { version: 2, kind: 'draft', at: '2027-02-12T09:00:00Z' } },
        { field: 'updatedAt', before: '2027-02-11T17:00:00.000Z', after: '2027-02-12T09:00:00.000Z' },
      ],
    };
    const text = rendered(save, 'de');
    assert.match(text, /: 1 → 2/);
    assert.doesNotMatch(text, /weitere Angabe/);
  });

  it('leaves out the name of a job it does not know', () => {
    const text = rendered({ ...reminder, reason: 'someNewJob' }, 'de');
    assert.match(text, /automatisch \(Zeitplan\)/);
    assert.doesNotMatch(text, /someNewJob/);
  });
});
