import { DateTime } from 'luxon';
import { isOverdue, localToday } from '../agreements/due-dates';
import type { Clock } from '../clock';
import { toUtcIso } from '../clock';
import { publicTextFor } from '../oparl/public-record';
import { hasMinutes, isCancelled, type SessionState } from '../sessions/session-state';

/**
 * The committee's year in figures, as a status report (Sachstandsbericht) to a council committee
 * tells it: the sessions held and who attended them per institution, the topics submitted and
 * what became of them, the agreements made and how far each institution has got with them, and
 * the temporary working groups with their reports. Pure: computed from what the store holds and
 * the clock, so the same records at the same moment give the same report.
 *
 * The report is meant to be attached to a public paper (an Informationsvorlage), so it names
 * institutions, never people: attendance is counted per institution, agreements per owning
 * institution, and the names of the committee's people are taken out of every free text (topic
 * titles, agreements, mandates) as the public record does. Working groups' member lists and
 * the discussion of the minutes are not read at all.
 */

/** A session as the report reads it. */
export interface ReportSession {
  readonly id: string;
  readonly number: string;
  readonly year: number;
  readonly extra: boolean;
  readonly startsAt: string;
  readonly state: SessionState;
}

/** How one institution was represented at one session, as the attendance recorded it. */
export interface ReportAttendanceEntry {
  readonly institution: string;
  readonly presence: 'inPerson' | 'online' | 'absent';
}

/** A topic submission as the report reads it: never its submitter. */
export interface ReportSubmission {
  readonly sessionId: string;
  readonly status: 'submitted' | 'accepted' | 'merged' | 'declined' | 'withdrawn';
  readonly decision?: { readonly type: 'accept' | 'merge' | 'defer' | 'decline' };
  readonly deferredFrom?: string;
  readonly content: { readonly kind: 'topic' | 'practice' | 'need'; readonly title: string };
}

/** An action item as the report reads it: never its responsible person. */
export interface ReportAgreement {
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly text: string;
  readonly institution: string;
  /** `yyyy-MM-dd` in the committee's time zone. */
  readonly dueDate: string;
  readonly status: 'open' | 'inProgress' | 'blocked' | 'done';
}

/** A temporary working group as the report reads it: never its members. */
export interface ReportWorkingGroup {
  readonly name: string;
  readonly mandate: string;
  readonly startsOn: string;
  readonly plannedEndOn: string;
  readonly state: 'active' | 'ended';
  readonly endedAt?: string;
  readonly reportSessionId?: string;
}

/** Everything the report is computed from, read from one committee's partition. */
export interface StatusReportSources {
  readonly committeeName: string;
  readonly timeZone: string;
  /** Every session of the committee, of any year: a group may report at a session of another year. */
  readonly sessions: readonly ReportSession[];
  /** The recorded attendance by session id. */
  readonly attendance: ReadonlyMap<string, readonly ReportAttendanceEntry[]>;
  readonly submissions: readonly ReportSubmission[];
  readonly agreements: readonly ReportAgreement[];
  readonly workingGroups: readonly ReportWorkingGroup[];
  /** The names of the committee's people, taken out of every text the report prints. */
  readonly names: readonly string[];
}

/** What became of a session of the year. */
export type SessionOutcome = 'held' | 'cancelled' | 'notYetHeld';

/** What became of a topic submission, from the year's point of view. */
export const TOPIC_OUTCOMES = ['takenUp', 'merged', 'deferred', 'declined', 'withdrawn', 'undecided'] as const;
export type TopicOutcome = (typeof TOPIC_OUTCOMES)[number];

/** A session's line: its number, day and outcome. */
export interface ReportSessionLine {
  readonly number: string;
  readonly startsAt: string;
  readonly extra: boolean;
  readonly outcome: SessionOutcome;
}

