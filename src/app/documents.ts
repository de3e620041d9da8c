import type { Committee } from '../domain/committee';
import type { Language } from '../domain/language';
import type { Person, Seat } from '../domain/roster';
import type { Document } from './ports/document-store';

/**
 * The shapes in which the domain's objects are kept in the document store. Each has a `type`
 * so queries can select it, and lives in its committee's partition.
 */
export interface CommitteeDocument extends Committee, Document {
  readonly type: 'committee';
}

/**
 * Who to open a 1:1 conversation with, when only their team membership is known. Kept here with
 * the documents that store it (a person's `contact`), so that the messenger port depends on the
 * documents and never the other way round.
 */
export interface PersonalConversationTarget {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  /** The member's Teams user id (29:…), as the member list of the team returns it. */
  readonly userId: string;
  readonly userAadObjectId?: string;
}

export interface PersonDocument extends Person, Document {
  readonly type: 'person';
  /**
   * How to open a 1:1 chat with the person when the bot has none yet: their membership in the
   * committee's team or group chat, as the member list returned it.
   */
  readonly contact?: PersonalConversationTarget;
  /**
   * When the secretariat erased the person (Art. 17 GDPR): the name is then a pseudonym, the
   * person inactive for good, and member imports leave the document alone.
   */
  readonly erasedAt?: string;
  /**
   * When retention pseudonymised the person, long after they left the team: the name is then a
   * pseudonym everywhere. Unlike an erasure, coming back to the team brings the name back.
   */
  readonly pseudonymisedAt?: string;
}

export interface SeatDocument extends Seat, Document {
  readonly type: 'seat';
}

/** Where a conversation is: 1:1 with a person, a group chat, or a channel of a team. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * Everything needed to post into a conversation later without an incoming message: the
 * Bot Framework conversation reference reduced to plain data, so the app layer stays free of
 * SDK types.
 */
export interface ConversationAddress {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversationId: string;
  readonly conversationType: ConversationKind;
  readonly tenantId: string;
  readonly botId: string;
  readonly botName?: string;
  readonly userId?: string;
  readonly userAadObjectId?: string;
  readonly userName?: string;
}

/** A conversation the bot can post into proactively. */
export interface ConversationDocument extends Document {
  readonly type: 'conversation';
  readonly kind: ConversationKind;
  /** For a 1:1 conversation: whose it is. */
  readonly aadObjectId?: string;
  /** A readable name: the channel's or group chat's title, or the team's name. */
  readonly title?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  /**
   * For a 1:1 chat, the language of its person when they last wrote: their choice („sprache“),
   * else the locale tag their Teams reported (see `personalLanguage`). Channels and group chats
   * speak their committee's language; this value, which older versions kept for them too, is
   * not read for them.
   */
  readonly locale?: string;
  /**
   * For a 1:1 chat, the language Gremium spoke in it before it knew the person's and keeps since,
   * so that the chat stays in one language (see `keepSpokenLanguage`).
   */
  readonly spokenLanguage?: Language;
  readonly address: ConversationAddress;
  readonly updatedAt: string;
}
