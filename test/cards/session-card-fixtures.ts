import { fullestAgenda } from './agenda-card-fixtures';
import { ROSTER_LIMITS } from '../../src/domain/roster-changes';
import { ATTENDANCE_PAGE_SIZE, type AttendanceView } from '../../src/app/sessions/attendance';
import type { InvitationView } from '../../src/app/sessions/invitation-view';
import type { RsvpOverview } from '../../src/app/sessions/rsvp-overview';
import type { SessionDocument } from '../../src/app/sessions/session-document';
import type { SessionsOverview } from '../../src/app/sessions/sessions-overview';
import { sessionTracks } from '../../src/domain/sessions/session-tracks';

const LONG = 'Agentur für Arbeit Leipzig – Geschäftsführung Operativ '.repeat(3).slice(0, 150);

/** A session as stored, for rendering tests. */
export function sampleSession(overrides: Partial<SessionDocument> = {}): SessionDocument {
  return {
    id: 'session-2027-1',
    committeeId: 'tenant-t1',
    type: 'session',
    number: '2027/1',
    year: 2027,
    sequence: 1,
    extra: false,
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    chair: 'Oberbürgermeister der Stadt Leipzig',
    place: 'Neues Rathaus, Raum 259',
    onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc',
    state: 'planned',
    revision: 2,
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The list of sessions as a viewer sees it, with each session's tracks read on 7 January 2027
 * (before 2027/1's topic deadline) under the default lead times.
 */
export function sampleSessionsOverview(
  sessions: readonly SessionDocument[],
  options: { readonly years?: readonly number[]; readonly forSecretariat?: boolean } = {},
): SessionsOverview {
  const rules = {
    leadTimes: { callForTopicsDays: 42, topicDeadlineDays: 21, agendaDispatchDays: 14, rsvpReminderDays: 7 },
    timeZone: 'Europe/Berlin',
  };
  return {
    years: options.years ?? [2027],
    timeZone: 'Europe/Berlin',
    forSecretariat: options.forSecretariat ?? true,
    viewerId: 'aaaaaaaa-0000-0000-0000-000000000001',
    entries: sessions.map((session, index) => ({
      session: { ...session, _etag: `"${index}"` },
      tracks: sessionTracks(
        { ...session, ...(session.agenda ? { agendaVersion: session.agenda.version } : {}) },
        rules,
        '2027-01-07T09:00:00.000Z',
      ),
      invited: index % 2 === 0,
      takesTopicsFromViewer: index % 3 === 0,
    })),
  };
}

/** A calendar link as the sender issues one for an invitation's reader. */
export const SAMPLE_CALENDAR_URL =
  'https://gremium.example.org/api/calendar/tenant-t1/session-2027-1/Xk3vQ0cT9yZr2bWm8LpN4sHd7FgJ1aUe6oKiYw5tRqE.ics';

/** The richest invitation: a deputy's, with a long agenda, a banner and an answer. */
export function sampleInvitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return {
    committeeName: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    revision: 3,
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    place: 'P'.repeat(200),
    onlineLink: `https://example.org/${'l'.repeat(470)}`,
    chair: LONG,
    agenda: fullestAgenda(),
    personId: 'aaaaaaaa-0000-0000-0000-000000000001',
    as: 'member',
    institution: LONG,
    deputyName: 'Thomas Richter',
    status: 'open',
    deadline: '2027-02-10T11:00:00.000Z',
    answer: { choice: 'delegate', delegateName: 'D'.repeat(120), answeredAt: '2027-01-20T10:00:00.000Z' },
    banner: 'reminder',
    ...overrides,
  };
}

/** An overview of sixty institutions in every status. */
export function sampleOverview(): RsvpOverview {
  const statuses: RsvpOverview['lines'][number]['status'][] = [
    { kind: 'attending', mode: 'inPerson', by: 'member' },
    { kind: 'attending', mode: 'online', by: 'deputy' },
    { kind: 'delegated', delegateName: 'Dr. Ada Beispiel' },
    { kind: 'deputyInvited' },
    { kind: 'declined' },
    { kind: 'noAnswer' },
  ];
  return {
    committeeName: 'KOG',
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    status: 'open',
    lines: Array.from({ length: 60 }, (_, index) => ({
      seatId: `seat-${index}`,
      institution: LONG,
      memberName: 'Sabine Hoffmann-Mustermann',
      deputyName: 'Thomas Richter-Beispiel',
      status: statuses[index % statuses.length]!,
      attendeeName: 'Sabine Hoffmann-Mustermann',
    })),
    represented: 30,
    tentative: 0,
    unanswered: 20,
    remindKey: '6a1f0e52-8d57-4a4c-9b61-2b3c4d5e6f70',
  };
}

/** A full page of attendance, as recorded, in the middle of a large committee. */
export function sampleAttendance(): AttendanceView {
  return {
    committeeName: 'KOG',
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    revision: 2,
    page: 2,
    pages: Math.ceil(ROSTER_LIMITS.seats / ATTENDANCE_PAGE_SIZE),
    entries: Array.from({ length: ATTENDANCE_PAGE_SIZE }, (_, index) => ({
      seatId: `seat-${index}`,
      institution: LONG,
      presence: index % 3 === 0 ? 'absent' : 'inPerson',
      name: 'N'.repeat(120),
    })),
    recorded: { at: '2027-02-11T17:00:00.000Z', byName: 'Katrin Albers' },
  };
}
