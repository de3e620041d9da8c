import { randomUUID } from 'node:crypto';
import { nowUtcIso } from '../../domain/clock';
import type { NotCurrentReason } from '../../domain/current-holder';
import { invitees } from '../../domain/sessions/invitation';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { tally, type SeatStatus } from '../../domain/sessions/rsvp';
import { awaitsAnswer, seatStatusNow } from '../../domain/sessions/seat-standing';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { answersOf } from './invitation-drafts';
import { invitationStatus, type InvitationStatus } from './invitation-view';
import { nameOf, rosterSnapshot, standingIn } from './roster-snapshot';
import type { SessionDocument } from './session-document';

/** One institution's line in the secretariat's overview; `status.via` says an answer came from Outlook. */
export interface SeatLine {
  readonly seatId: string;
  readonly institution: string;
  readonly memberName: string;
  readonly deputyName?: string;
  /** The member was deactivated when the invitations went out: the deputy represents the seat. */
  readonly heldByDeputy?: true;
  /** Set when the invited member can no longer answer or attend for the seat, and why. */
  readonly memberNotCurrent?: NotCurrentReason;
  /** Set when the seat's deputy can no longer answer or attend for the seat, and why. */
  readonly deputyNotCurrent?: NotCurrentReason;
  /** As it stands now: an answer that can no longer come is not shown as awaited. */
  readonly status: SeatStatus;
  /** Who will attend, when someone will: the member, the deputy or the named colleague. */
  readonly attendeeName?: string;
}

/** What `zusagen` shows: every invited seat's answer and how many institutions will be there. */
export interface RsvpOverview {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly status: Exclude<InvitationStatus, 'notInvited'>;
  readonly lines: readonly SeatLine[];
  readonly represented: number;
  /** Seats accepted only provisionally (in Outlook), shown apart from `represented`. */
  readonly tentative: number;
  /** The people a reminder would go to now: invited, without an answer, and still able to give one. */
  readonly unanswered: number;
  /** Names this rendering of the card, so one click on its remind button reminds once. */
  readonly remindKey: string;
}

export type OverviewRefusal = { readonly kind: 'notAllowed' | 'noCommittee' | 'notInvited' };

/**
 * The answers per institution, for the secretariat, as they stand now: the invited seats are read
 * against the roster as it is, so a member or deputy who was erased, deactivated or taken off the
 * seat since is shown as such, never as invited and awaited.
 */
export async function rsvpOverview(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
): Promise<Result<RsvpOverview, OverviewRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('rsvps', actor)) return fail({ kind: 'notAllowed' });
  if (!session.invitedSeats) return fail({ kind: 'notInvited' });
  const [roster, answers] = await Promise.all([
    rosterSnapshot(deps.store, actor.committeeId),
    answersOf(deps.store, actor.committeeId, session.id),
  ]);
  const standingOf = (seat: Parameters<typeof standingIn>[1]) => standingIn(roster, seat);
  const counted = tally(session.invitedSeats, answers, (seat) => seatStatusNow(seat, answers, standingOf(seat)));
  const lines = counted.seats.map(({ seat, status }): SeatLine => {
    const standing = standingOf(seat);
    const deputyName = seat.deputyId ? nameOf(roster, seat.deputyId) : undefined;
    // A member whose deputy holds the seat was not invited: nothing to say about their standing.
    const memberNotCurrent = seat.heldByDeputy ? undefined : standing.member;
    return {
      seatId: seat.id,
      institution: seat.institution,
      memberName: nameOf(roster, seat.memberId),
      ...(deputyName ? { deputyName } : {}),
      ...(seat.heldByDeputy ? { heldByDeputy: true as const } : {}),
      ...(memberNotCurrent ? { memberNotCurrent } : {}),
      ...(standing.deputy ? { deputyNotCurrent: standing.deputy } : {}),
      status,
      ...attendee(status, nameOf(roster, seat.memberId), deputyName),
    };
  });
  const unanswered = invitees(session.invitedSeats, answers).filter((invitee) =>
    awaitsAnswer(invitee, answers, standingOf(invitee.seat)),
  ).length;
  return ok({
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    status: invitationStatus(session, committee.timeZone, nowUtcIso(deps.clock)),
    lines,
    represented: counted.represented,
    tentative: counted.tentative,
    unanswered,
    remindKey: randomUUID(),
  });
}

function attendee(
  status: SeatStatus,
  memberName: string,
  deputyName: string | undefined,
): { readonly attendeeName?: string } {
  if (status.kind === 'attending' || status.kind === 'tentative')
    return { attendeeName: status.by === 'member' ? memberName : (deputyName ?? '–') };
  if (status.kind === 'delegated') return { attendeeName: status.delegateName };
  return {};
}
