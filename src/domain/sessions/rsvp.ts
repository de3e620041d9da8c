import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import type { NotCurrentReason } from '../current-holder';
import type { InvitedSeat } from './invited-seat';

/** What an invited person can answer on the invitation card. */
export const RSVP_CHOICES = ['inPerson', 'online', 'declined', 'deputy', 'delegate'] as const;
export type RsvpChoice = (typeof RSVP_CHOICES)[number];

/**
 * What only an answer given in Outlook says: `accepted` is a yes whose form (in person or
 * online) Outlook does not tell, `tentative` a provisional yes. A card never offers either, so
 * `RSVP_CHOICES` refuses them from a click. An Outlook decline is a plain `declined`.
 */
export const OUTLOOK_ONLY_CHOICES = ['accepted', 'tentative'] as const;
export type AnswerChoice = RsvpChoice | (typeof OUTLOOK_ONLY_CHOICES)[number];

/** Where an answer was given: on the invitation card in Teams (absent), or in Outlook. */
export type AnswerSource = 'outlook';

/**
 * One person's answer for their seat. `deputy` sends the seat's nominated deputy; `delegate`
 * names another colleague who attends on behalf of the institution.
 */
export interface RsvpAnswer {
  readonly seatId: string;
  /** Who answered: the seat's member, or its deputy answering their own invitation. */
  readonly personId: string;
  readonly choice: AnswerChoice;
  /** For `delegate`: the colleague's name as given. */
  readonly delegateName?: string;
  /** For an answer from Outlook: when the person answered there, as Outlook says. */
  readonly answeredAt: string;
  /** Set when the answer was given in Outlook and read from the session's event. */
  readonly via?: AnswerSource;
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
  | {
      readonly kind: 'attending';
      /** `unspecified`: accepted in Outlook, which does not say whether in person or online. */
      readonly mode: 'inPerson' | 'online' | 'unspecified';
      readonly by: 'member' | 'deputy';
      readonly via?: AnswerSource;
    }
  /** Accepted provisionally in Outlook: shown on its own, not counted as represented. */
  | { readonly kind: 'tentative'; readonly by: 'member' | 'deputy'; readonly via?: AnswerSource }
  | { readonly kind: 'delegated'; readonly delegateName: string }
  /** `via`: the member's decline that called the deputy in came from Outlook. */
  | { readonly kind: 'deputyInvited'; readonly via?: AnswerSource }
  | { readonly kind: 'declined'; readonly via?: AnswerSource }
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
  const of = (personId: string) =>
    latest(answers.filter((answer) => answer.seatId === seat.id && answer.personId === personId));
  if (seat.heldByDeputy && seat.deputyId) {
    const deputy = of(seat.deputyId);
    if (!deputy) return { kind: 'noAnswer' };
    return attendsOrNot(deputy, 'deputy') ?? { kind: 'declined', ...via(deputy) };
  }
  const member = of(seat.memberId);
  if (!member) return { kind: 'noAnswer' };
  const memberAttends = attendsOrNot(member, 'member');
  if (memberAttends) return memberAttends;
  if (member.choice === 'delegate') return { kind: 'delegated', delegateName: member.delegateName ?? '' };
  const deputyInvited = deputyToInvite(seat, member);
  if (!deputyInvited) return { kind: 'declined', ...via(member) };
  const deputy = of(deputyInvited);
  const deputyAttends = deputy && attendsOrNot(deputy, 'deputy');
  if (deputyAttends) return deputyAttends;
  if (deputy?.choice === 'declined') return { kind: 'declined', ...via(deputy) };
  return { kind: 'deputyInvited', ...via(member) };
}

/** The status of a yes (firm or provisional) by `by`; undefined for any other answer. */
function attendsOrNot(answer: RsvpAnswer, by: 'member' | 'deputy'): SeatStatus | undefined {
  switch (answer.choice) {
    case 'inPerson':
    case 'online':
      return { kind: 'attending', mode: answer.choice, by, ...via(answer) };
    case 'accepted':
      return { kind: 'attending', mode: 'unspecified', by, ...via(answer) };
    case 'tentative':
      return { kind: 'tentative', by, ...via(answer) };
    default:
      return undefined;
  }
}

function via(answer: RsvpAnswer): { readonly via?: AnswerSource } {
  return answer.via ? { via: answer.via } : {};
}

/** Every seat with its status, and how many institutions will be there. */
export interface Tally {
  readonly seats: ReadonlyArray<{ readonly seat: InvitedSeat; readonly status: SeatStatus }>;
  readonly represented: number;
  /** Seats accepted only provisionally (in Outlook): not a firm yes, so not in `represented`. */
  readonly tentative: number;
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
  const tentative = statuses.filter(({ status }) => status.kind === 'tentative').length;
  return { seats: statuses, represented: represented.length, tentative };
}

function latest(answers: readonly RsvpAnswer[]): RsvpAnswer | undefined {
  return [...answers].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt)).at(-1);
}
