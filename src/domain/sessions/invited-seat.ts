import type { Seat } from '../roster';

/**
 * A seat as it was when the invitations went out. Invitations go to the people who held the
 * seats then, so a later roster change does not silently re-address a sent invitation.
 */
export interface InvitedSeat extends Seat {
  /**
   * The member was deactivated when the invitations went out, so the seat's invitation went to
   * its deputy: the deputy represents the institution from the start, without waiting for the
   * member to hand over. The member gets no invitation.
   */
  readonly heldByDeputy?: true;
}

/**
 * The seats to invite and whom each invites first: a seat with an active member invites the
 * member (and keeps its deputy for the deputy rule only if the deputy is active); a seat whose
 * member is deactivated invites its active deputy in the member's place; a seat with nobody
 * active is left out.
 */
export function seatsToInvite(seats: readonly Seat[], isActive: (personId: string) => boolean): InvitedSeat[] {
  return seats.flatMap((seat): InvitedSeat[] => {
    const deputyId = seat.deputyId && isActive(seat.deputyId) ? seat.deputyId : undefined;
    const base = { id: seat.id, institution: seat.institution, memberId: seat.memberId };
    if (isActive(seat.memberId)) return [{ ...base, ...(deputyId ? { deputyId } : {}) }];
    return deputyId ? [{ ...base, deputyId, heldByDeputy: true }] : [];
  });
}

/** Who holds the seat's invitation from the start, and as what. */
export function firstInviteeOf(seat: InvitedSeat): { readonly personId: string; readonly as: 'member' | 'deputy' } {
  return seat.heldByDeputy && seat.deputyId
    ? { personId: seat.deputyId, as: 'deputy' }
    : { personId: seat.memberId, as: 'member' };
}
