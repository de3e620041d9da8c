import type { TurnContext } from 'botbuilder';
import { resolveLocale, translator, type Locale, type Translator } from '../i18n/translator';

/** The translator for the person behind this activity. */
export function languageOf(context: TurnContext, defaultLocale: Locale): Translator {
  return translator(resolveLocale(context.activity.locale, defaultLocale));
}
