import { invitationOf, latestOf } from '../../domain/sessions/invitation';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { sessionById } from './find-session';
import { answersOf } from './invitation-drafts';
import { invitationView, type InvitationView } from './invitation-view';
import { rosterSnapshot } from './roster-snapshot';

export type OpenInvitationRefusal = { readonly kind: 'noCommittee' | 'unknownSession' | 'otherPerson' | 'notInvited' };

/**
 * The acting person's invitation card as it stands now: what a card refresh shows, so each
 * person sees their own current answer, a closed or cancelled session, or that their stand-in
 * is no longer needed. A card addressed to someone else shows nothing of theirs.
 */
export async function openInvitation(deps: AppDependencies, actor: Actor, sessionId: unknown, addressedTo: unknown): Promise<Result<InvitationView, OpenInvitationRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  const personId = actor.identity.aadObjectId;
  if (addressedTo !== undefined && addressedTo !== personId) return fail({ kind: 'otherPerson' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  const [roster, answers] = await Promise.all([rosterSnapshot(deps.store, actor.committeeId), answersOf(deps.store, actor.committeeId, session.id)]);
  const invitation = invitationOf(session.invitedSeats ?? [], answers, personId);
  if (!invitation) return fail({ kind: 'notInvited' });
  const nowIso = deps.clock.now().toUTC().toISO()!;
  return ok(invitationView(committee, session, invitation, personId, roster, latestOf(answers, invitation.seat.id, personId), nowIso));
}
