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

/**
 * Translates keys for one language; `{name}` placeholders are filled from params. A count picks
 * its words by the language's plural rules (Intl.PluralRules), written in the ICU message form
 * that translators know: `{count, plural, one {# Vereinbarung} other {# Vereinbarungen}}`, where
 * `#` stands for the number and `=0 {…}` may name an exact count.
 */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
}

export function translator(locale: Locale): Translator {
  return {
    locale,
    t: (key, params) =>
      interpolate(lookup(CATALOGUES[locale], key) ?? lookup(CATALOGUES.de, key) ?? key, params, locale),
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

function interpolate(template: string, params: MessageParams | undefined, locale: Locale): string {
  if (!params) return template;
  let text = '';
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
    const close = matchingBrace(template, open);
    if (close < 0) break;
    text += template.slice(from, open) + placeholder(template.slice(open, close + 1), params, locale);
    from = close + 1;
  }
  return text + template.slice(from);
}

/** One `{…}`: a value, a plural choice, or (when its value is missing) itself unchanged. */
function placeholder(whole: string, params: MessageParams, locale: Locale): string {
  const body = whole.slice(1, -1);
  const simple = /^\s*(\w+)\s*$/.exec(body);
  if (simple) return simple[1]! in params ? String(params[simple[1]!]) : whole;
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(body);
  const value = plural ? params[plural[1]!] : undefined;
  if (!plural || value === undefined) return whole;
  // A count formatted for reading ("1,5") still picks its words; what is no number reads as "other".
  const count = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  const category = Number.isFinite(count) ? pluralRules(locale).select(count) : 'other';
  const branches = pluralBranches(body.slice(plural[0].length));
  const branch = branches.get(`=${count}`) ?? branches.get(category) ?? branches.get('other') ?? whole;
  return interpolate(branch.replace(/#/g, String(value)), params, locale);
}

/** The branches of a plural choice, `one {…} other {…}`, by their selector. */
function pluralBranches(text: string): Map<string, string> {
  const branches = new Map<string, string>();
  let at = 0;
  for (;;) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(at));
    if (!selector) return branches;
    const open = at + selector[0].length - 1;
    const close = matchingBrace(text, open);
    if (close < 0) return branches;
    branches.set(selector[1]!, text.slice(open + 1, close));
    at = close + 1;
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

const PLURAL_RULES = new Map<Locale, Intl.PluralRules>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = PLURAL_RULES.get(locale);
  if (!rules) PLURAL_RULES.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}
