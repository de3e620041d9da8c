import { fixedClock } from '../../src/domain/clock';
import { statusReport, type StatusReport, type StatusReportSources } from '../../src/domain/reports/status-report';
import { TEXT_FIELDS } from '../../src/domain/text-input';
import { JULY_FIRST, sources } from '../domain/reports/status-report-fixtures';

/** The small committee's 2027 as of 1 July 2027 (see the domain fixtures). */
export function sampleStatusReport(overrides: Partial<StatusReportSources> = {}): StatusReport {
  return statusReport(sources(overrides), 2027, JULY_FIRST);
}

/**
 * A year as large as a committee gets: 80 institutions with the longest names, twelve held
 * sessions, 300 topics, 20 agreements per session, 40 working groups with the longest names and
 * mandates. What a card must still fit into Teams' size and a PDF must still lay out.
 */
export function largestStatusReport(): StatusReport {
  const long = (prefix: string, max: number) => `${prefix} ${'Überlange Bezeichnung '.repeat(20)}`.slice(0, max);
  const sessions = Array.from({ length: 12 }, (_, index) => ({
    id: `session-2027-${index + 1}`,
    number: `2027/${index + 1}`,
    year: 2027,
    extra: false,
    startsAt: `2027-${String(index + 1).padStart(2, '0')}-11T13:00:00.000Z`,
    state: 'closed' as const,
  }));
  const institutions = Array.from({ length: 80 }, (_, index) =>
    long(`Institution ${index + 1}`, TEXT_FIELDS.institution.max),
  );
  return statusReport(
    {
      committeeName: long('Koordinierungsgremium', 200),
      timeZone: 'Europe/Berlin',
      sessions,
      attendance: new Map(
        sessions.map((session, index) => [
          session.id,
          institutions.map((institution, seat) => ({
            institution,
            presence: (['inPerson', 'online', 'absent'] as const)[(index + seat) % 3]!,
          })),
        ]),
      ),
      submissions: Array.from({ length: 300 }, (_, index) => ({
        sessionId: sessions[index % 12]!.id,
        status: (['accepted', 'merged', 'declined', 'withdrawn', 'submitted'] as const)[index % 5]!,
        content: { kind: 'need' as const, title: long(`Thema ${index}`, TEXT_FIELDS.topicTitle.max) },
      })),
      agreements: sessions.flatMap((session) =>
        Array.from({ length: 20 }, (_, index) => ({
          sessionId: session.id,
          sessionNumber: session.number,
          text: long(`Vereinbarung ${index}`, TEXT_FIELDS.agreementText.max),
          institution: institutions[index]!,
          dueDate: '2027-06-30',
          status: (['open', 'inProgress', 'blocked', 'done'] as const)[index % 4]!,
        })),
      ),
      workingGroups: Array.from({ length: 40 }, (_, index) => ({
        name: long(`AG ${index}`, TEXT_FIELDS.workingGroupName.max),
        mandate: long('Auftrag', TEXT_FIELDS.workingGroupMandate.max),
        startsOn: '2027-01-01',
        plannedEndOn: '2027-12-31',
        state: 'active' as const,
        reportSessionId: sessions[index % 12]!.id,
      })),
      names: [],
    },
    2027,
    fixedClock('2027-12-31T12:00:00.000Z'),
  );
}
