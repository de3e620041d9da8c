import type { MinutesPrint, PrintedItem } from '../src/app/minutes/minutes-print';
import { AGENDA_LIMITS } from '../src/domain/agenda/agenda-items';
import { MINUTES_LIMITS } from '../src/domain/minutes/minutes-content';

/** Text of exactly `length` characters: German words with umlauts, as minutes are written. */
function text(length: number, seed: string): string {
  const words = `${seed} Die Mitglieder beraten ausführlich über Maßnahmen zur Integration in Ausbildung und Arbeit; Übergänge, Förderketten und Zuständigkeiten werden geprüft. `;
  return words.repeat(Math.ceil(length / words.length)).slice(0, length);
}

/**
 * The largest minutes the limits allow: every agenda item the agenda may hold, each with the
 * longest title, summary and result, and every agreement the minutes may hold, each with the
 * longest text and institution, spread over the items. `participants` attendees are listed.
 */
export function largestMinutesPrint(participants = 60, overrides: Partial<MinutesPrint> = {}): MinutesPrint {
  const itemCount = AGENDA_LIMITS.items;
  const agreementsPerItem = Math.floor(MINUTES_LIMITS.agreementsTotal / itemCount);
  const items: PrintedItem[] = Array.from({ length: itemCount }, (_, index) => ({
    number: index + 1,
    title: text(AGENDA_LIMITS.title, `Thema ${index + 1}:`),
    summary: text(MINUTES_LIMITS.summary, `Zusammenfassung ${index + 1}.`),
    result: text(MINUTES_LIMITS.result, `Ergebnis ${index + 1}.`),
    agreements: Array.from({ length: agreementsPerItem }, (_, row) => ({
      text: text(MINUTES_LIMITS.agreementText, `Vereinbarung ${index + 1}.${row + 1}:`),
      institution: text(MINUTES_LIMITS.institution, 'Jobcenter'),
      responsibleName: `Mitglied ${(index * agreementsPerItem + row) % Math.max(1, participants)}`,
      dueDate: '2027-04-15',
    })),
  }));
  return {
    committeeName: text(200, 'Koordinierungsgremium'),
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    timeZone: 'Europe/Berlin',
    chair: 'Oberbürgermeister der Stadt Leipzig',
    place: 'Neues Rathaus, Raum 259',
    version: 1,
    savedAt: '2027-02-20T09:00:00.000Z',
    status: 'approved',
    approvedAt: '2027-02-27T23:30:00.000Z',
    correction: false,
    extract: false,
    participants: Array.from({ length: participants }, (_, index) => ({
      institution: `Institution ${String(index).padStart(3, '0')}`,
      name: `Mitglied ${index}`,
      presence: (['inPerson', 'online', 'absent'] as const)[index % 3]!,
    })),
    items,
    ...overrides,
  };
}
