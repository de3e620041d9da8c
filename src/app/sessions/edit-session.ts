import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { parseSessionEdit, type SessionEditInput, type SessionEditProblem } from '../../domain/sessions/session-edit';
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

export type EditSessionRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' }
  | { readonly kind: 'outdated'; readonly session: Stored<SessionDocument> }
  | { readonly kind: 'illegalState'; readonly current: SessionState }
  | { readonly kind: 'invalid'; readonly problems: readonly SessionEditProblem[]; readonly session: Stored<SessionDocument> };

/**
 * Changes a session's date, time, place, online link or chair. Once invitations are out, every
 * invitee gets their card again, marked as changed, with the new details and calendar event,
 * in the same batch as the change; the deadline jobs follow the new date.
 */
export async function editSession(deps: AppDependencies, actor: Actor, sessionId: unknown, revision: unknown, input: SessionEditInput): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly notified: number }, EditSessionRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  if (!nextState(session.state, 'reschedule').ok) return fail({ kind: 'illegalState', current: session.state });
  if (revision !== session.revision) return fail({ kind: 'outdated', session });
  const parsed = parseSessionEdit(input, session, committee.timeZone);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, session });

  const nowIso = deps.clock.now().toUTC().toISO()!;
  const { _etag: etag, place: _place, onlineLink: _link, chair: _chair, ...rest } = session;
  const edited: SessionDocument = { ...rest, ...parsed.value, revision: session.revision + 1, updatedAt: nowIso, updatedBy: actor.identity.aadObjectId };
  const operations: BatchOperation[] = [{ op: 'replace', document: edited, ifMatch: etag }];
  let notified = 0;
  if (edited.state === 'invited' && changedForInvitees(session, edited)) {
    const [roster, answers] = await Promise.all([rosterSnapshot(deps.store, actor.committeeId), answersOf(deps.store, actor.committeeId, session.id)]);
    const dispatchId = `update:${session.id}:r${edited.revision}`;
    const drafts = draftsForInvitees(committee, edited, roster, answers, nowIso, 'rescheduled', (personId) => `${dispatchId}:${personId}`);
    operations.push(enqueueOperation(actor.committeeId, dispatchId, drafts, nowIso));
    notified = drafts.length;
  }
  try {
    const [stored] = await deps.store.batch(actor.committeeId, operations);
    await scheduleSessionJobs(deps, committee, edited);
    return ok({ session: stored as Stored<SessionDocument>, notified });
  } catch (error) {
    if (!(error instanceof ConcurrencyError || error instanceof ConflictError)) throw error;
    const current = await deps.store.get<SessionDocument>(actor.committeeId, session.id);
    return fail({ kind: 'outdated', session: current ?? session });
  }
}

function changedForInvitees(before: SessionDocument, after: SessionDocument): boolean {
  return before.startsAt !== after.startsAt || before.endsAt !== after.endsAt || before.place !== after.place || before.onlineLink !== after.onlineLink || before.chair !== after.chair;
}
