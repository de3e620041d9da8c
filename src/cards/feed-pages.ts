import type { CalendarOffer } from '../app/feed/calendar-offer';
import type { FeedLink } from '../app/feed/issue-feed-link';
import type { Translator } from '../i18n/translator';
import { sessionTitle } from './session-label';

/** Text and addresses from anywhere are plain; in HTML they must stay text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A plain, self-contained page (no script, no outside resource) in the reader's language. */
function page(i18n: Translator, title: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${i18n.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}',
    'a.button,button{display:inline-block;padding:.5rem 1rem;border:1px solid #5b5fc7;border-radius:4px;',
    'background:#5b5fc7;color:#fff;text-decoration:none;font:inherit;cursor:pointer}',
    'code{display:block;word-break:break-all;background:#f3f3f3;padding:.5rem;user-select:all}',
    'section+section{margin-top:2rem}.hint{color:#444}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

/** The subscription's addresses: a button for desktop calendars, the https address to copy for the others. */
function subscriptionSection(link: FeedLink, i18n: Translator): string[] {
  return [
    '<section>',
    `<p>${escapeHtml(i18n.t('feed.page.feedText'))}</p>`,
    `<p><a class="button" href="${escapeHtml(link.webcalUrl)}">${escapeHtml(i18n.t('feed.page.outlookButton'))}</a></p>`,
    `<p class="hint">${escapeHtml(i18n.t('feed.page.outlookHint'))}</p>`,
    `<h2>${escapeHtml(i18n.t('feed.page.copyHeading'))}</h2>`,
    `<p>${escapeHtml(i18n.t('feed.page.copyHint'))}</p>`,
    `<code>${escapeHtml(link.httpsUrl)}</code>`,
    `<p class="hint">${escapeHtml(i18n.t('feed.page.refreshHint'))}</p>`,
    '</section>',
  ];
}

/** The page behind a subscription's own address (`/api/feed/<directory>/<token>`), for a button in Teams or an e-mail. */
export function renderFeedPage(link: FeedLink, i18n: Translator): string {
  return page(i18n, i18n.t('feed.page.feedTitle'), subscriptionSection(link, i18n));
}

/** Where the "add to calendar" page's download and forms lead, from the page's own address. */
export interface CalendarOfferAddresses {
  /** The session's calendar file. */
  readonly download: string;
  readonly subscribe: string;
  readonly renew: string;
  /** The addresses just made, when the offer issued one. */
  readonly feed?: FeedLink;
}

/**
 * The page behind an invitation's "add to calendar" button: the session's own calendar file, and
 * the subscription to every session. A new address is made only by a form sent with POST, so
 * nothing that merely opens the page (a link preview, a scanner) makes or replaces one; once made,
 * the address is shown on this answer only, since only its hash is kept.
 */
export function renderCalendarOfferPage(
  offer: CalendarOffer,
  addresses: CalendarOfferAddresses,
  i18n: Translator,
): string {
  const session = sessionTitle({ number: offer.sessionNumber, extra: offer.sessionExtra }, i18n);
  const form = (action: string, label: string) =>
    `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(label)}</button></form>`;
  const subscription = addresses.feed
    ? subscriptionSection(addresses.feed, i18n)
    : !offer.available
      ? [`<p>${escapeHtml(i18n.t('feed.page.unavailable'))}</p>`]
      : offer.subscribed
        ? [
            `<p>${escapeHtml(i18n.t('feed.page.subscribedText'))}</p>`,
            form(addresses.renew, i18n.t('feed.page.renewButton')),
          ]
        : [
            `<p>${escapeHtml(i18n.t('feed.page.subscribeText'))}</p>`,
            form(addresses.subscribe, i18n.t('feed.page.subscribeButton')),
          ];
  return page(i18n, i18n.t('feed.page.title'), [
    '<section>',
    `<h2>${escapeHtml(i18n.t('feed.page.sessionHeading'))}: ${escapeHtml(session)}</h2>`,
    `<p>${escapeHtml(i18n.t('feed.page.sessionText'))}</p>`,
    `<p><a class="button" href="${escapeHtml(addresses.download)}">${escapeHtml(i18n.t('feed.page.sessionDownload'))}</a></p>`,
    '</section>',
    '<section>',
    `<h2>${escapeHtml(i18n.t('feed.page.subscribeHeading'))}</h2>`,
    ...subscription,
    '</section>',
  ]);
}
