import type { LinkTarget } from '../links/link-document';
import type { OutgoingMessage } from './messenger';

/** The secret links a message or card carries, by name (`calendar`, `pdf`): what each leads to. */
export type LinkRequests = Readonly<Record<string, LinkTarget>>;

/** The links issued for one recipient, by the same names: each a path from the bot's public origin. */
export type IssuedLinks = Readonly<Record<string, string>>;

/**
 * What an outbox record says to send, before it is rendered: a message kind known to the cards
 * layer and its data (ids and message keys, no prepared text), so that each recipient gets it
 * in their own language at the moment it is sent. Links are only described (`links`): their
 * tokens are made for the recipient when the message is sent, so none is ever stored in the
 * outbox.
 */
export interface MessageSpec {
  readonly kind: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly links?: LinkRequests;
}

/** The committee a message is sent for: its card names it in the header and carries its id in every action. */
export interface MessageCommittee {
  readonly committeeId: string;
  readonly shortName: string;
}

/**
 * Turns a message spec into a card in the recipient's language (see `recipientLanguage`; a locale
 * tag, or undefined for the configured default), with the links issued for them, named as the
 * committee's it is sent for.
 */
export interface MessageRenderer {
  render(
    message: MessageSpec,
    locale: string | undefined,
    links?: IssuedLinks,
    committee?: MessageCommittee,
  ): OutgoingMessage;
}
