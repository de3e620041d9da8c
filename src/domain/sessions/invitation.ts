import type { Seat } from '../roster';
import { deputyToInvite, type RsvpAnswer } from './rsvp';

/**
 * The seats as they were when the invitation went out. Invitations go to the people who held
 * the seats then, so a later roster change does not silently re-address a sent invitation.
 */
export type InvitedSeat = Seat;

/** Why a person has an invitation: as the seat's member, or as its deputy standing in. */
export interface Invitation {
  readonly seat: InvitedSeat;
  readonly as: 'member' | 'deputy';
}

/**
 * Whether and as what the person is invited: every member of an invited seat is; a deputy is
 * once the member has declined or sent them (the deputy rule). Anyone else is not, whatever a
 * card says.
 */
export function invitationOf(seats: readonly InvitedSeat[], answers: readonly RsvpAnswer[], personId: string): Invitation | undefined {
  const asMember = seats.find((seat) => seat.memberId === personId);
  if (asMember) return { seat: asMember, as: 'member' };
  const asDeputy = seats.find((seat) => seat.deputyId === personId && deputyToInvite(seat, latestOf(answers, seat.id, seat.memberId)) === personId);
  return asDeputy ? { seat: asDeputy, as: 'deputy' } : undefined;
}

/** Everybody holding an invitation now: all members, and the deputies the rule has called in. */
export function invitees(seats: readonly InvitedSeat[], answers: readonly RsvpAnswer[]): Array<{ readonly personId: string } & Invitation> {
  return seats.flatMap((seat) => {
    const deputy = deputyToInvite(seat, latestOf(answers, seat.id, seat.memberId));
    return [{ personId: seat.memberId, seat, as: 'member' as const }, ...(deputy ? [{ personId: deputy, seat, as: 'deputy' as const }] : [])];
  });
}

/** The person's latest answer for the seat, if any. */
export function latestOf(answers: readonly RsvpAnswer[], seatId: string, personId: string): RsvpAnswer | undefined {
  return answers
    .filter((answer) => answer.seatId === seatId && answer.personId === personId)
    .reduce<RsvpAnswer | undefined>((latest, answer) => (!latest || answer.answeredAt >= latest.answeredAt ? answer : latest), undefined);
}
