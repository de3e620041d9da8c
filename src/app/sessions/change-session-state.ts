import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { nextState, type SessionState } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation } from '../delivery/outbox-record';
import type { Actor } from '../identify-actor';
import type { BatchOperation, Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { sessionById } from './find-session';
import { answersOf, draftsForInvitees } from './invitation-drafts';
import { rosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';
import { scheduleSessionJobs } from './session-jobs';

/** The steps the session card offers directly; inviting and holding have their own use cases. */
export type SessionCardStep = 'openTopics' | 'cancel';
export const SESSION_CARD_STEPS: readonly SessionCardStep[] = ['openTopics', 'cancel'];

export type ChangeStateRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' | 'unknownStep' }
  | { readonly kind: 'illegalState'; readonly current: SessionState; readonly session: Stored<SessionDocument> }
  | { readonly kind: 'outdated'; readonly session: Stored<SessionDocument> };

/**
 * Moves a session one step. Cancelling an invited session sends every invitee their card again,
 * now showing the cancellation (and a cancelled calendar event), in the same batch; its deadline
 * jobs are withdrawn. A step the state does not allow is refused naming the current state.
 */
export async function changeSessionState(deps: AppDependencies, actor: Actor, sessionId: unknown, revision: unknown, step: unknown): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly notified: number }, ChangeStateRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  if (!SESSION_CARD_STEPS.includes(step as SessionCardStep)) return fail({ kind: 'unknownStep' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  const next = nextState(session.state, step as SessionCardStep);
  if (!next.ok) return fail({ kind: 'illegalState', current: session.state, session });
  if (revision !== session.revision) return fail({ kind: 'outdated', session });

  const nowIso = deps.clock.now().toUTC().toISO()!;
  const { _etag: etag, ...rest } = session;
  const changed: SessionDocument = { ...rest, state: next.value, revision: session.revision + 1, updatedAt: nowIso, updatedBy: actor.identity.aadObjectId };
  const operations: BatchOperation[] = [{ op: 'replace', document: changed, ifMatch: etag }];
  let notified = 0;
  if (step === 'cancel' && session.state === 'invited') {
    const [roster, answers] = await Promise.all([rosterSnapshot(deps.store, actor.committeeId), answersOf(deps.store, actor.committeeId, session.id)]);
    const drafts = draftsForInvitees(committee, changed, roster, answers, nowIso, 'cancelled', (personId) => `cancel:${session.id}:${personId}`);
    operations.push(enqueueOperation(actor.committeeId, `cancel:${session.id}`, drafts, nowIso));
    notified = drafts.length;
  }
  try {
    const [stored] = await deps.store.batch(actor.committeeId, operations);
    await scheduleSessionJobs(deps, committee, changed);
    return ok({ session: stored as Stored<SessionDocument>, notified });
  } catch (error) {
    if (!(error instanceof ConcurrencyError || error instanceof ConflictError)) throw error;
    const current = await deps.store.get<SessionDocument>(actor.committeeId, session.id);
    return fail({ kind: 'outdated', session: current ?? session });
  }
}
