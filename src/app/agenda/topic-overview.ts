import type { SubmissionContent } from '../../domain/agenda/submission';
import { topicDeadline } from '../../domain/agenda/submission-window';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';
import {
  submissionsFor,
  type RecordedDecision,
  type SubmissionDocument,
  type SubmissionStatus,
} from './submission-document';

/** Submissions per page of the triage card; keeps it well under the Teams card size. */
export const TOPICS_PAGE_SIZE = 10;

/** One submission as the secretariat's triage card shows it. */
export interface TopicLine {
  readonly id: string;
  readonly revision: number;
  readonly content: SubmissionContent;
  readonly personName: string;
  readonly status: SubmissionStatus;
  readonly decision?: RecordedDecision;
  readonly deferredFrom?: string;
  /** Submitted after the deadline of an earlier session, and offered for this one. */
  readonly late: boolean;
  readonly submittedAt: string;
}

/** The triage card's data: the session's submissions, undecided first. */
export interface TopicOverview {
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly deadline: string;
  readonly lines: readonly TopicLine[];
  readonly undecided: number;
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
}

/**
 * The session's submissions for triage: those waiting for a decision first, oldest first, then
 * the decided ones; withdrawn ones are left out. Paged, so a busy call never outgrows a card.
 */
export async function topicOverview(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone' | 'leadTimes'>,
  session: Stored<SessionDocument>,
  pageInput: unknown,
): Promise<TopicOverview> {
  const submissions = (await submissionsFor(deps.store, committee.committeeId, session.id)).filter(
    (submission) => submission.status !== 'withdrawn',
  );
  const ordered = [
    ...submissions.filter((submission) => submission.status === 'submitted'),
    ...submissions.filter((submission) => submission.status !== 'submitted'),
  ];
  const pageCount = Math.max(1, Math.ceil(ordered.length / TOPICS_PAGE_SIZE));
  const page =
    typeof pageInput === 'number' && Number.isInteger(pageInput) ? Math.min(Math.max(pageInput, 1), pageCount) : 1;
  return {
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    deadline: topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone),
    lines: ordered.slice((page - 1) * TOPICS_PAGE_SIZE, page * TOPICS_PAGE_SIZE).map(topicLine),
    undecided: submissions.filter((submission) => submission.status === 'submitted').length,
    total: submissions.length,
    page,
    pageCount,
  };
}

/** A submission as the secretariat's cards show it. */
export function topicLine(submission: SubmissionDocument): TopicLine {
  return {
    id: submission.id,
    revision: submission.revision,
    content: submission.content,
    personName: submission.personName,
    status: submission.status,
    ...(submission.decision ? { decision: submission.decision } : {}),
    ...(submission.deferredFrom ? { deferredFrom: submission.deferredFrom } : {}),
    late: submission.missedSessionId !== undefined && submission.missedSessionId !== submission.sessionId,
    submittedAt: submission.createdAt,
  };
}
