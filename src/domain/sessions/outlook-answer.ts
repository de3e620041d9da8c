import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import type { AnswerChoice, RsvpAnswer } from './rsvp';

/** An attendee's answer as the session's Outlook event holds it. */
export interface OutlookReply {
  /** Outlook's response: `accepted`, `tentativelyAccepted`, `declined`, or one that says nothing. */
  readonly response: string;
  /** When the attendee answered, where Outlook says (ISO); Graph's `0001-01-01…` means it does not. */
  readonly respondedAt?: string;
}

/** Outlook's answers that say something, and the answer each becomes. */
const CHOICE_OF: Readonly<Record<string, AnswerChoice>> = {
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

/**
 * The answer to store for an Outlook reply, or undefined when the stored answer stays as it is.
 *
 * - An Outlook reply that says nothing (`none`, `notResponded`, the organiser) never changes anything.
 * - The later answer counts, wherever it was given: a Teams answer stands against an Outlook reply
 *   given before it or at the same instant; an Outlook reply given after it replaces it.
 * - Reading the same reply again changes nothing; a changed reply in Outlook replaces the earlier one.
 * - A reply without a time counts as older than any Teams answer; it is stored with the time it
 *   was read.
 * - Outlook replies close with the answers, at the answer deadline, as clicks on the card do.
 */
export function answerFromOutlook(
  reply: OutlookReply,
  who: { readonly seatId: string; readonly personId: string },
  stored: RsvpAnswer | undefined,
  nowIso: string,
  deadline: string,
): RsvpAnswer | undefined {
  const choice = CHOICE_OF[reply.response];
  if (!choice) return undefined;
  const at = replyTime(reply.respondedAt);
  if ((at ?? nowIso) >= deadline) return undefined;
  const answer: RsvpAnswer = { ...who, choice, answeredAt: at ?? nowIso, via: 'outlook' };
  if (!stored) return answer;
  if (stored.via === 'outlook') {
    if (at === undefined) return stored.choice === choice ? undefined : answer;
    return at > stored.answeredAt || (at === stored.answeredAt && stored.choice !== choice) ? answer : undefined;
  }
  return at !== undefined && at > stored.answeredAt ? answer : undefined;
}

/** The reply's time as Gremium compares instants; undefined when Outlook gives none or a placeholder. */
function replyTime(respondedAt: string | undefined): string | undefined {
  if (!respondedAt) return undefined;
  const time = DateTime.fromISO(respondedAt, { zone: 'utc' });
  return time.isValid && time.year >= 1971 ? toUtcIso(time) : undefined;
}
