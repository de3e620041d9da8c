import type { Seat } from './roster';

/** Why a person may no longer answer for a seat: erased, deactivated, or no longer its member or deputy. */
export type NotCurrentReason = 'erased' | 'inactive' | 'seatNotHeld';

/** What the rule reads of the person as stored now. */
export interface PersonStanding {
  readonly active: boolean;
  /** Set once the secretariat erased the person; such a person is never current again. */
  readonly erasedAt?: string;
}

/**
 * Whether a person may still answer for a seat now. Invitations and circulated minutes keep the
 * ids of the people they went to, so those lists alone would let someone who was erased,
 * deactivated or replaced on the seat still reply for an institution, and a member's reply can
 * invite the deputy. Only a person who is on the roster, active and still the member or deputy of
 * one of `seats` (the seats the answer would be for, as stored now; a removed seat is absent)
 * answers. Undefined when they may, else why not, so the card can say what to do.
 */
export function whyNotCurrent(
  person: PersonStanding | undefined,
  personId: string,
  seats: ReadonlyArray<Seat | undefined>,
): NotCurrentReason | undefined {
  if (person?.erasedAt) return 'erased';
  if (!person?.active) return 'inactive';
  return seats.some((seat) => seat !== undefined && (seat.memberId === personId || seat.deputyId === personId))
    ? undefined
    : 'seatNotHeld';
}