/** One institution's attendance over the year's held sessions. */
export interface InstitutionAttendance {
  readonly institution: string;
  /** Per held session (by number, in the order of `heldSessions`): how it was there; absent when not invited. */
  readonly bySession: Readonly<Record<string, ReportAttendanceEntry['presence']>>;
  /** Held sessions it was invited to (had a line in the attendance). */
  readonly invited: number;
  /** Of those, the sessions it attended, in person or online. */
  readonly attended: number;
}

/** One topic submission's line. */
export interface ReportTopicLine {
  readonly title: string;
  readonly kind: ReportSubmission['content']['kind'];
  /** The session it was submitted for or decided at (where it stands now, or left the year from). */
  readonly sessionNumber: string;
  readonly outcome: TopicOutcome;
  /** For a deferral: the session it was moved to. */
  readonly movedTo?: string;
}

/** Agreements counted: made, done, not done yet, and of those the ones past their due date. */
export interface AgreementCounts {
  readonly made: number;
  readonly done: number;
  readonly open: number;
  readonly overdue: number;
}

/** An agreement not done yet, for the list of what is still open. */
export interface OpenAgreementLine {
  readonly text: string;
  readonly institution: string;
  readonly sessionNumber: string;
  readonly dueDate: string;
  readonly overdue: boolean;
}

/** Where a working group's report stands. */
export type GroupReport =
  { readonly kind: 'none' } | { readonly kind: 'given' | 'planned'; readonly sessionNumber: string };

export interface ReportWorkingGroupLine {
  readonly name: string;
  readonly mandate: string;
  readonly startsOn: string;
  readonly plannedEndOn: string;
  /** The local day it ended, if it has. */
  readonly endedOn?: string;
  readonly report: GroupReport;
}

/** The status report of one year. */
export interface StatusReport {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly year: number;
  /** The UTC instant the figures stand at. */
  readonly asOf: string;
  /** That instant's calendar day in the committee's time zone, against which due dates are overdue. */
  readonly today: string;
  readonly sessions: {
    readonly lines: readonly ReportSessionLine[];
    readonly held: number;
    readonly cancelled: number;
    readonly notYetHeld: number;
  };
  /** The numbers of the held sessions, in date order: the columns of the attendance table. */
  readonly heldSessions: readonly string[];
  readonly attendance: readonly InstitutionAttendance[];
  readonly topics: {
    readonly total: number;
    readonly byOutcome: Readonly<Record<TopicOutcome, number>>;
    readonly lines: readonly ReportTopicLine[];
  };
  readonly agreements: {
    readonly total: AgreementCounts;
    readonly byInstitution: ReadonlyArray<AgreementCounts & { readonly institution: string }>;
    /** Per session and institution, in session order: the finest level at which the counts add up. */
    readonly bySession: ReadonlyArray<
      AgreementCounts & { readonly sessionNumber: string; readonly institution: string }
    >;
    /** Not done yet, earliest due first. */
    readonly open: readonly OpenAgreementLine[];
  };
  readonly workingGroups: readonly ReportWorkingGroupLine[];
}

/** Institution names and other labels sort as a German reader expects (Ä with A). */
const byGerman = (a: string, b: string) => a.localeCompare(b, 'de');

/** The outcome of a session: held once it has minutes, cancelled, or not (yet) held. */
export function sessionOutcome(state: SessionState): SessionOutcome {
  if (hasMinutes(state)) return 'held';
  return isCancelled(state) ? 'cancelled' : 'notYetHeld';
}

/**
 * The year's report, as of the clock's now. A session belongs to the year it is numbered in; a
 * topic to the year of the session it stands at, or, when it was deferred out of the year, to the
 * year it was deferred from (counted there as deferred); an agreement to the year of the session
 * whose minutes made it; a temporary working group to every year it worked in.
 */
