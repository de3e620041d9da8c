import { isLanguage, LANGUAGES, languageOfLocale, type Language } from '../domain/language';
import de from './locales/de.json';
import en from './locales/en.json';

/**
 * The languages Gremium speaks: German first, English for people who choose it or whose Teams
 * runs in English. The domain's list, so a stored choice is always one the translator knows.
 */
export const LOCALES = LANGUAGES;
export type Locale = Language;

type Messages = typeof de;
type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, checked at compile time against the German file. */
export type MessageKey = LeafKeys<Messages>;
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, unknown>> = { de, en };

export function isLocale(value: unknown): value is Locale {
  return isLanguage(value);
}

/**
 * The language of a locale tag: English for an `en-*` Teams client, German for `de-*`, otherwise
 * the configured default. The activity's locale can be missing in some events.
 */
export function resolveLocale(activityLocale: string | undefined, defaultLocale: Locale): Locale {
  return languageOfLocale(activityLocale) ?? defaultLocale;
}

/**
 * The language Gremium speaks with a person: the one they chose („sprache englisch“), else the
 * one their Teams client reports, else the configured default. A choice wins over the client
 * because a client may report a language its person does not read (the Agents Playground
 * always reports en-US).
 */
export function personLocale(
  preference: Locale | undefined,
  activityLocale: string | undefined,
  defaultLocale: Locale,
): Locale {
  return preference ?? resolveLocale(activityLocale, defaultLocale);
}

/** Translates keys for one language; `{name}` placeholders are filled from params. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

export function translator(locale: Locale): Translator {
  return {
    locale,
    t: (key, params) => interpolate(lookup(CATALOGUES[locale], key) ?? lookup(CATALOGUES.de, key) ?? key, params),
  };
}

/** All leaf keys of a catalogue; used by the test that keeps the languages in step. */
export function catalogueKeys(locale: Locale): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (typeof value === 'string') keys.push(prefix + key);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(CATALOGUES[locale], '');
  return keys.sort();
}

function lookup(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
