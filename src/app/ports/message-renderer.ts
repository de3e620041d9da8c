import type { OutgoingMessage } from './messenger';

/**
 * What an outbox record says to send, before it is rendered: a message kind known to the cards
 * layer and its data (ids and message keys, no prepared text), so that each recipient gets it
 * in their own language at the moment it is sent.
 */
export interface MessageSpec {
  readonly kind: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Turns a message spec into a card in the recipient's language. */
export interface MessageRenderer {
  render(message: MessageSpec, locale: string | undefined): OutgoingMessage;
}
