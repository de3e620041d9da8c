import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import type { NotCurrentReason } from '../current-holder';
import type { InvitedSeat } from './invited-seat';

/** What an invited person can answer. */
export const RSVP_CHOICES = ['inPerson', 'online', 'declined', 'deputy', 'delegate'] as const;
export type RsvpChoice = (typeof RSVP_CHOICES)[number];

/**
 * One person's answer for their seat. `deputy` sends the seat's nominated deputy; `delegate`
 * names another colleague who attends on behalf of the institution.
 */
export interface RsvpAnswer {
  readonly seatId: string;
  /** Who answered: the seat's member, or its deputy answering their own invitation. */
  readonly personId: string;
  readonly choice: RsvpChoice;
  /** For `delegate`: the colleague's name as given. */
  readonly delegateName?: string;
  readonly answeredAt: string;
}

/** Answers close at noon on the day before the session, in the committee's time zone. */
export function rsvpDeadline(sessionStartsAt: string, timeZone: string): string {
  return toUtcIso(
    DateTime.fromISO(sessionStartsAt, { zone: 'utc' })
      .setZone(timeZone)
      .minus({ days: 1 })
      .set({ hour: 12, minute: 0, second: 0, millisecond: 0 }),
  );
}

export function answersOpen(nowIso: string, sessionStartsAt: string, timeZone: string): boolean {
  return nowIso < rsvpDeadline(sessionStartsAt, timeZone);
}

/**
 * The deputy rule: when the member declines and the seat has a nominated deputy, the deputy is
 * invited in the member's place. A member sending the deputy invites them as well. A seat whose
 * deputy holds the invitation from the start (`heldByDeputy`) has no one to call in.
 */
export function deputyToInvite(seat: InvitedSeat, memberAnswer: RsvpAnswer | undefined): string | undefined {
  if (seat.heldByDeputy || !seat.deputyId || !memberAnswer || memberAnswer.personId !== seat.memberId) return undefined;
  return memberAnswer.choice === 'declined' || memberAnswer.choice === 'deputy' ? seat.deputyId : undefined;
}

/** How a seat will be represented at the session. */
export type SeatStatus =
  | { readonly kind: 'attending'; readonly mode: 'inPerson' | 'online'; readonly by: 'member' | 'deputy' }
  | { readonly kind: 'delegated'; readonly delegateName: string }
  | { readonly kind: 'deputyInvited' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'noAnswer' }
  /**
   * The answer the seat waits for cannot come: the member who has not answered, or the deputy
   * the member handed over to or who holds the seat in the deactivated member's place, was
   * erased, deactivated or taken off the seat since the invitation (see `seatStatusNow`).
   */
  | { readonly kind: 'cannotAnswer'; readonly who: 'member' | 'deputy'; readonly reason: NotCurrentReason };

/**
 * The seat's status from the member's and the deputy's latest answers. A deputy's own answer
 * counts only once the member has handed over (declined or sent the deputy), or from the start
 * when the deputy holds the seat's invitation.
 */
export function seatStatus(seat: InvitedSeat, answers: readonly RsvpAnswer[]): SeatStatus {
  if (seat.heldByDeputy && seat.deputyId) {
    const deputy = latest(answers.filter((answer) => answer.seatId === seat.id && answer.personId === seat.deputyId));
    if (!deputy) return { kind: 'noAnswer' };
    const attends = deputy.choice === 'inPerson' || deputy.choice === 'online';
    return attends ? { kind: 'attending', mode: deputy.choice, by: 'deputy' } : { kind: 'declined' };
  }
  const member = latest(answers.filter((answer) => answer.seatId === seat.id && answer.personId === seat.memberId));
  if (!member) return { kind: 'noAnswer' };
  if (member.choice === 'inPerson' || member.choice === 'online')
    return { kind: 'attending', mode: member.choice, by: 'member' };
  if (member.choice === 'delegate') return { kind: 'delegated', delegateName: member.delegateName ?? '' };
  const deputyInvited = deputyToInvite(seat, member);
  if (!deputyInvited) return { kind: 'declined' };
  const deputy = latest(answers.filter((answer) => answer.seatId === seat.id && answer.personId === deputyInvited));
  if (deputy && (deputy.choice === 'inPerson' || deputy.choice === 'online'))
    return { kind: 'attending', mode: deputy.choice, by: 'deputy' };
  if (deputy?.choice === 'declined') return { kind: 'declined' };
  return { kind: 'deputyInvited' };
}

/** Every seat with its status, and how many institutions will be there. */
export interface Tally {
  readonly seats: ReadonlyArray<{ readonly seat: InvitedSeat; readonly status: SeatStatus }>;
  readonly represented: number;
}

/**
 * The secretariat's overview: every seat's status and how many institutions will be there.
 * `statusOf` reads one seat's status; the overview passes `seatStatusNow` to see the seats as
 * they stand now.
 */
export function tally(
  seats: readonly InvitedSeat[],
  answers: readonly RsvpAnswer[],
  statusOf: (seat: InvitedSeat, answers: readonly RsvpAnswer[]) => SeatStatus = seatStatus,
): Tally {
  const statuses = seats.map((seat) => ({ seat, status: statusOf(seat, answers) }));
  const represented = statuses.filter(({ status }) => status.kind === 'attending' || status.kind === 'delegated');
  return { seats: statuses, represented: represented.length };
}

function latest(answers: readonly RsvpAnswer[]): RsvpAnswer | undefined {
  return [...answers].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt)).at(-1);
}
