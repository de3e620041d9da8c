import type { CommitteeDocument } from '../documents';
import type { PublishedAgenda } from '../agenda/agenda-document';
import type { Invitation } from '../../domain/sessions/invitation';
import { answersOpen, rsvpDeadline, type RsvpAnswer } from '../../domain/sessions/rsvp';
import { invitationsAreOut, isCancelled } from '../../domain/sessions/session-state';
import { nameOf, type RosterSnapshot } from './roster-snapshot';
import type { LinkRequests } from '../ports/message-renderer';
import type { SessionDocument } from './session-document';

/** Where the invitation stands for its reader. */
export type InvitationStatus = 'open' | 'closed' | 'cancelled' | 'over' | 'notInvited';

/** Why the card is sent or shown again, shown as a line above it. */
export type InvitationBanner =
  | 'reminder'
  | 'rescheduled'
  | 'cancelled'
  | 'saved'
  | 'outdated'
  | 'deputyInvited'
  | 'closed'
  | 'notInvited'
  | 'agendaPublished'
  | 'agendaChanged';

/**
 * Everything one person's invitation card shows, as plain data. The outbox stores it as the
 * message (rendered in the reader's language when sent); a click or a refresh rebuilds it from
 * the store, so the card always shows the person's current answer and the session's state.
 */
export interface InvitationView {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly revision: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string;
  readonly onlineLink?: string;
  readonly chair?: string;
  /** The agenda as last published; absent until the first version. */
  readonly agenda?: PublishedAgenda;
  readonly personId: string;
  readonly as: 'member' | 'deputy';
  readonly institution: string;
  /** For a deputy: the member they stand in for. */
  readonly representing?: string;
  /** For a deputy invited in place of a deactivated member: they represent the institution itself. */
  readonly holdsSeat?: true;
  /** For a member: the seat's nominated deputy, who can be sent. */
  readonly deputyName?: string;
  readonly status: InvitationStatus;
  readonly deadline: string;
  readonly answer?: Pick<RsvpAnswer, 'choice' | 'delegateName' | 'answeredAt' | 'via'>;
  readonly banner?: InvitationBanner;
}

/** The card's data for a person holding (or having held) an invitation to the session. */
export function invitationView(
  committee: Pick<CommitteeDocument, 'name' | 'timeZone' | 'committeeId'>,
  session: SessionDocument,
  invitation: Invitation,
  personId: string,
  roster: RosterSnapshot,
  answer: RsvpAnswer | undefined,
  nowIso: string,
  banner?: InvitationBanner,
): InvitationView {
  const { seat } = invitation;
  return {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    revision: session.revision,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ...(session.place ? { place: session.place } : {}),
    ...(session.onlineLink ? { onlineLink: session.onlineLink } : {}),
    ...(session.chair ? { chair: session.chair } : {}),
    ...(session.agenda ? { agenda: session.agenda } : {}),
    personId,
    as: invitation.as,
    institution: seat.institution,
    ...(invitation.as === 'deputy' && seat.heldByDeputy ? { holdsSeat: true as const } : {}),
    ...(invitation.as === 'deputy' && !seat.heldByDeputy ? { representing: nameOf(roster, seat.memberId) } : {}),
    ...(invitation.as === 'member' && seat.deputyId ? { deputyName: nameOf(roster, seat.deputyId) } : {}),
    status: invitationStatus(session, committee.timeZone, nowIso),
    deadline: rsvpDeadline(session.startsAt, committee.timeZone),
    ...(answer
      ? {
          answer: {
            choice: answer.choice,
            answeredAt: answer.answeredAt,
            ...(answer.delegateName ? { delegateName: answer.delegateName } : {}),
            ...(answer.via ? { via: answer.via } : {}),
          },
        }
      : {}),
    ...(banner ? { banner } : {}),
  };
}

/**
 * The invitation's link: its reader's own calendar link to the session, which follows every
 * move; none once the session is over, when the card offers none.
 */
export function invitationLinks(view: Pick<InvitationView, 'sessionId' | 'status'>): LinkRequests {
  return view.status === 'over' ? {} : { calendar: { kind: 'calendar', sessionId: view.sessionId } };
}

/** Cancelled, over (held or started), closed after the deadline, or open for answers. */
export function invitationStatus(
  session: Pick<SessionDocument, 'state' | 'startsAt'>,
  timeZone: string,
  nowIso: string,
): Exclude<InvitationStatus, 'notInvited'> {
  if (isCancelled(session.state)) return 'cancelled';
  if (!invitationsAreOut(session.state) || nowIso >= session.startsAt) return 'over';
  return answersOpen(nowIso, session.startsAt, timeZone) ? 'open' : 'closed';
}
