import { firstInviteeOf, type InvitedSeat } from './invited-seat';
import { deputyToInvite, type RsvpAnswer } from './rsvp';

export type { InvitedSeat } from './invited-seat';

/** Why a person has an invitation: as the seat's member, or as its deputy standing in. */
export interface Invitation {
  readonly seat: InvitedSeat;
  readonly as: 'member' | 'deputy';
}

/**
 * Whether and as what the person is invited: every seat's first invitee is (its member, or its
 * deputy when the member was deactivated); a deputy also once the member has declined or sent
 * them (the deputy rule). Anyone else is not, whatever a card says.
 */
export function invitationOf(
  seats: readonly InvitedSeat[],
  answers: readonly RsvpAnswer[],
  personId: string,
): Invitation | undefined {
  const first = seats.find((seat) => firstInviteeOf(seat).personId === personId);
  if (first) return { seat: first, as: firstInviteeOf(first).as };
  const asDeputy = seats.find(
    (seat) =>
      seat.deputyId === personId && deputyToInvite(seat, latestOf(answers, seat.id, seat.memberId)) === personId,
  );
  return asDeputy ? { seat: asDeputy, as: 'deputy' } : undefined;
}

/** Everybody holding an invitation now: every seat's first invitee, and the deputies the rule has called in. */
export function invitees(
  seats: readonly InvitedSeat[],
  answers: readonly RsvpAnswer[],
): Array<{ readonly personId: string } & Invitation> {
  return seats.flatMap((seat) => {
    const first = firstInviteeOf(seat);
    const deputy = seat.heldByDeputy ? undefined : deputyToInvite(seat, latestOf(answers, seat.id, seat.memberId));
    return [{ ...first, seat }, ...(deputy ? [{ personId: deputy, seat, as: 'deputy' as const }] : [])];
  });
}

/** The person's latest answer for the seat, if any. */
export function latestOf(answers: readonly RsvpAnswer[], seatId: string, personId: string): RsvpAnswer | undefined {
  return answers
    .filter((answer) => answer.seatId === seatId && answer.personId === personId)
    .reduce<RsvpAnswer | undefined>(
      (latest, answer) => (!latest || answer.answeredAt >= latest.answeredAt ? answer : latest),
      undefined,
    );
}
