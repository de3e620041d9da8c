import { createHash } from 'node:crypto';
import type { Document } from '../ports/document-store';

/** The document type of a person's calendar subscription. */
export const CALENDAR_FEED_TYPE = 'calendarFeed';

/**
 * A person's calendar subscription: the address their calendar app polls for every session of
 * every committee they belong to. Kept in the tenant's directory (one person, many committees),
 * by the SHA-256 hash of its secret token only, as the id, like a link (see `LinkDocument`):
 * whoever reads the store, a backup or the data export cannot subscribe, and the feed's address
 * is one point read. One per person: making a new address deletes the old one, which then
 * answers like an unknown one; erasing the person deletes it too.
 *
 * Unlike a link it has no expiry: a subscription is meant to keep working for years. It works
 * only while its holder has an active roster entry in a committee, checked on every request.
 */
export interface CalendarFeedDocument extends Document {
  readonly type: typeof CALENDAR_FEED_TYPE;
  /** The holder's Entra object id (or the id Gremium made for a person without Teams), lower case. */
  readonly personId: string;
  readonly issuedAt: string;
}

/** Tokens are 43 URL-safe characters (256 random bits); anything else is never looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The id of the feed document a token leads to, or undefined for what cannot be a token. */
export function calendarFeedDocumentId(token: string): string | undefined {
  if (!TOKEN.test(token)) return undefined;
  return `feed-${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}