export function statusReport(sources: StatusReportSources, year: number, clock: Clock): StatusReport {
  const now = clock.now();
  const today = localToday(now, sources.timeZone);
  const scrub = publicTextFor(sources.names);
  const sessionsById = new Map(sources.sessions.map((session) => [session.id, session]));
  const ofYear = sources.sessions
    .filter((session) => session.year === year)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.number.localeCompare(b.number));
  const lines = ofYear.map((session) => ({
    number: session.number,
    startsAt: session.startsAt,
    extra: session.extra,
    outcome: sessionOutcome(session.state),
  }));
  const held = ofYear.filter((session) => sessionOutcome(session.state) === 'held');

  return {
    committeeName: sources.committeeName,
    timeZone: sources.timeZone,
    year,
    asOf: toUtcIso(now),
    today,
    sessions: {
      lines,
      held: held.length,
      cancelled: lines.filter((line) => line.outcome === 'cancelled').length,
      notYetHeld: lines.filter((line) => line.outcome === 'notYetHeld').length,
    },
    heldSessions: held.map((session) => session.number),
    attendance: attendanceOf(held, sources.attendance),
    topics: topicsOf(sources.submissions, sessionsById, year, scrub),
    agreements: agreementsOf(sources.agreements, ofYear, today, scrub),
    workingGroups: workingGroupsOf(sources.workingGroups, sessionsById, year, sources.timeZone, scrub),
  };
}

function attendanceOf(
  held: readonly ReportSession[],
  recorded: ReadonlyMap<string, readonly ReportAttendanceEntry[]>,
): InstitutionAttendance[] {
  const byInstitution = new Map<string, Record<string, ReportAttendanceEntry['presence']>>();
  for (const session of held) {
    for (const entry of recorded.get(session.id) ?? []) {
      const institution = entry.institution.trim();
      if (!institution) continue;
      const row = byInstitution.get(institution) ?? {};
      // Two seats of one institution: it counts as there if either of them was.
      const before = row[session.number];
      if (!before || before === 'absent' || (before === 'online' && entry.presence === 'inPerson'))
        row[session.number] = entry.presence;
      byInstitution.set(institution, row);
    }
  }
  return [...byInstitution.entries()]
    .sort(([a], [b]) => byGerman(a, b))
    .map(([institution, bySession]) => {
      const presences = Object.values(bySession);
      return {
        institution,
        bySession,
        invited: presences.length,
        attended: presences.filter((presence) => presence !== 'absent').length,
      };
    });
}

function topicsOf(
  submissions: readonly ReportSubmission[],
  sessionsById: ReadonlyMap<string, ReportSession>,
  year: number,
  scrub: (text: string) => string,
): StatusReport['topics'] {
  const lines: ReportTopicLine[] = [];
  for (const submission of submissions) {
    const session = sessionsById.get(submission.sessionId);
    if (!session) continue;
    const base = { title: scrub(submission.content.title), kind: submission.content.kind };
    if (session.year === year) {
      const outcome = topicOutcome(submission);
      const from = outcome === 'deferred' ? submission.deferredFrom : undefined;
      lines.push({
        ...base,
        sessionNumber: from ?? session.number,
        outcome,
        ...(from ? { movedTo: session.number } : {}),
      });
    } else if (submission.deferredFrom?.startsWith(`${year}/`)) {
      lines.push({ ...base, sessionNumber: submission.deferredFrom, outcome: 'deferred', movedTo: session.number });
    }
  }
  lines.sort(
    (a, b) =>
      a.sessionNumber.localeCompare(b.sessionNumber, 'de', { numeric: true }) ||
      TOPIC_OUTCOMES.indexOf(a.outcome) - TOPIC_OUTCOMES.indexOf(b.outcome) ||
      byGerman(a.title, b.title),
  );
  const byOutcome = Object.fromEntries(
    TOPIC_OUTCOMES.map((outcome) => [outcome, lines.filter((line) => line.outcome === outcome).length]),
  ) as Record<TopicOutcome, number>;
  return { total: lines.length, byOutcome, lines };
}

