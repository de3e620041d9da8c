import de from './locales/de.json';
import en from './locales/en.json';

/** The languages Gremium speaks: German first, English for users whose Teams runs in English. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Messages = typeof de;
type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, checked at compile time against the German file. */
export type MessageKey = LeafKeys<Messages>;
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Locale, unknown>> = { de, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language for a person: English for an `en-*` Teams client, German for `de-*`, otherwise
 * the configured default. The activity's locale can be missing in some events.
 */
export function resolveLocale(activityLocale: string | undefined, defaultLocale: Locale): Locale {
  const language = activityLocale?.toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : defaultLocale;
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
