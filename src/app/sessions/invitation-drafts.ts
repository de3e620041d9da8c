import { invitees, latestOf, type Invitation } from '../../domain/sessions/invitation';
import { canAnswer } from '../../domain/sessions/seat-standing';
import type { RsvpAnswer } from '../../domain/sessions/rsvp';
import { personRecipient, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { invitationLinks, invitationView, type InvitationBanner, type InvitationView } from './invitation-view';
import { nameOf, standingIn, type RosterSnapshot } from './roster-snapshot';
import type { RsvpDocument } from './rsvp-document';
import type { SessionDocument } from './session-document';

/** The outbox message kind of an invitation card; the cards layer renders it. */
export const INVITATION_MESSAGE_KIND = 'invitation';

/** Everyone's answers for the session, one document per person. */
export async function answersOf(
  store: DocumentStore,
  committeeId: string,
  sessionId: string,
): Promise<Array<Stored<RsvpDocument>>> {
  return store.query<RsvpDocument>(committeeId, {
    type: 'rsvp',
    where: [{ field: 'sessionId', op: '=', value: sessionId }],
  });
}

/** One person's invitation card as an outbox draft, to their 1:1 chat. */
export function invitationDraft(
  key: string,
  personId: string,
  roster: RosterSnapshot,
  view: InvitationView,
): OutboxDraft {
  const person = roster.people.get(personId);
  return {
    key,
    recipient: personRecipient({
      aadObjectId: personId,
      ...(person?.contact ? { contact: person.contact } : {}),
      ...(person?.withoutTeams ? { withoutTeams: true } : {}),
    }),
    recipientLabel: `${nameOf(roster, personId)} (${view.institution})`,
    message: { kind: INVITATION_MESSAGE_KIND, data: { ...view }, links: invitationLinks(view) },
  };
}

/**
 * The invitation card for everyone invited now (members, and deputies the rule has called in),
 * or only for those `include` picks, each carrying `banner`. `keyOf` names each message, so
 * that a repeated action sends nobody a second copy. Nobody who can no longer answer (erased,
 * deactivated or off the seat, judged by `roster`) gets the card: its buttons would only refuse
 * them, and the session's news are no longer theirs.
 */
export function draftsForInvitees(
  committee: Pick<CommitteeDocument, 'name' | 'timeZone' | 'committeeId'>,
  session: SessionDocument,
  roster: RosterSnapshot,
  answers: readonly RsvpAnswer[],
  nowIso: string,
  banner: InvitationBanner | undefined,
  keyOf: (personId: string) => string,
  include: (invitee: { readonly personId: string } & Invitation) => boolean = () => true,
): OutboxDraft[] {
  return invitees(session.invitedSeats ?? [], answers)
    .filter((invitee) => canAnswer(invitee, standingIn(roster, invitee.seat)))
    .filter(include)
    .map((invitee) =>
      invitationDraft(
        keyOf(invitee.personId),
        invitee.personId,
        roster,
        invitationView(
          committee,
          session,
          invitee,
          invitee.personId,
          roster,
          latestOf(answers, invitee.seat.id, invitee.personId),
          nowIso,
          banner,
        ),
      ),
    );
}