/** What became of a submission at the session it stands at. */
function topicOutcome(submission: ReportSubmission): TopicOutcome {
  switch (submission.status) {
    case 'accepted':
      return 'takenUp';
    case 'merged':
      return 'merged';
    case 'declined':
      return 'declined';
    case 'withdrawn':
      return 'withdrawn';
    case 'submitted':
      // A deferral leaves the submission "submitted" at the following session, waiting there.
      return submission.decision?.type === 'defer' ? 'deferred' : 'undecided';
  }
}

function agreementsOf(
  agreements: readonly ReportAgreement[],
  sessionsOfYear: readonly ReportSession[],
  today: string,
  scrub: (text: string) => string,
): StatusReport['agreements'] {
  const yearIds = new Set(sessionsOfYear.map((session) => session.id));
  const made = agreements.filter((agreement) => yearIds.has(agreement.sessionId));
  const count = (items: readonly ReportAgreement[]): AgreementCounts => ({
    made: items.length,
    done: items.filter((item) => item.status === 'done').length,
    open: items.filter((item) => item.status !== 'done').length,
    overdue: items.filter((item) => isOverdue(item, today)).length,
  });
  const institutions = [...new Set(made.map((agreement) => agreement.institution.trim()))].sort(byGerman);
  return {
    total: count(made),
    byInstitution: institutions.map((institution) => ({
      institution: scrub(institution),
      ...count(made.filter((agreement) => agreement.institution.trim() === institution)),
    })),
    bySession: sessionsOfYear.flatMap((session) =>
      institutions
        .map((institution) => ({
          sessionNumber: session.number,
          institution: scrub(institution),
          ...count(
            made.filter(
              (agreement) => agreement.sessionId === session.id && agreement.institution.trim() === institution,
            ),
          ),
        }))
        .filter((row) => row.made > 0),
    ),
    open: made
      .filter((agreement) => agreement.status !== 'done')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byGerman(a.institution, b.institution))
      .map((agreement) => ({
        text: scrub(agreement.text),
        institution: scrub(agreement.institution),
        sessionNumber: agreement.sessionNumber,
        dueDate: agreement.dueDate,
        overdue: isOverdue(agreement, today),
      })),
  };
}

function workingGroupsOf(
  groups: readonly ReportWorkingGroup[],
  sessionsById: ReadonlyMap<string, ReportSession>,
  year: number,
  timeZone: string,
  scrub: (text: string) => string,
): ReportWorkingGroupLine[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return groups
    .map((group) => ({
      group,
      endedOn: group.state === 'ended' && group.endedAt ? localDay(group.endedAt, timeZone) : undefined,
    }))
    .filter(({ group, endedOn }) => group.startsOn <= last && (endedOn === undefined || endedOn >= first))
    .sort((a, b) => a.group.startsOn.localeCompare(b.group.startsOn) || byGerman(a.group.name, b.group.name))
    .map(({ group, endedOn }) => {
      const session = group.reportSessionId ? sessionsById.get(group.reportSessionId) : undefined;
      const report: GroupReport =
        !session || isCancelled(session.state)
          ? { kind: 'none' }
          : { kind: hasMinutes(session.state) ? 'given' : 'planned', sessionNumber: session.number };
      return {
        name: scrub(group.name),
        mandate: scrub(group.mandate),
        startsOn: group.startsOn,
        plannedEndOn: group.plannedEndOn,
        ...(endedOn ? { endedOn } : {}),
        report,
      };
    });
}

function localDay(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate() ?? instant.slice(0, 10);
}

/**
 * The year a `bericht` command asks for: the four-digit year after the word, or, without one,
 * the current year in the committee's time zone (on New Year's Eve in Leipzig it is still the
 * old year, whatever UTC says). Undefined for anything else.
 */
export function reportYear(argument: string, clock: Clock, timeZone: string): number | undefined {
  const text = argument.trim();
  if (!text) return clock.now().setZone(timeZone).year;
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}
