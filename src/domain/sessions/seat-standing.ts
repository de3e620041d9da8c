import { whyNotCurrent, type NotCurrentReason, type PersonStanding } from '../current-holder';
import type { Seat } from '../roster';
import { latestOf, type Invitation, type InvitedSeat } from './invitation';
import { seatStatus, type RsvpAnswer, type SeatStatus } from './rsvp';

/**
 * Who of an invited seat can no longer answer, and why; a role left out can. An invitation keeps
 * the seat as it was when it went out, so the people it names may since have been erased,
 * deactivated or taken off the seat: they are neither reminded nor waited for.
 */
export interface SeatStanding {
  readonly member?: NotCurrentReason;
  readonly deputy?: NotCurrentReason;
}

/**
 * The standing of the invited seat's member and deputy now: each checked with `whyNotCurrent`
 * against the person as stored (`personOf`) and the seat as stored (`seatNow`, undefined once
 * the seat was removed), the same rule that refuses their answers.
 */
export function seatStanding(
  invited: InvitedSeat,
  seatNow: Seat | undefined,
  personOf: (personId: string) => PersonStanding | undefined,
): SeatStanding {
  const member = whyNotCurrent(personOf(invited.memberId), invited.memberId, [seatNow]);
  const deputy = invited.deputyId ? whyNotCurrent(personOf(invited.deputyId), invited.deputyId, [seatNow]) : undefined;
  return { ...(member ? { member } : {}), ...(deputy ? { deputy } : {}) };
}

/** Whether the invitee can still answer: they hold the seat, in the role they were invited in. */
export function canAnswer(invitee: Invitation, standing: SeatStanding): boolean {
  return standing[invitee.as] === undefined;
}

/**
 * Whether the session still waits for this invitee's answer: they have given none, and they can
 * give one. The reminder goes to exactly these people, and the secretariat's overview counts them.
 */
export function awaitsAnswer(
  invitee: { readonly personId: string } & Invitation,
  answers: readonly RsvpAnswer[],
  standing: SeatStanding,
): boolean {
  return canAnswer(invitee, standing) && !latestOf(answers, invitee.seat.id, invitee.personId);
}

/**
 * The seat's status as it stands now: as `seatStatus`, except that a seat waiting for an answer
 * from someone who can no longer give one says so instead of "no answer" or "deputy invited".
 * A seat its deputy holds in the deactivated member's place waits for the deputy alone; the
 * member, who was not invited, is not asked after. Answers already given stay as given.
 */
export function seatStatusNow(seat: InvitedSeat, answers: readonly RsvpAnswer[], standing: SeatStanding): SeatStatus {
  const status = seatStatus(seat, answers);
  if (seat.heldByDeputy) {
    if (status.kind === 'noAnswer' && standing.deputy) {
      return { kind: 'cannotAnswer', who: 'deputy', reason: standing.deputy };
    }
    return status;
  }
  if (status.kind === 'noAnswer' && standing.member) {
    return { kind: 'cannotAnswer', who: 'member', reason: standing.member };
  }
  if (status.kind === 'deputyInvited' && standing.deputy) {
    return { kind: 'cannotAnswer', who: 'deputy', reason: standing.deputy };
  }
  return status;
}
