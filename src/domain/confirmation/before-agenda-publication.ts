import { DateTime } from 'luxon';
import type { LeadTimes } from '../committee';
import { sessionDeadlines } from '../scheduling/session-deadlines';
import type { ConfirmReason } from './confirm-reason';
import { reasonsBeforeInviting, type SessionDetails } from './before-invitation';

/** What publishing an agenda asks about: the session, its agenda's length and the committee's deadlines. */
export interface AgendaPublicationFacts {
  readonly startsAt: string;
  readonly endsAt: string;
  /** The minutes the agenda's items take together. */
  readonly agendaMinutes: number;
  readonly leadTimes: LeadTimes;
  readonly timeZone: string;
  /**
   * The session's details when this publication also sends the invitations (nobody is invited
   * yet): what inviting asks about is asked here too. Undefined when the invitations are out.
   */
  readonly inviting?: SessionDetails;
}

/** How long a session lasts, in whole minutes between its start and end instants. */
export function sessionMinutes(startsAt: string, endsAt: string): number {
  const start = DateTime.fromISO(startsAt, { zone: 'utc' });
  const end = DateTime.fromISO(endsAt, { zone: 'utc' });
  if (!start.isValid || !end.isValid) throw new Error(`Invalid session span: ${startsAt}, ${endsAt}`);
  return Math.round(end.diff(start, 'minutes').minutes);
}

/**
 * What to ask before a person publishes an agenda at `nowIso`, in this order:
 * - its items take longer than the session (exactly the session's length is fine);
 * - topics may still be submitted: the topic deadline (the end of its day) has not passed, so a
 *   topic sent now would miss the agenda everyone already has;
 * - the agenda lead time has passed, so it goes out late;
 * - when the publication invites too, the details the invitations would lack.
 * The scheduler publishes at the lead time without asking.
 */
export function reasonsBeforePublishingAgenda(facts: AgendaPublicationFacts, nowIso: string): ConfirmReason[] {
  const deadlines = sessionDeadlines(facts.startsAt, facts.leadTimes, facts.timeZone);
  const dueOf = (kind: 'topicDeadline' | 'agendaDispatch') =>
    deadlines.find((deadline) => deadline.kind === kind)!.dueAt;
  const now = Date.parse(nowIso);
  const overMinutes = facts.agendaMinutes - sessionMinutes(facts.startsAt, facts.endsAt);
  const topicDeadline = dueOf('topicDeadline');
  const dueAt = dueOf('agendaDispatch');
  return [
    ...(overMinutes > 0
      ? [{ kind: 'agendaOverLength' as const, overMinutes, startsAt: facts.startsAt, endsAt: facts.endsAt }]
      : []),
    ...(now < Date.parse(topicDeadline) ? [{ kind: 'topicsStillOpen' as const, topicDeadline }] : []),
    ...(now > Date.parse(dueAt) ? [{ kind: 'agendaLate' as const, dueAt }] : []),
    ...(facts.inviting ? reasonsBeforeInviting(facts.inviting) : []),
  ];
}
