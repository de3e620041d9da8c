import type { FeedLink, FeedStatus } from '../app/feed/issue-feed-link';
import { formatDeadline } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/my-data.json`: already translated text. */
export interface MyDataCardData {
  readonly title: string;
  readonly text: string;
  readonly expires: string;
  readonly download: { readonly title: string; readonly url: string } | null;
  readonly feed: {
    readonly heading: string;
    readonly text: string;
    /** The page of a subscription address just made, for its button; null otherwise. */
    readonly open: { readonly title: string; readonly url: string } | null;
    /** Make the first address, or a new one in place of the old; null where none can be made. */
    readonly button: CardButton | null;
  } | null;
}

/**
 * What "my data" says about the calendar subscription: whether the person has one (the address
 * itself is shown only once, when it is made), the address just made, or why none can be made.
 */
export type MyDataFeed =
  | { readonly kind: 'status'; readonly status: FeedStatus }
  | { readonly kind: 'issued'; readonly link: FeedLink }
  | { readonly kind: 'unavailable' | 'noPublicAddress' };

/**
 * The answer to "my data": a link to the file, valid until `expiresAt`, or why there is none;
 * and the person's calendar subscription, with the button that makes a new address.
 */
export function renderMyDataCard(
  link: { readonly url: string; readonly expiresAt: string } | undefined,
  timeZone: string,
  i18n: Translator,
  feed?: MyDataFeed,
): AdaptiveCardJson {
  const data: MyDataCardData = {
    title: i18n.t('privacy.myDataTitle'),
    text: i18n.t('privacy.myDataText'),
    expires: link
      ? i18n.t('privacy.myDataExpires', { date: formatDeadline(link.expiresAt, timeZone, i18n) })
      : i18n.t('privacy.myDataNoLink'),
    download: link ? { title: i18n.t('privacy.myDataDownload'), url: link.url } : null,
    feed: feed ? feedSection(feed, i18n) : null,
  };
  return expandCard('my-data', data);
}

function feedSection(feed: MyDataFeed, i18n: Translator): NonNullable<MyDataCardData['feed']> {
  const heading = i18n.t('feed.myData.heading');
  const renew = cardButton(i18n.t('feed.myData.renew'), VERBS.feedRenew);
  switch (feed.kind) {
    case 'issued':
      return {
        heading,
        text: i18n.t('feed.myData.issued', { url: feed.link.httpsUrl }),
        open: { title: i18n.t('feed.myData.open'), url: feed.link.pageUrl },
        button: renew,
      };
    case 'status':
      if (!feed.status.available) return { heading, text: i18n.t('feed.myData.unavailable'), open: null, button: null };
      return feed.status.subscribed
        ? { heading, text: i18n.t('feed.myData.active'), open: null, button: renew }
        : {
            heading,
            text: i18n.t('feed.myData.none'),
            open: null,
            button: cardButton(i18n.t('feed.myData.create'), VERBS.feedRenew, {}, 'positive'),
          };
    case 'unavailable':
    case 'noPublicAddress':
      return { heading, text: i18n.t(`feed.myData.${feed.kind}`), open: null, button: null };
  }
}

/**
 * The same file for the secretariat about a person without Teams, who cannot ask Gremium
 * themselves: named after the person, and saying to whom the link belongs.
 */
export function renderDataOfPersonCard(
  name: string,
  link: { readonly url: string; readonly expiresAt: string } | undefined,
  timeZone: string,
  i18n: Translator,
): AdaptiveCardJson {
  const shown = escapeMarkdown(name);
  const data: MyDataCardData = {
    title: i18n.t('withoutTeams.export.title', { name: shown }),
    text: i18n.t('withoutTeams.export.text', { name: shown }),
    expires: link
      ? i18n.t('withoutTeams.export.expires', { date: formatDeadline(link.expiresAt, timeZone, i18n) })
      : i18n.t('privacy.myDataNoLink'),
    download: link ? { title: i18n.t('withoutTeams.export.download'), url: link.url } : null,
    // Their calendar address reaches them by e-mail, never through someone else's card.
    feed: null,
  };
  return expandCard('my-data', data);
}
