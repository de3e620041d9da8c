import type { TurnContext } from 'botbuilder';
import { personLocale, translator, type Locale, type Translator } from '../i18n/translator';

/**
 * The translator for the person behind this activity: the language they chose („sprache
 * englisch“, read from the store by the turn pipeline), else their Teams client's, else the
 * configured default.
 */
export function languageOf(context: TurnContext, preference: Locale | undefined, defaultLocale: Locale): Translator {
  return translator(personLocale(preference, context.activity.locale, defaultLocale));
}

/**
 * The translator for an activity whose person's choice may not be read: one from a tenant this
 * deployment does not serve, refused before anything is read. Their client's language, else the
 * default.
 */
export function clientLanguageOf(context: TurnContext, defaultLocale: Locale): Translator {
  return languageOf(context, undefined, defaultLocale);
}
