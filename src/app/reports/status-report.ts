import type { Clock } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID, isSafeIdPart } from '../../domain/ids';
import { mayUse } from '../../domain/permissions';
import { reportYear, statusReport, type StatusReport } from '../../domain/reports/status-report';
import type { StatusReportSources } from '../../domain/reports/status-report';
import { fail, ok, type Result } from '../../domain/result';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { SubmissionDocument } from '../agenda/submission-document';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { openLink } from '../links/open-link';
import type { LinkRequests } from '../ports/message-renderer';
import type { DocumentStore } from '../ports/document-store';
import { queryByType } from '../query-by-type';
import type { AttendanceDocument } from '../sessions/attendance';
import type { SessionDocument } from '../sessions/session-document';
import type { WorkingGroupDocument } from '../working-groups/working-group-document';
import type { StatusReportPrint } from './status-report-print';

/** Why the report cannot be shown. */
export type StatusReportRefusal =
  | { readonly kind: 'noCommittee' | 'notAllowed' | 'invalidYear' }
  | { readonly kind: 'noSessions'; readonly year: number };

/** The two files a report card links to, issued to the reader (see `turnLinks`). */
export function statusReportLinks(year: number): LinkRequests {
  return { pdf: { kind: 'report', year }, csv: { kind: 'reportCsv', year } };
}

/**
 * `bericht 2027`: the committee's status report of a year, for the secretariat. Without a year,
 * the current one in the committee's time zone. A year in which the committee has no session at
 * all (none planned, none held) has nothing to report, which the secretariat is told instead of
 * being shown a report of zeros.
 */
export async function openStatusReport(
  deps: AppDependencies,
  actor: Actor,
  argument: string,
): Promise<Result<StatusReport, StatusReportRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('statusReport', actor)) return fail({ kind: 'notAllowed' });
  const year = reportYear(argument, deps.clock, committee.timeZone);
  if (year === undefined) return fail({ kind: 'invalidYear' });
  const sources = await reportSources(deps.store, committee);
  if (!sources.sessions.some((session) => session.year === year)) return fail({ kind: 'noSessions', year });
  return ok(statusReport(sources, year, toTheMinute(deps.clock)));
}

/**
 * The clock at the start of its minute: a report says "Stand: 14:32 Uhr", and the same figures
 * asked for twice within that minute (the card, then the PDF; a download repeated) give the same
 * file, which the PDF cache then serves instead of rendering it again.
 */
function toTheMinute(clock: Clock): Clock {
  return { now: () => clock.now().startOf('minute') };
}

/** A report behind a link: the PDF or CSV to hand out, and the name a browser saves it under. */
export interface StatusReportFile {
  readonly fileName: string;
  readonly print: StatusReportPrint;
}

/**
 * The report behind a status report link, computed now: a link opened days after the card was
 * shown gives the figures of the day it is opened (the file says as of when). Undefined for
 * anything that does not lead to one (a wrong, expired or revoked token, another kind's, one of
 * a person no longer of the secretariat), all alike, so a caller cannot tell which.
 */
export async function statusReportFile(
  deps: AppDependencies,
  committeeId: string,
  token: string,
  format: 'pdf' | 'csv',
): Promise<StatusReportFile | undefined> {
  if (!isSafeIdPart(committeeId)) return undefined;
  const link = await openLink(deps, committeeId, token, [format === 'pdf' ? 'report' : 'reportCsv']);
  if (!link || typeof link.year !== 'number') return undefined;
  const committee = await deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  if (committee?.type !== 'committee') return undefined;
  const report = statusReport(await reportSources(deps.store, committee), link.year, toTheMinute(deps.clock));
  return {
    fileName: `${reportFileBase(committee.shortName, link.year)}.${format}`,
    print: { kind: 'statusReport', report },
  };
}

/**
 * What the report is computed from, in one query of six types inside the committee's partition:
 * sessions, attendance, topic submissions, action items, temporary working groups, and the
 * people, whose names (with those recorded in attendance and on action items) are taken out of
 * its texts.
 */
async function reportSources(store: DocumentStore, committee: CommitteeDocument): Promise<StatusReportSources> {
  const found = await queryByType<
    | SessionDocument
    | AttendanceDocument
    | SubmissionDocument
    | AgreementDocument
    | WorkingGroupDocument
    | PersonDocument
  >(store, committee.committeeId, {
    type: ['session', 'attendance', 'topicSubmission', 'agreement', 'workingGroup', 'person'],
  });
  const [sessions, attendance, submissions, agreements, workingGroups, people] = [
    found.of('session'),
    found.of('attendance'),
    found.of('topicSubmission'),
    found.of('agreement'),
    found.of('workingGroup'),
    found.of('person'),
  ];
  const names = [
    ...people.map((person) => person.displayName),
    ...attendance.flatMap((record) => record.entries.map((entry) => entry.name)),
    ...agreements.map((agreement) => agreement.responsibleName ?? ''),
  ].filter((name) => name.trim().length > 0);
  return {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessions,
    attendance: new Map(attendance.map((record) => [record.sessionId, record.entries])),
    submissions,
    agreements,
    workingGroups,
    names: [...new Set(names)],
  };
}

/** `Sachstandsbericht-KOG-2027`: readable in a downloads folder, safe in every file system. */
function reportFileBase(shortName: string, year: number): string {
  const safe = shortName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ['Sachstandsbericht', safe || undefined, String(year)].filter(Boolean).join('-');
}
