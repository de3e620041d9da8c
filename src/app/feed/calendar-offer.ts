import { directoryOfPartition, isSafeIdPart, tenantOfPartition } from '../../domain/ids';
import type { Language } from '../../domain/language';
import type { AppDependencies } from '../dependencies';
import { openLink } from '../links/open-link';
import { recipientLanguage } from '../preferences/recipient-language';
import type { SessionDocument } from '../sessions/session-document';
import { feedsOf, issueFeed, type IssuedFeed } from './issue-feed-link';

/** What the "add to calendar" page may do: show itself, make the first address, or replace the address. */
export type CalendarOfferStep = 'show' | 'subscribe' | 'renew';

/**
 * What the page behind an invitation's "add to calendar" button offers its holder: the session's
 * own calendar file (as before), and the subscription to all their sessions, with a new address
 * when they asked for one.
 */
export interface CalendarOffer {
  readonly sessionNumber: string;
  readonly sessionExtra: boolean;
  readonly language?: Language;
  /** Whether the holder has an address already (shown only once, so the page cannot show it again). */
  readonly subscribed: boolean;
  /** The address just made, on `subscribe` without an address yet, and on `renew`. */
  readonly issued?: IssuedFeed;
  /** Whether the holder may have an address at all (an active roster entry). */
  readonly available: boolean;
}

/**
 * The "add to calendar" page of a session's calendar link (see `invitationLinks`): the link's
 * token says who the holder is, so no sign-in is needed, and every link that does not work
 * answers undefined alike, as the calendar file does. `subscribe` makes an address only when the
 * holder has none, so sending the form twice (a reload) does not silently replace the address
 * their calendar already uses; only `renew` does that, which the page offers with its
 * consequence spelt out.
 */
export async function calendarOffer(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  token: string,
  step: CalendarOfferStep,
): Promise<CalendarOffer | undefined> {
  if (!isSafeIdPart(committeeId) || !isSafeIdPart(sessionId)) return undefined;
  const link = await openLink(deps, committeeId, token, ['calendar']);
  if (!link || link.sessionId !== sessionId || link.recipientKind !== 'person') return undefined;
  const directoryId = directoryOfPartition(committeeId);
  const tenantId = tenantOfPartition(committeeId);
  if (!directoryId || tenantId === undefined) return undefined;
  const [session, language, feeds] = await Promise.all([
    deps.store.get<SessionDocument>(committeeId, sessionId),
    recipientLanguage(deps.store, committeeId, { kind: 'person', id: link.recipientId }),
    feedsOf(deps.store, directoryId, link.recipientId),
  ]);
  if (session?.type !== 'session') return undefined;
  const issue = step === 'renew' || (step === 'subscribe' && feeds.length === 0);
  const issued = issue ? await issueFeed(deps, tenantId, link.recipientId) : undefined;
  return {
    sessionNumber: session.number,
    sessionExtra: session.extra === true,
    ...(language ? { language: language.language } : {}),
    subscribed: feeds.length > 0 || issued !== undefined,
    ...(issued ? { issued } : {}),
    available: !issue || issued !== undefined,
  };
}
