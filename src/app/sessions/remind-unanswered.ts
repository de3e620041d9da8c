import { nowUtcIso } from '../../domain/clock';
import { awaitsAnswer } from '../../domain/sessions/seat-standing';
import { answersOpen } from '../../domain/sessions/rsvp';
import { invitationsAreOut } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { readOutlookAnswers } from '../meetings/read-outlook-answers';
import { answersOf, draftsForInvitees } from './invitation-drafts';
import { rosterSnapshot, standingIn } from './roster-snapshot';
import type { SessionDocument } from './session-document';

export type RemindRefusal = WrongState | { readonly kind: 'answersClosed' | 'alreadySent' };

/**
 * Sends the invitation card again, marked as a reminder, to everyone invited who has not
 * answered and still can (see `awaitsAnswer`); nobody who answered is reminded, in Teams or in
 * Outlook (the event's answers are read first when Graph is configured), nor anyone
 * erased, deactivated or taken off the seat since the invitation. `requestKey` makes one request
 * one reminder: the scheduler passes its due time, a button its card's key, so a repeat sends
 * nothing twice.
 */
export async function remindUnanswered(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  requestKey: string,
): Promise<Result<{ readonly reminded: number }, RemindRefusal>> {
  if (!invitationsAreOut(session.state)) return fail(wrongState(session, 'invitation'));
  const nowIso = nowUtcIso(deps.clock);
  if (!answersOpen(nowIso, session.startsAt, committee.timeZone)) return fail({ kind: 'answersClosed' });
  // Whoever answered in Outlook since the last read is not reminded; when Graph fails, it reminds as before.
  await readOutlookAnswers(deps, committee, session);
  const [roster, answers] = await Promise.all([
    rosterSnapshot(deps.store, committee.committeeId),
    answersOf(deps.store, committee.committeeId, session.id),
  ]);
  const dispatchId = `remind:${session.id}:${requestKey}`;
  const keyOf = (personId: string) => `${dispatchId}:${personId}`;
  const awaited = (invitee: Parameters<typeof awaitsAnswer>[0]) =>
    awaitsAnswer(invitee, answers, standingIn(roster, invitee.seat));
  const drafts = draftsForInvitees(committee, session, roster, answers, nowIso, 'reminder', keyOf, awaited);
  if (drafts.length === 0) return ok({ reminded: 0 });
  try {
    await deps.store.batch(committee.committeeId, [
      enqueueOperation(committee.committeeId, dispatchId, drafts, nowIso, {
        kind: 'rsvpReminder',
        audience: 'invitees',
        sessionNumber: session.number,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConflictError) return fail({ kind: 'alreadySent' });
    throw error;
  }
  return ok({ reminded: drafts.length });
}
