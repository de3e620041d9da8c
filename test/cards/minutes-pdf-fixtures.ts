import type { MinutesPrint, PrintedItem } from '../../src/app/minutes/minutes-print';

/**
 * Session 2027/1 of the KOG as a PDF shows it: approved minutes with a standard item, a topic
 * with an agreement due on 11 March 2027, and German quotation marks and umlauts in user text.
 */
export function minutesPrint(overrides: Partial<MinutesPrint> = {}): MinutesPrint {
  return {
    committeeName: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    timeZone: 'Europe/Berlin',
    chair: 'Oberbürgermeister der Stadt Leipzig',
    place: 'Neues Rathaus, Raum 259',
    version: 3,
    savedAt: '2027-02-20T09:00:00.000Z',
    status: 'approved',
    approvedAt: '2027-02-27T23:30:00.000Z',
    correction: false,
    extract: false,
    participants: [
      { institution: 'Jobcenter Leipzig', name: 'Sabine Hoffmann', presence: 'inPerson' },
      { institution: 'IHK zu Leipzig', name: 'Yusuf Demir', presence: 'online' },
      { institution: 'Agentur für Arbeit Leipzig', name: 'Birgit Lehmann', presence: 'absent' },
    ],
    items: [
      {
        number: 1,
        title: '',
        standard: 'opening',
        summary: 'Die Vorsitzende eröffnet die Sitzung.',
        result: 'Das Protokoll der letzten Sitzung ist genehmigt.',
        agreements: [],
      },
      {
        number: 2,
        title: 'Ausbildungsabbrüche – Zahlen der Kammern',
        summary: 'Interne Aussprache über „Abbruchquoten“ und Übergänge.',
        result: 'Die Kammern legen Zahlen für Größenordnungen vor.',
        agreements: [
          {
            text: 'Zahlen für 2026 zusammenstellen',
            institution: 'IHK zu Leipzig',
            responsibleName: 'Yusuf Demir',
            dueDate: '2027-03-11',
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** A long set of minutes: `count` items with long texts and agreements, to span several pages. */
export function longItems(count: number): PrintedItem[] {
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    title: `Thema ${index + 1}: ${'Überlange Überschrift '.repeat(6)}`,
    summary: `Zusammenfassung ${index + 1}. ${'Die Mitglieder beraten ausführlich über Maßnahmen. '.repeat(20)}`,
    result: `Ergebnis ${index + 1}. ${'Beschlossen wird das weitere Vorgehen. '.repeat(8)}`,
    agreements: [
      {
        text: `Vereinbarung ${index + 1}`,
        institution: 'Jobcenter Leipzig',
        responsibleName: 'Sabine Hoffmann',
        dueDate: '2027-03-11',
      },
    ],
  }));
}
