import { nowUtcIso } from '../../domain/clock';
import type { NotCurrentReason } from '../../domain/current-holder';
import { latestOf } from '../../domain/sessions/invitation';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { sessionById } from './find-session';
import { invitationView, type InvitationView } from './invitation-view';
import { loadInvitation } from './load-invitation';

export type OpenInvitationRefusal =
  | { readonly kind: 'noCommittee' | 'unknownSession' | 'otherPerson' | 'notInvited' }
  /** The person may no longer answer: the card says so instead of offering buttons. */
  | { readonly kind: 'notCurrent'; readonly reason: NotCurrentReason; readonly institution: string };

/**
 * The acting person's invitation card as it stands now: what a card refresh shows, so each
 * person sees their own current answer, a closed or cancelled session, or that their stand-in
 * is no longer needed. A card addressed to someone else shows nothing of theirs.
 */
export async function openInvitation(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
  addressedTo: unknown,
): Promise<Result<InvitationView, OpenInvitationRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  const personId = actor.identity.aadObjectId;
  if (addressedTo !== undefined && addressedTo !== personId) return fail({ kind: 'otherPerson' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  const loaded = await loadInvitation(deps.store, session, personId, actor.person);
  if (!loaded) return fail({ kind: 'notInvited' });
  const { invitation, answers, roster } = loaded;
  if (loaded.notCurrent)
    return fail({ kind: 'notCurrent', reason: loaded.notCurrent, institution: invitation.seat.institution });
  const nowIso = nowUtcIso(deps.clock);
  return ok(
    invitationView(
      committee,
      session,
      invitation,
      personId,
      roster,
      latestOf(answers, invitation.seat.id, personId),
      nowIso,
    ),
  );
}
