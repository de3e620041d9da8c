import { randomBytes } from 'node:crypto';
import { nowUtcIso } from '../../domain/clock';
import { isSafeIdPart, tenantDirectoryId } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { BatchOperation, DocumentStore, Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { CALENDAR_FEED_TYPE, calendarFeedDocumentId, type CalendarFeedDocument } from './feed-document';
import { feedCommittees, type RosterEntryRead } from './feed-holder';

/** A new subscription address as it leaves the bot: the only moment its token exists outside the holder's hands. */
export interface IssuedFeed {
  readonly token: string;
  /** The feed itself, from the bot's public origin: `/api/feed/<directory>/<token>.ics`. */
  readonly path: string;
  /** The page that offers it to calendar apps: `/api/feed/<directory>/<token>`. */
  readonly pagePath: string;
}

/** The addresses of a subscription, for an e-mail, a card or a page. */
export interface FeedLink {
  /** For Outlook on the web, Google Calendar and anything else that asks for an address. */
  readonly httpsUrl: string;
  /** Opens the subscription in Outlook, Apple Calendar and other desktop apps directly. */
  readonly webcalUrl: string;
  /** The page explaining both, for a button (Teams opens only https addresses). */
  readonly pageUrl: string;
}

/** The feed's addresses below the bot's origin. The token is the last part, so the request log can leave it out. */
export function feedPaths(directoryId: string, token: string): Pick<IssuedFeed, 'path' | 'pagePath'> {
  const pagePath = `/api/feed/${encodeURIComponent(directoryId)}/${encodeURIComponent(token)}`;
  return { path: `${pagePath}.ics`, pagePath };
}

/** The feed's full addresses from the bot's public origin (`PUBLIC_BASE_URL`, https in production). */
export function feedLinkOf(publicBaseUrl: string, issued: Pick<IssuedFeed, 'path' | 'pagePath'>): FeedLink {
  const origin = publicBaseUrl.replace(/\/+$/, '');
  const httpsUrl = `${origin}${issued.path}`;
  return {
    httpsUrl,
    webcalUrl: httpsUrl.replace(/^https?:/, 'webcal:'),
    pageUrl: `${origin}${issued.pagePath}`,
  };
}

/** The previous feeds and the new one are written together; a lost race is read again. */
const WRITE_ATTEMPTS = 3;

/**
 * Makes the person a new subscription address and deletes the one they had (which then answers
 * like an unknown address), in one batch in the tenant's directory. Nothing is issued
 * (undefined) to someone without an active roster entry in any committee of the tenant.
 *
 * A random token, stored only as its hash, for the reasons `issueLink` gives; the price is that
 * an address, once shown, cannot be shown again, only replaced.
 */
export async function issueFeed(
  deps: AppDependencies,
  tenantId: string,
  personId: string,
): Promise<IssuedFeed | undefined> {
  const { store } = deps;
  const holder = personId.toLowerCase();
  if (!isSafeIdPart(tenantId) || !isSafeIdPart(holder)) return undefined;
  const directoryId = tenantDirectoryId(tenantId);
  if ((await feedCommittees(store, directoryId, holder)).length === 0) return undefined;
  const token = randomBytes(32).toString('base64url');
  const document: CalendarFeedDocument = {
    id: calendarFeedDocumentId(token)!,
    committeeId: directoryId,
    type: CALENDAR_FEED_TYPE,
    personId: holder,
    issuedAt: nowUtcIso(deps.clock),
  };
  for (let attempt = 1; ; attempt += 1) {
    const previous = await feedsOf(store, directoryId, holder);
    const operations: BatchOperation[] = [
      ...previous.map((feed): BatchOperation => ({ op: 'delete', id: feed.id, ifMatch: feed._etag })),
      { op: 'create', document },
    ];
    try {
      await store.batch(directoryId, operations);
      return { token, ...feedPaths(directoryId, token) };
    } catch (error) {
      const lostRace = error instanceof NotFoundError || error instanceof ConcurrencyError;
      if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A new subscription address for the person, as full addresses: for the e-mail to people
 * without Teams, and anything else outside a turn. Replaces the address they had.
 */
export async function issueFeedLink(
  deps: AppDependencies,
  tenantId: string,
  personId: string,
  publicBaseUrl: string,
): Promise<FeedLink | undefined> {
  const issued = await issueFeed(deps, tenantId, personId);
  return issued && feedLinkOf(publicBaseUrl, issued);
}

/** The person's subscriptions in the tenant's directory: one, or none; more only for a moment during a race. */
export async function feedsOf(
  store: DocumentStore,
  directoryId: string,
  personId: string,
): Promise<Array<Stored<CalendarFeedDocument>>> {
  return store.query<CalendarFeedDocument>(directoryId, {
    type: CALENDAR_FEED_TYPE,
    where: [{ field: 'personId', op: '=', value: personId.toLowerCase() }],
  });
}

/** Deletes the person's subscriptions (erasure): their addresses answer like unknown ones from then on. */
export async function deleteFeedsOf(deps: AppDependencies, directoryId: string, personId: string): Promise<number> {
  let deleted = 0;
  for (const feed of await feedsOf(deps.store, directoryId, personId)) {
    try {
      await deps.store.delete(directoryId, feed.id, feed._etag);
      deleted += 1;
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof ConcurrencyError)) throw error;
    }
  }
  return deleted;
}

/** Whether the person has a subscription, and whether they may have one at all (an active roster entry). */
export interface FeedStatus {
  readonly subscribed: boolean;
  readonly available: boolean;
}

/**
 * What "my data" says about the person's subscription; the address itself cannot be shown again.
 * `read`: the person's committee and roster entry as the turn read them already, if any.
 */
export async function feedStatus(
  deps: AppDependencies,
  tenantId: string,
  personId: string,
  read?: RosterEntryRead,
): Promise<FeedStatus> {
  if (!isSafeIdPart(tenantId) || !isSafeIdPart(personId)) return { subscribed: false, available: false };
  const directoryId = tenantDirectoryId(tenantId);
  const [feeds, committees] = await Promise.all([
    feedsOf(deps.store, directoryId, personId),
    feedCommittees(deps.store, directoryId, personId.toLowerCase(), read),
  ]);
  return { subscribed: feeds.length > 0 && committees.length > 0, available: committees.length > 0 };
}
