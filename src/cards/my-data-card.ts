import { formatDeadline } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';

/** Data model of `adaptiveCards/my-data.json`: already translated text. */
export interface MyDataCardData {
  readonly title: string;
  readonly text: string;
  readonly expires: string;
  readonly download: { readonly title: string; readonly url: string } | null;
}

/** The answer to "my data": a link to the file, valid until `expiresAt`, or why there is none. */
export function renderMyDataCard(
  link: { readonly url: string; readonly expiresAt: string } | undefined,
  timeZone: string,
  i18n: Translator,
): AdaptiveCardJson {
  const data: MyDataCardData = {
    title: i18n.t('privacy.myDataTitle'),
    text: i18n.t('privacy.myDataText'),
    expires: link
      ? i18n.t('privacy.myDataExpires', { date: formatDeadline(link.expiresAt, timeZone, i18n) })
      : i18n.t('privacy.myDataNoLink'),
    download: link ? { title: i18n.t('privacy.myDataDownload'), url: link.url } : null,
  };
  return expandCard('my-data', data);
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
  };
  return expandCard('my-data', data);
}
