/**
 * Why a message did not arrive, as a person can act on it. The outbox keeps what Teams answered
 * (reason, status, the step that failed, the connector's code); the secretariat needs to know
 * what happened in words and what to do, and each kind here has exactly one such text:
 *
 * - `notInTeam`: Gremium had no chat with the person and did not find them in the committee's
 *   team or group chat, where it could have started one: they open Gremium once, or join the team.
 * - `noTeam`: the same, and Gremium knows no team or group chat of the committee it is in at all:
 *   they open Gremium once, or Gremium is added to the committee's team.
 * - `notAllowed`: Teams did not let Gremium start a chat with the person (403 when opening it).
 * - `blocked`: the person blocked or removed Gremium (403 on sending, or the connector says so).
 * - `gone`: the chat or channel no longer exists (404 on sending).
 * - `unavailable`: Teams did not answer or was busy on every attempt: sending later may work.
 * - `rejected`: Teams refused this message for another reason.
 */
export type FailureKind = 'notInTeam' | 'noTeam' | 'notAllowed' | 'blocked' | 'gone' | 'unavailable' | 'rejected';

/** What the outbox keeps about a failure, as far as its kind depends on it. */
export interface FailureFacts {
  readonly reason: 'permanent' | 'attemptsExhausted' | 'noConversation';
  readonly status: number | null;
  readonly step?: 'lookUp' | 'open' | 'send';
  readonly code?: string;
  readonly lookedInHome?: boolean;
}

/** Connector codes that say the person blocked or removed Gremium, whatever the step. */
const BLOCKED_CODES: ReadonlySet<string> = new Set([
  'ConversationBlockedByUser',
  'BotDisabledByUser',
  'MessageWritesBlocked',
]);
/** Connector codes that say the organisation does not let Gremium write to the person. */
const NOT_ALLOWED_CODES: ReadonlySet<string> = new Set(['BotDisabledByAdmin']);

export function failureKindOf(facts: FailureFacts): FailureKind {
  if (facts.reason === 'noConversation') return facts.lookedInHome === false ? 'noTeam' : 'notInTeam';
  if (facts.reason === 'attemptsExhausted') return 'unavailable';
  if (facts.code && BLOCKED_CODES.has(facts.code)) return 'blocked';
  if (facts.code && NOT_ALLOWED_CODES.has(facts.code)) return 'notAllowed';
  const opening = facts.step === 'open' || facts.step === 'lookUp';
  if (facts.status === 403) return opening ? 'notAllowed' : 'blocked';
  if (facts.status === 404) return opening ? 'notInTeam' : 'gone';
  return 'rejected';
}
