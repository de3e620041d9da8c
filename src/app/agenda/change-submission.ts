import {
  parseSubmission,
  titleKey,
  type SubmissionInput,
  type SubmissionProblem,
} from '../../domain/agenda/submission';
import { takesTopicsAt } from '../../domain/agenda/submission-window';
import { nowUtcIso } from '../../domain/clock';
import { isSafeIdPart } from '../../domain/ids';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { withoutEtag, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { sessionById } from '../sessions/find-session';
import { submissionsFor, type SubmissionDocument } from './submission-document';
import type { SubmissionWithSession } from './submit-topic';

export type OwnSubmissionRefusal =
  | { readonly kind: 'noCommittee' | 'unknownSubmission' | 'otherPerson' }
  /** Decided, withdrawn, or past its deadline: it can only be looked at now. */
  | { readonly kind: 'closed'; readonly current: SubmissionWithSession }
  | { readonly kind: 'outdated'; readonly current: SubmissionWithSession };

export type EditRefusal =
  | OwnSubmissionRefusal
  | {
      readonly kind: 'invalid';
      readonly problems: readonly SubmissionProblem[];
      readonly current: SubmissionWithSession;
    }
  | { readonly kind: 'duplicate'; readonly existing: SubmissionWithSession };

/**
 * The submitter's own submission, as a card names it, with whether it can still be changed:
 * only its submitter may, only while it waits for the secretariat, and only until the topic
 * deadline of its session. The person comes from the activity; the card only names the id.
 */
export async function ownSubmission(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
): Promise<Result<SubmissionWithSession & { readonly changeable: boolean }, OwnSubmissionRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (typeof submissionId !== 'string' || !submissionId.startsWith('topic-') || !isSafeIdPart(submissionId))
    return fail({ kind: 'unknownSubmission' });
  const submission = await deps.store.get<SubmissionDocument>(actor.committeeId, submissionId);
  const session = submission && (await sessionById(deps.store, actor.committeeId, submission.sessionId));
  if (!submission || !session) return fail({ kind: 'unknownSubmission' });
  if (submission.personId !== actor.identity.aadObjectId) return fail({ kind: 'otherPerson' });
  const nowIso = nowUtcIso(deps.clock);
  const changeable =
    submission.status === 'submitted' && takesTopicsAt(session, nowIso, committee.leadTimes, committee.timeZone);
  return ok({ submission, session, changeable });
}

/** Withdraws the submitter's own submission before the deadline; it stays on record as withdrawn. */
export async function withdrawSubmission(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
  revision: unknown,
): Promise<Result<SubmissionWithSession, OwnSubmissionRefusal>> {
  const own = await changeableSubmission(deps, actor, submissionId, revision);
  if (!own.ok) return own;
  const { submission, session } = own.value;
  return save(deps, { submission, session }, { ...withoutEtag(submission), status: 'withdrawn' });
}

/** Changes the submitter's own submission before the deadline, under the same checks as submitting. */
export async function editSubmission(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
  revision: unknown,
  input: SubmissionInput,
): Promise<Result<SubmissionWithSession, EditRefusal>> {
  const own = await changeableSubmission(deps, actor, submissionId, revision);
  if (!own.ok) return own;
  const { submission, session } = own.value;
  const parsed = parseSubmission(input);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, current: { submission, session } });
  const key = titleKey(parsed.value.title);
  const twin = (await submissionsFor(deps.store, actor.committeeId, session.id)).find(
    (other) =>
      other.id !== submission.id &&
      other.personId === submission.personId &&
      other.titleKey === key &&
      other.status !== 'withdrawn',
  );
  if (twin) return fail({ kind: 'duplicate', existing: { submission: twin, session } });
  return save(deps, { submission, session }, { ...withoutEtag(submission), content: parsed.value, titleKey: key });
}

async function changeableSubmission(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
  revision: unknown,
): Promise<Result<SubmissionWithSession, OwnSubmissionRefusal>> {
  const own = await ownSubmission(deps, actor, submissionId);
  if (!own.ok) return own;
  const { submission, session, changeable } = own.value;
  if (!changeable) return fail({ kind: 'closed', current: { submission, session } });
  if (revision !== submission.revision) return fail({ kind: 'outdated', current: { submission, session } });
  return ok({ submission, session });
}

async function save(
  deps: AppDependencies,
  before: { readonly submission: Stored<SubmissionDocument>; readonly session: SubmissionWithSession['session'] },
  after: SubmissionDocument,
): Promise<Result<SubmissionWithSession, OwnSubmissionRefusal>> {
  const nowIso = nowUtcIso(deps.clock);
  const saved = await savedUnlessChanged(() =>
    deps.store.replace<SubmissionDocument>(
      { ...after, revision: before.submission.revision + 1, updatedAt: nowIso },
      before.submission._etag,
    ),
  );
  if (saved.ok) return ok({ submission: saved.value, session: before.session });
  const current = (await deps.store.get<SubmissionDocument>(after.committeeId, after.id)) ?? before.submission;
  return fail({ kind: 'outdated', current: { submission: current, session: before.session } });
}
