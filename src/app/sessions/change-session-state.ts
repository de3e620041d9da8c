import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, type Result } from '../../domain/result';
import { nextState } from '../../domain/sessions/session-state';
import { checkText, type TextProblemCode } from '../../domain/text-input';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { sessionById } from './find-session';
import type { SessionDocument } from './session-document';
import { saveSessionChange } from './save-session-change';

/**
 * The steps the session card offers directly; inviting and holding have their own use cases,
 * and opening topics comes with the call for topics. Any other step from a card is refused.
 */
export type SessionCardStep = 'cancel';
export const SESSION_CARD_STEPS: readonly SessionCardStep[] = ['cancel'];

export type ChangeStateRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' | 'unknownStep' }
  | WrongState
  | { readonly kind: 'outdated'; readonly session: Stored<SessionDocument> }
  /** The reason is too long, or holds control characters or markup: nothing changed. */
  | { readonly kind: 'invalidReason'; readonly max: number; readonly code: TextProblemCode };

/**
 * Moves a session one step. Cancelling an invited session sends every invitee their card again,
 * now showing the cancellation (and a cancelled calendar event), in the same batch; its deadline
 * jobs are withdrawn. A step the state does not allow is refused naming the current state.
 * The secretariat's reason for a cancellation (optional) is kept on the session; the Outlook
 * event's cancellation carries it to the attendees.
 */
export async function changeSessionState(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
  revision: unknown,
  step: unknown,
  reasonInput?: unknown,
): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly notified: number }, ChangeStateRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  if (!SESSION_CARD_STEPS.includes(step as SessionCardStep)) return fail({ kind: 'unknownStep' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  const next = nextState(session.state, step as SessionCardStep);
  if (!next.ok) return fail(wrongState(session));
  if (revision !== session.revision) return fail({ kind: 'outdated', session });
  const problems: Array<{ code: TextProblemCode; max: number }> = [];
  const reason = checkText('cancellationReason', reasonInput === '' ? undefined : reasonInput, (code, max) =>
    problems.push({ code, max }),
  );
  if (problems[0]) return fail({ kind: 'invalidReason', ...problems[0] });

  const nowIso = nowUtcIso(deps.clock);
  const { _etag: _stale, ...rest } = session;
  const changed: SessionDocument = {
    ...rest,
    state: next.value,
    ...(reason ? { cancellationReason: reason } : {}),
    revision: session.revision + 1,
    updatedAt: nowIso,
    updatedBy: actor.identity.aadObjectId,
  };
  return saveSessionChange(deps, committee, session, changed, {
    dispatchId: `cancel:${session.id}`,
    banner: 'cancelled',
  });
}
