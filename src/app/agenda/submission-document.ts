import { createHash } from 'node:crypto';
import { titleKey, type SubmissionContent } from '../../domain/agenda/submission';
import type { Document, DocumentStore, Stored } from '../ports/document-store';

/** Where a submission stands: waiting for the secretariat, decided, or withdrawn by its submitter. */
export type SubmissionStatus = 'submitted' | 'accepted' | 'merged' | 'declined' | 'withdrawn';

/** The secretariat's decision as recorded; a deferral leaves the submission `submitted`. */
export interface RecordedDecision {
  readonly type: 'accept' | 'merge' | 'defer' | 'decline';
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  /** The agenda item that took the submission up (accept, merge). */
  readonly itemId?: string;
}

/**
 * A topic, practice experience or need for action fed in for a session. One document per
 * submission, so many people submitting at once never contend; the id is derived from the
 * session it was made for, the person and the title, so the same submission sent twice (a
 * repeated chat line, a re-delivered activity) finds the first instead of making a second.
 */
export interface SubmissionDocument extends Document {
  readonly type: 'topicSubmission';
  /** The session whose agenda it is for; a deferral moves it on. */
  readonly sessionId: string;
  readonly personId: string;
  readonly personName: string;
  readonly content: SubmissionContent;
  /** The title as compared for duplicates (see `titleKey`). */
  readonly titleKey: string;
  readonly status: SubmissionStatus;
  readonly revision: number;
  readonly decision?: RecordedDecision;
  /** The session number it was moved from, when the secretariat deferred it. */
  readonly deferredFrom?: string;
  /** The session whose deadline it missed, when it was submitted late and offered for this one. */
  readonly missedSessionId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The id of a person's submission of a title for a session. */
export function submissionDocumentId(sessionId: string, personId: string, title: string): string {
  return `topic-${createHash('sha256')
    .update(`${sessionId}\n${personId}\n${titleKey(title)}`)
    .digest('hex')
    .slice(0, 40)}`;
}

/** Every submission now for the session, oldest first. */
export async function submissionsFor(
  store: DocumentStore,
  committeeId: string,
  sessionId: string,
): Promise<Array<Stored<SubmissionDocument>>> {
  const found = await store.query<SubmissionDocument>(committeeId, {
    type: 'topicSubmission',
    where: [{ field: 'sessionId', op: '=', value: sessionId }],
  });
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
