import { fixedClock } from '../../../src/domain/clock';
import type {
  ReportAgreement,
  ReportSession,
  ReportSubmission,
  ReportWorkingGroup,
  StatusReportSources,
} from '../../../src/domain/reports/status-report';

const session = (number: string, startsAt: string, state: ReportSession['state'], extra = false): ReportSession => ({
  id: `session-${number.replace('/', '-').toLowerCase()}`,
  number,
  year: Number(number.slice(0, 4)),
  extra,
  startsAt,
  state,
});

export const S1 = session('2027/1', '2027-02-11T13:00:00.000Z', 'closed');
const S2 = session('2027/2', '2027-05-20T12:00:00.000Z', 'minutesApproved');
const SX = session('2027/S1', '2027-07-01T12:00:00.000Z', 'cancelled', true);
const S3 = session('2027/3', '2027-10-14T12:00:00.000Z', 'invited');
const NEXT = session('2028/1', '2028-02-10T13:00:00.000Z', 'planned');
const EARLIER = session('2026/3', '2026-10-15T12:00:00.000Z', 'closed');

const topic = (sessionId: string, title: string, status: ReportSubmission['status'], extra = {}): ReportSubmission => ({
  sessionId,
  status,
  content: { kind: 'topic', title },
  ...extra,
});

const agreement = (
  sessionId: string,
  institution: string,
  dueDate: string,
  status: ReportAgreement['status'],
  text = 'Zahlen vorlegen',
): ReportAgreement => ({
  sessionId,
  sessionNumber: [S1, S2, EARLIER].find((candidate) => candidate.id === sessionId)!.number,
  text,
  institution,
  dueDate,
  status,
});

const group = (name: string, overrides: Partial<ReportWorkingGroup> = {}): ReportWorkingGroup => ({
  name,
  mandate: 'Empfehlungen erarbeiten',
  startsOn: '2026-12-01',
  plannedEndOn: '2027-06-30',
  state: 'active',
  ...overrides,
});

/** A year of a small committee, seen on 1 July 2027 in Leipzig. */
export function sources(overrides: Partial<StatusReportSources> = {}): StatusReportSources {
  return {
    committeeName: 'KOG',
    timeZone: 'Europe/Berlin',
    sessions: [NEXT, S3, SX, S2, S1, EARLIER],
    attendance: new Map([
      [
        S1.id,
        [
          { institution: 'Jobcenter Leipzig', presence: 'inPerson' as const },
          { institution: 'IHK zu Leipzig', presence: 'absent' as const },
          { institution: 'Agentur für Arbeit Leipzig', presence: 'online' as const },
        ],
      ],
      [
        S2.id,
        [
          { institution: 'Jobcenter Leipzig', presence: 'absent' as const },
          { institution: 'IHK zu Leipzig', presence: 'inPerson' as const },
          { institution: 'Agentur für Arbeit Leipzig', presence: 'inPerson' as const },
          { institution: 'Ärztekammer Sachsen', presence: 'online' as const },
        ],
      ],
      [EARLIER.id, [{ institution: 'Landesamt für Schule und Bildung', presence: 'inPerson' as const }]],
    ]),
    submissions: [
      topic(S1.id, 'Ausbildungsabbrüche', 'accepted', { decision: { type: 'accept' } }),
      topic(S1.id, 'Sprachkurse', 'merged', { decision: { type: 'merge' } }),
      topic(S1.id, 'Wohnungsmarkt', 'declined', { decision: { type: 'decline' } }),
      topic(S2.id, 'Anerkennung von Abschlüssen', 'submitted', { decision: { type: 'defer' }, deferredFrom: '2027/1' }),
      topic(S2.id, 'Berichte von Frau Hoffmann', 'withdrawn'),
      topic(S3.id, 'Kinderbetreuung', 'submitted'),
      topic(NEXT.id, 'Mobilität im ländlichen Raum', 'submitted', {
        decision: { type: 'defer' },
        deferredFrom: '2027/3',
      }),
      topic(EARLIER.id, 'Altes Thema', 'accepted'),
    ],
    agreements: [
      agreement(S1.id, 'Jobcenter Leipzig', '2027-03-31', 'done'),
      agreement(S1.id, 'Jobcenter Leipzig', '2027-06-30', 'inProgress', 'Sabine Hoffmann berichtet'),
      agreement(S1.id, 'IHK zu Leipzig', '2027-07-01', 'open'),
      agreement(S2.id, 'Agentur für Arbeit Leipzig', '2027-06-15', 'blocked'),
      agreement(S2.id, 'IHK zu Leipzig', '2027-05-31', 'done'),
      agreement(EARLIER.id, 'Jobcenter Leipzig', '2026-12-31', 'open'),
    ],
    workingGroups: [
      group('AG 3 Fachkräfteeinwanderungsgesetz', { reportSessionId: S2.id }),
      group('AG 4 Berufschancen von Frauen', { startsOn: '2027-03-01', reportSessionId: S3.id }),
      group('UAG Afghanistan', { state: 'ended', endedAt: '2026-12-31T23:30:00.000Z', reportSessionId: EARLIER.id }),
      group('AG 2 Beendet 2026', { state: 'ended', endedAt: '2026-12-31T12:00:00.000Z' }),
      group('AG 6 Ab 2028', { startsOn: '2028-01-15' }),
    ],
    names: ['Sabine Hoffmann'],
    ...overrides,
  };
}

/** 1 July 2027, 00:30 in Leipzig, still 30 June in UTC. */
export const JULY_FIRST = fixedClock('2027-06-30T22:30:00.000Z');
