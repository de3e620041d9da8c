import { LOCALES, translator, type Locale, type Translator } from '../i18n/translator';
import type { AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { renderNoticeCard } from './notice-card';

/**
 * What the answer to „sprache …“ says: that the language was chosen, or (for no word, or one that
 * names no language Gremium speaks) which language Gremium speaks now and how to switch.
 */
export type LanguageView =
  | { readonly kind: 'chosen'; readonly language: Locale }
  | { readonly kind: 'current'; readonly language: Locale; readonly unknownWord?: string }
  /** Asked in a channel or group chat, which speaks its committee's language (or the default, without one). */
  | { readonly kind: 'shared'; readonly language: Locale; readonly committee: boolean };

/** The language that is not this one: the way back, and the second half of the bilingual card. */
function otherThan(language: Locale): Translator {
  return translator(LOCALES.find((locale) => locale !== language) ?? language);
}

/**
 * The answer to „sprache …“ / "language …". A choice is confirmed in the chosen language, with the
 * way back in the other one, so a slip of the finger is undone by reading the one line one
 * understands. Without a choice the card says the current language and how to switch in both
 * languages, the current one first: whoever cannot read it finds the other.
 */
export function renderLanguageCard(view: LanguageView): AdaptiveCardJson {
  const i18n = translator(view.language);
  const other = otherThan(view.language);
  if (view.kind === 'chosen') {
    return renderNoticeCard({
      style: 'good',
      title: i18n.t('language.chosenTitle'),
      text: i18n.t('language.chosen'),
      lines: [other.t('language.switchBack')],
    });
  }
  if (view.kind === 'shared') {
    const shared = (t: Translator) =>
      `${t.t(view.committee ? 'language.shared' : 'language.sharedNoCommittee', {
        language: t.t(`language.names.${view.language}`),
      })} ${t.t('language.sharedPersonal')}`;
    return renderNoticeCard({
      style: 'default',
      title: i18n.t('language.title'),
      text: shared(i18n),
      lines: [shared(other)],
    });
  }
  const current = (t: Translator) =>
    `${t.t('language.current', { language: t.t(`language.names.${view.language}`) })} ${t.t('language.howTo')}`;
  const unknown =
    view.unknownWord === undefined ? '' : `${i18n.t('language.unknown', { word: escapeMarkdown(view.unknownWord) })} `;
  return renderNoticeCard({
    style: view.unknownWord === undefined ? 'default' : 'attention',
    title: i18n.t('language.title'),
    text: `${unknown}${current(i18n)}`,
    lines: [current(other)],
  });
}
