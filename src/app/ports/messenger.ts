import type { ConversationAddress, PersonalConversationTarget } from '../documents';

/** Kept with the stored shapes (a person's document holds one), offered here with the port that uses it. */
export type { PersonalConversationTarget };

/** A message as it leaves the bot: a rendered card and/or text. */
export interface OutgoingMessage {
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
}

/**
 * Why a request to a remote service (the Bot Framework connector, Microsoft Graph) did not do
 * what it should. Failures are values, not exceptions, so that the delivery rules (retry, give
 * up, wait for Retry-After) live in one place, the domain, for both.
 */
export interface RemoteFailure {
  readonly ok: false;
  /** HTTP status of the service's answer; null when no answer came (network error, timeout). */
  readonly status: number | null;
  /** The service's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /** A short, log-safe description (no tokens, no message content, no addresses). */
  readonly detail: string;
  /** The service's error code where it sent one (`ConversationBlockedByUser`, `ErrorItemNotFound`); log-safe. */
  readonly code?: string;
}

/** What one attempt to reach Teams came to. */
export type DeliveryAttempt = { readonly ok: true; readonly activityId: string } | RemoteFailure;

/**
 * A team or group chat whose member list the bot may read: where Gremium is installed. For a team
 * the conversation id is the team's id (its General channel's), for a group chat the chat's.
 */
export interface MemberListAddress {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  readonly conversationId: string;
}

/** The bot's outgoing side: proactive sends through the Bot Framework connector. */
export interface Messenger {
  /** Posts the message into the conversation; one HTTP request, no retries of its own. */
  send(address: ConversationAddress, message: OutgoingMessage): Promise<DeliveryAttempt>;
  /**
   * Creates (or, as Teams does for 1:1 chats, returns the existing) personal conversation with
   * a member. The address is what `send` needs afterwards.
   */
  openPersonalConversation(
    target: PersonalConversationTarget,
  ): Promise<{ readonly ok: true; readonly address: ConversationAddress } | Extract<DeliveryAttempt, { ok: false }>>;
  /**
   * Every member of the team or group chat, page by page, with their Teams user id: what
   * `openPersonalConversation` needs to reach one of them. One request per page of up to 500.
   */
  listMembers(
    where: MemberListAddress,
  ): Promise<
    { readonly ok: true; readonly members: readonly ConversationMember[] } | Extract<DeliveryAttempt, { ok: false }>
  >;
}

/** A member of a team or group chat, as its member list names them. */
export interface ConversationMember {
  /** The Teams user id (29:…). */
  readonly userId: string;
  readonly aadObjectId: string;
  /** The work address the member list gives (e-mail, else user principal name), where it gives one. */
  readonly email?: string;
}
