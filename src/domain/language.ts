/**
 * The languages Gremium speaks, German first, and how a person names one. Kept in the domain so
 * that a person's stored choice, the use case that saves it and the translator share one list.
 */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * What a person may type after „sprache“ or "language", in either language: each language by its
 * German and English name and by its code. People mix them ("sprache english", "language
 * deutsch"), so every word is accepted after either command word.
 */
const LANGUAGE_WORDS: Readonly<Record<string, Language>> = {
  deutsch: 'de',
  german: 'de',
  de: 'de',
  englisch: 'en',
  english: 'en',
  en: 'en',
};

/**
 * The language a typed word names ("Deutsch", "english", "EN", „englisch“), or undefined for
 * anything else, an empty text included.
 */
export function languageNamed(text: string): Language | undefined {
  const word = text
    .trim()
    .replace(/^["'„“”‚‘’»«]+|["'„“”‚‘’»«.!]+$/g, '')
    .trim()
    .toLocaleLowerCase('de-DE');
  return Object.hasOwn(LANGUAGE_WORDS, word) ? LANGUAGE_WORDS[word] : undefined;
}

/**
 * The language of a locale tag as Teams reports it ("en-US", "de_DE", "EN"), or undefined for a
 * language Gremium does not speak and for no tag at all.
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(language) ? language : undefined;
}
