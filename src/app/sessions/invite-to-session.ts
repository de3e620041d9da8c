import { nowUtcIso } from '../../domain/clock';
import { reasonsBeforeInviting } from '../../domain/confirmation/before-invitation';
import { askFirst, NO_QUESTIONS, type AskFirst, type GoAhead } from '../../domain/confirmation/go-ahead';
import { mayUse } from '../../domain/permissions';
import type { Actor } from '../identify-actor';
import { fail, ok, type Result } from '../../domain/result';
import { seatsToInvite } from '../../domain/sessions/invited-seat';
import { isBeforeInvitation, isRepeatOf, nextState, withCallAsFact } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation, personIdsOf } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import { withoutEtag, type BatchOperation, type Stored } from '../ports/document-store';
import { meetingSyncOperations } from '../meetings/meeting-sync-dispatch';
import { savedUnlessChanged } from '../saved-unless-changed';
import { nextSessionThat } from './find-session';
import { ensureOutlookAnswerJob } from '../meetings/outlook-answer-jobs';
import { draftsForInvitees } from './invitation-drafts';
import { rosterSnapshot, type RosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';

export type InviteRefusal =
  | { readonly kind: 'alreadyInvited'; readonly session: Stored<SessionDocument> }
  | WrongState
  | { readonly kind: 'noSeats' }
  /** The session changed while inviting; nothing was sent. */
  | { readonly kind: 'outdated' }
  /** A person is asked first (see `reasonsBeforeInviting`); nothing was sent. */
  | AskFirst;

/**
 * Invites every seat to the session, through its member or, when the member is deactivated,
 * its deputy (see `seatsToInvite`): the session becomes `invited`, remembers the seats as they
 * are now, and one invitation card per invitee goes into the outbox, all in one atomic
 * batch, so there is never an invited session without its invitations or the other way round.
 * Inviting again (a second click, a re-delivered activity, the scheduler after a manual invite)
 * sends nothing twice. `by` is who invited: a person's id, or `scheduler`. A person who has not
 * confirmed is asked first when the invitation would lack place, online link or Sitzungsleitung
 * (`goAhead`); what is already done or not possible is answered before any question.
 */
export async function inviteToSession(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
  goAhead: GoAhead = NO_QUESTIONS,
): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly invited: number }, InviteRefusal>> {
  const nowIso = nowUtcIso(deps.clock);
  const invitation = await invitationOperations(deps, committee, session, withoutEtag(session), by, nowIso);
  if (!invitation.ok) return invitation;
  const question = askFirst(reasonsBeforeInviting(session), { revision: session.revision }, goAhead);
  if (question) return fail(question);
  const saved = await savedUnlessChanged(() => deps.store.batch(committee.committeeId, invitation.value.operations));
  if (!saved.ok) return fail(await afterLostRace(deps, committee, session));
  await ensureOutlookAnswerJob(deps, committee.committeeId);
  return ok({ session: saved.value[0] as Stored<SessionDocument>, invited: invitation.value.invitees.length });
}

/** What inviting writes: the invited session over the version read, and one invitation per invitee. */
export interface InvitationOperations {
  /** The session's replace first, then the outbox dispatch. */
  readonly operations: readonly BatchOperation[];
  readonly invitees: readonly string[];
}

/**
 * The batch operations of an invitation, for callers that write more in the same batch (the
 * agenda's publication invites with it). `changed` is the session as the caller wants it
 * written, before the invitation's own changes (state, seats, revision). `readRoster` is the
 * committee's roster when the caller read it in this turn already (the publication does).
 */
export async function invitationOperations(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone'>,
  session: Stored<SessionDocument>,
  changed: SessionDocument,
  by: string,
  nowIso: string,
  readRoster?: RosterSnapshot,
): Promise<Result<InvitationOperations, InviteRefusal>> {
  if (isRepeatOf(session.state, 'invite')) return fail({ kind: 'alreadyInvited', session });
  const next = nextState(session.state, 'invite');
  if (!next.ok) {
    const instead = await nextSessionThat(deps.store, committee.committeeId, session, (later) =>
      isBeforeInvitation(later.state),
    );
    return fail(wrongState(session, 'invite', instead));
  }

  const roster = readRoster ?? (await rosterSnapshot(deps.store, committee.committeeId));
  const seats = seatsToInvite(roster.seats, (personId) => roster.people.get(personId)?.active === true);
  if (seats.length === 0) return fail({ kind: 'noSeats' });

  const invited: SessionDocument = {
    // A session stored with its call for topics as a state keeps the call as a fact.
    ...withCallAsFact(changed),
    state: next.value,
    invitedSeats: seats,
    invitedAt: nowIso,
    revision: changed.revision + 1,
    updatedAt: nowIso,
    updatedBy: by,
  };
  const drafts = draftsForInvitees(
    committee,
    invited,
    roster,
    [],
    nowIso,
    undefined,
    (personId) => `invite:${session.id}:${personId}`,
  );
  return ok({
    operations: [
      { op: 'replace', document: invited, ifMatch: session._etag },
      enqueueOperation(committee.committeeId, `invite:${session.id}`, drafts, nowIso, {
        kind: 'invitation',
        audience: 'members',
        sessionNumber: session.number,
      }),
      // With an organiser mailbox, everyone invited becomes an attendee of the Outlook event.
      ...meetingSyncOperations(deps, invited, nowIso),
    ],
    invitees: personIdsOf(drafts),
  });
}

/** Why an invitation batch failed on a concurrent change: someone invited first, or the session changed. */
async function afterLostRace(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'>,
  session: SessionDocument,
): Promise<InviteRefusal> {
  const now = await deps.store.get<SessionDocument>(committee.committeeId, session.id);
  return now && isRepeatOf(now.state, 'invite') ? { kind: 'alreadyInvited', session: now } : { kind: 'outdated' };
}

/** The secretariat's invitation, by command or from the session card; it asks first where it must. */
export async function inviteAsSecretariat(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
  goAhead: GoAhead,
): Promise<
  Result<
    { readonly session: Stored<SessionDocument>; readonly invited: number },
    InviteRefusal | { readonly kind: 'notAllowed' | 'noCommittee' }
  >
> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('invite', actor)) return fail({ kind: 'notAllowed' });
  return inviteToSession(deps, actor.committee, session, actor.identity.aadObjectId, goAhead);
}
