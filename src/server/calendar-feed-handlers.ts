import type { AppDependencies } from '../app/dependencies';
import { calendarOffer } from '../app/feed/calendar-offer';
import { feedLinkOf, feedPaths } from '../app/feed/issue-feed-link';
import { personFeed } from '../app/feed/person-feed';
import type { CalendarWriter } from '../app/ports/calendar';
import { calendarFeed } from '../cards/calendar-feed';
import { renderCalendarOfferPage, renderFeedPage } from '../cards/feed-pages';
import type { Locale } from '../i18n/translator';
import { translator } from '../i18n/translator';
import type { HttpServerOptions } from './http-server';

/** What the feed's routes need from the server's wiring. */
export interface CalendarFeedWiring {
  readonly deps: AppDependencies;
  readonly publicBaseUrl: string;
  readonly defaultLocale: Locale;
  readonly calendarWriter: CalendarWriter;
}

/**
 * The handlers of a person's subscribed calendar and of the invitation's "add to calendar" page,
 * each speaking the language of the person its token belongs to.
 */
export function calendarFeedHandlers(
  wiring: CalendarFeedWiring,
): Required<Pick<HttpServerOptions, 'calendarOfferPage' | 'calendarFeed' | 'feedPage'>> {
  const { deps, publicBaseUrl, defaultLocale, calendarWriter } = wiring;
  return {
    calendarOfferPage: async (committeeId, sessionId, token, step) => {
      const offer = await calendarOffer(deps, committeeId, sessionId, token, step);
      if (!offer) return undefined;
      const own = `/api/calendar/${encodeURIComponent(committeeId)}/${encodeURIComponent(sessionId)}/${encodeURIComponent(token)}`;
      const origin = publicBaseUrl.replace(/\/+$/, '');
      return renderCalendarOfferPage(
        offer,
        {
          download: `${origin}${own}.ics`,
          subscribe: `${origin}${own}/subscribe`,
          renew: `${origin}${own}/renew`,
          ...(offer.issued ? { feed: feedLinkOf(publicBaseUrl, offer.issued) } : {}),
        },
        translator(offer.language ?? defaultLocale),
      );
    },
    calendarFeed: async (directoryId, token) => {
      const feed = await personFeed(deps, directoryId, token);
      if (!feed) return undefined;
      const calendar = calendarFeed(feed, translator(feed.language ?? defaultLocale));
      const lastModified = feed.sessions.reduce<string | undefined>(
        (latest, session) => (!latest || session.modifiedAt > latest ? session.modifiedAt : latest),
        undefined,
      );
      return {
        content: calendarWriter.writeFeed(calendar.name, calendar.events),
        ...(lastModified ? { lastModified } : {}),
      };
    },
    feedPage: async (directoryId, token) => {
      const feed = await personFeed(deps, directoryId, token);
      if (!feed) return undefined;
      const link = feedLinkOf(publicBaseUrl, feedPaths(directoryId, token));
      return renderFeedPage(link, translator(feed.language ?? defaultLocale));
    },
  };
}
