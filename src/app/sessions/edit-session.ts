import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, type Result } from '../../domain/result';
import { parseSessionEdit, type SessionEditInput, type SessionEditProblem } from '../../domain/sessions/session-edit';
import { allowsStep } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { sessionById } from './find-session';
import type { SessionDocument } from './session-document';
import { saveSessionChange } from './save-session-change';

export type EditSessionRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' }
  | { readonly kind: 'outdated'; readonly session: Stored<SessionDocument> }
  | WrongState
  | {
      readonly kind: 'invalid';
      readonly problems: readonly SessionEditProblem[];
      readonly session: Stored<SessionDocument>;
    };

/**
 * Changes a session's date, time, place, online link or chair. Once invitations are out, every
 * invitee gets their card again, marked as changed, with the new details and calendar event,
 * in the same batch as the change; the deadline jobs follow the new date.
 */
export async function editSession(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
  revision: unknown,
  input: SessionEditInput,
): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly notified: number }, EditSessionRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  if (!allowsStep(session.state, 'reschedule')) return fail(wrongState(session));
  if (revision !== session.revision) return fail({ kind: 'outdated', session });
  const parsed = parseSessionEdit(input, session, committee.timeZone);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, session });

  const nowIso = nowUtcIso(deps.clock);
  const { _etag: _stale, place: _place, onlineLink: _link, chair: _chair, ...rest } = session;
  const edited: SessionDocument = {
    ...rest,
    ...parsed.value,
    revision: session.revision + 1,
    updatedAt: nowIso,
    updatedBy: actor.identity.aadObjectId,
  };
  return saveSessionChange(
    deps,
    committee,
    session,
    edited,
    changedForInvitees(session, edited)
      ? { dispatchId: `update:${session.id}:r${edited.revision}`, banner: 'rescheduled' }
      : undefined,
  );
}

function changedForInvitees(before: SessionDocument, after: SessionDocument): boolean {
  return (
    before.startsAt !== after.startsAt ||
    before.endsAt !== after.endsAt ||
    before.place !== after.place ||
    before.onlineLink !== after.onlineLink ||
    before.chair !== after.chair
  );
}
