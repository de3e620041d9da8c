import {
  parseSubmission,
  titleKey,
  type SubmissionInput,
  type SubmissionProblem,
} from '../../domain/agenda/submission';
import { submissionTarget } from '../../domain/agenda/submission-window';
import { nowUtcIso } from '../../domain/clock';
import { maySubmitTopics } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { sessionById, sessionsOf } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import { submissionDocumentId, submissionsFor, type SubmissionDocument } from './submission-document';

/** A stored submission with the session it is for now. */
export interface SubmissionWithSession {
  readonly submission: Stored<SubmissionDocument>;
  readonly session: Stored<SessionDocument>;
}

export interface Submitted extends SubmissionWithSession {
  /** The session whose deadline the submission missed; it was offered for `session` instead. */
  readonly missed?: Stored<SessionDocument>;
}

export type SubmitRefusal =
  | { readonly kind: 'noCommittee' | 'notAllowed' }
  | { readonly kind: 'invalid'; readonly problems: readonly SubmissionProblem[] }
  /** The same person already submitted this title for the session: the first one stands. */
  | { readonly kind: 'duplicate'; readonly existing: SubmissionWithSession }
  /** No session ahead still takes topics; `missed` is the one whose deadline passed, if any. */
  | { readonly kind: 'noSessionAhead'; readonly missed?: Stored<SessionDocument> };

/**
 * Stores a topic, practice experience or need for action for the next session that still takes
 * topics (or the one a call-for-topics card names). A late submission goes to the following
 * session and the result says which it missed. Nothing is stored unless the whole submission
 * is valid; the same title from the same person for the same session is stored once, also when
 * two copies arrive at the same moment (the id is derived from them).
 */
export async function submitTopic(
  deps: AppDependencies,
  actor: Actor,
  input: SubmissionInput,
  askedForSessionId?: unknown,
): Promise<Result<Submitted, SubmitRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!maySubmitTopics(actor)) return fail({ kind: 'notAllowed' });
  const parsed = parseSubmission(input);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error });

  const nowIso = nowUtcIso(deps.clock);
  const askedFor =
    askedForSessionId === undefined ? undefined : await sessionById(deps.store, actor.committeeId, askedForSessionId);
  const sessions = await sessionsOf(deps.store, actor.committeeId);
  const target = submissionTarget(sessions, nowIso, committee.leadTimes, committee.timeZone, askedFor);
  if (!target.session) return fail({ kind: 'noSessionAhead', ...(target.missed ? { missed: target.missed } : {}) });
  const session = target.session;

  const personId = actor.identity.aadObjectId;
  const key = titleKey(parsed.value.title);
  const earlier = (await submissionsFor(deps.store, actor.committeeId, session.id)).find(
    (submission) =>
      submission.personId === personId && submission.titleKey === key && submission.status !== 'withdrawn',
  );
  if (earlier) return fail({ kind: 'duplicate', existing: { submission: earlier, session } });

  const document: SubmissionDocument = {
    id: submissionDocumentId(session.id, personId, parsed.value.title),
    committeeId: actor.committeeId,
    type: 'topicSubmission',
    sessionId: session.id,
    personId,
    personName: actor.person?.displayName ?? actor.identity.displayName,
    content: parsed.value,
    titleKey: key,
    status: 'submitted',
    revision: 1,
    ...(target.missed ? { missedSessionId: target.missed.id } : {}),
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  try {
    const stored = await deps.store.create(document);
    return ok({ submission: stored, session, ...(target.missed ? { missed: target.missed } : {}) });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return resubmitOrPointToFirst(deps, document, session);
  }
}

/**
 * The id is taken: either by the same submission arriving twice (point to it), or by one the
 * person withdrew earlier, which the new submission takes over.
 */
async function resubmitOrPointToFirst(
  deps: AppDependencies,
  document: SubmissionDocument,
  session: Stored<SessionDocument>,
): Promise<Result<Submitted, SubmitRefusal>> {
  const existing = await deps.store.get<SubmissionDocument>(document.committeeId, document.id);
  if (!existing) throw new Error(`Submission ${document.id} conflicted but cannot be read`);
  if (existing.status !== 'withdrawn') {
    const existingSession = (await sessionById(deps.store, document.committeeId, existing.sessionId)) ?? session;
    return fail({ kind: 'duplicate', existing: { submission: existing, session: existingSession } });
  }
  const revived = await deps.store.replace<SubmissionDocument>(
    { ...document, revision: existing.revision + 1, createdAt: existing.createdAt },
    existing._etag,
  );
  return ok({ submission: revived, session });
}
