import { randomUUID } from 'node:crypto';
import { latestOf } from '../../domain/sessions/invitation';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { tally, type SeatStatus } from '../../domain/sessions/rsvp';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { answersOf } from './invitation-drafts';
import { invitationStatus, type InvitationStatus } from './invitation-view';
import { nameOf, rosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';

/** One institution's line in the secretariat's overview. */
export interface SeatLine {
  readonly seatId: string;
  readonly institution: string;
  readonly memberName: string;
  readonly deputyName?: string;
  /** The member was deactivated when the invitations went out: the deputy represents the seat. */
  readonly heldByDeputy?: true;
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
  readonly unanswered: number;
  /** Names this rendering of the card, so one click on its remind button reminds once. */
  readonly remindKey: string;
}

export type OverviewRefusal = { readonly kind: 'notAllowed' | 'noCommittee' | 'notInvited' };

/** The answers per institution, for the secretariat. */
export async function rsvpOverview(deps: AppDependencies, actor: Actor, session: Stored<SessionDocument>): Promise<Result<RsvpOverview, OverviewRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('rsvps', actor)) return fail({ kind: 'notAllowed' });
  if (!session.invitedSeats) return fail({ kind: 'notInvited' });
  const [roster, answers] = await Promise.all([rosterSnapshot(deps.store, actor.committeeId), answersOf(deps.store, actor.committeeId, session.id)]);
  const counted = tally(session.invitedSeats, answers);
  const lines = counted.seats.map(({ seat, status }): SeatLine => ({
    seatId: seat.id,
    institution: seat.institution,
    memberName: nameOf(roster, seat.memberId),
    ...(seat.deputyId ? { deputyName: nameOf(roster, seat.deputyId) } : {}),
    ...(seat.heldByDeputy ? { heldByDeputy: true as const } : {}),
    status,
    ...attendee(status, nameOf(roster, seat.memberId), seat.deputyId ? nameOf(roster, seat.deputyId) : undefined),
  }));
  const unanswered = counted.seats.filter(({ seat, status }) => status.kind === 'noAnswer' || (status.kind === 'deputyInvited' && seat.deputyId && !latestOf(answers, seat.id, seat.deputyId))).length;
  return ok({
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    status: invitationStatus(session, committee.timeZone, deps.clock.now().toUTC().toISO()!),
    lines,
    represented: counted.represented,
    unanswered,
    remindKey: randomUUID(),
  });
}

function attendee(status: SeatStatus, memberName: string, deputyName: string | undefined): { readonly attendeeName?: string } {
  if (status.kind === 'attending') return { attendeeName: status.by === 'member' ? memberName : (deputyName ?? '–') };
  if (status.kind === 'delegated') return { attendeeName: status.delegateName };
  return {};
}
