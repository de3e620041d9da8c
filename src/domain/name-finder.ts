/**
 * Finding a person's name in free text, for erasure (replace every mention), access (list every
 * mention) and retention (remove the names of a finished session's people). One finder, so that
 * what erasure removes and what the export shows can never differ.
 *
 * A mention is a whole name, never part of a word: "Maier" is found in "Frau Maier sagt" and in
 * "Maiers Bericht", not in "Maierhofer" nor in the double name "Maier-Hofer" (a hyphen joined to
 * letters makes one name). Letters are Unicode letters (`\p{L}`, with combining marks and digits),
 * so umlauts and accents are letters like any other, and text and names are compared in NFC.
 */

/** What a name is made of, and what must not touch a mention on either side. */
const WORD = '[\\p{L}\\p{M}\\p{N}]';
/** Hyphen-minus, hyphen and non-breaking hyphen: what joins the parts of a double name. */
const HYPHEN = '[-\\u2010\\u2011]';
const SPACE = '[\\s\\u00a0]+';
/** Not preceded by a letter, nor by a letter and a hyphen (the second part of a double name). */
const BEFORE = `(?<!${WORD})(?<!${WORD}${HYPHEN})`;
/** Not followed by a letter, nor by a hyphen and a letter (the first part of a double name). */
const AFTER = `(?!${WORD})(?!${HYPHEN}${WORD})`;
/** German genitive ("Maiers Bericht", "Klaus' Bericht") and English possessive, taken with the name. */
const POSSESSIVE = "(?:s|['\u2019]s?)?";
/**
 * How a family name alone is written about a person: with a form of address or a title. A bare
 * family name is not searched for, because many are ordinary German nouns (Koch, Bauer, Fischer,
 * Weg) and a committee on training writes "Ausbildung zum Koch".
 */
const ADDRESS = `(?:(?:Frau|Herrn?|Fr\\.|Hrn?\\.|Dr\\.|Prof\\.|Mrs?\\.?|Ms\\.?)${SPACE})+`;
/** Academic titles in front of a name, which the name's other forms leave out. */
const TITLE = /^(?:Dr|Prof|Dipl|Mag)\.?(?:-\S+)?$/i;

/** Where a name is mentioned in a text. */
export interface NameMention {
  readonly index: number;
  readonly text: string;
}

/** A finder for one person's name, or for several people's names at once. */
export interface NameFinder {
  /** Whether the text mentions any of the names. */
  mentions(text: string): boolean;
  /** Every mention, in order. */
  find(text: string): NameMention[];
  /** The text with every mention replaced; the same string when there is none. */
  replaceIn(text: string, replacement: string): string;
}

/**
 * A finder for the names, or undefined when none is long enough to search for (under two letters,
 * it would hit initials and abbreviations). Each name is searched in the forms people write it:
 * as given, "Vorname Nachname", "Nachname, Vorname", "S. Hoffmann", "Frau Hoffmann" (see
 * `ADDRESS`), each also with umlauts and ß spelt out (Mueller, Strauss); case does not matter.
 */
export function nameFinder(names: readonly string[]): NameFinder | undefined {
  const variants = [...new Set(names.flatMap(nameVariants))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (variants.length === 0) return undefined;
  const source = `${BEFORE}(?:${variants.join('|')})${POSSESSIVE}${AFTER}`;
  const pattern = () => new RegExp(source, 'giu');
  return {
    mentions: (text) => normal(text).search(pattern()) >= 0,
    find: (text) => [...normal(text).matchAll(pattern())].map((match) => ({ index: match.index ?? 0, text: match[0] })),
    replaceIn: (text, replacement) => {
      const normalised = normal(text);
      if (normalised.search(pattern()) < 0) return text;
      return normalised.replace(pattern(), () => replacement);
    },
  };
}

/** The regular-expression alternatives of one name, each already escaped. */
function nameVariants(name: string): string[] {
  const { given, family, asWritten } = nameParts(name);
  if (letters(asWritten.join('')) < 2) return [];
  const forms: string[][] = [asWritten];
  if (family.length > 0 && given.length > 0) {
    forms.push([...given, ...family], [...family.slice(0, -1), `${family[family.length - 1]},`, ...given]);
  }
  const sources = forms.map((tokens) => tokens.map(token).join(SPACE));
  if (family.length > 0 && given.length > 0) {
    const familyName = family.map(token).join(SPACE);
    const initial = given[0]!.charAt(0);
    if (/\p{L}/u.test(initial)) sources.push(`${escape(initial)}\\.${SPACE.replace('+', '*')}${familyName}`);
    return [...new Set([...sources.map((source) => `(?:${ADDRESS})?${source}`), `${ADDRESS}${familyName}`])];
  }
  return [...new Set(sources.map((source) => `(?:${ADDRESS})?${source}`))];
}

interface NameParts {
  readonly given: string[];
  readonly family: string[];
  readonly asWritten: string[];
}

/** A name split into given and family names, with brackets and titles left out. */
function nameParts(name: string): NameParts {
  const cleaned = name
    .normalize('NFC')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .trim();
  const words = (text: string) => text.split(/[\s\u00a0]+/).filter((word) => word !== '' && !TITLE.test(word));
  const asWritten = words(cleaned);
  const comma = cleaned.indexOf(',');
  if (comma >= 0) return { family: words(cleaned.slice(0, comma)), given: words(cleaned.slice(comma + 1)), asWritten };
  // "Ursula von der Leyen": the particles before the last word belong to the family name.
  let split = asWritten.length - 1;
  while (split > 1 && PARTICLES.has(asWritten[split - 1]!)) split -= 1;
  return { given: asWritten.slice(0, split), family: asWritten.slice(split), asWritten };
}

/** Lower-case words that start a family name: von, van, de, zu and the like. */
const PARTICLES: ReadonlySet<string> = new Set([
  'von',
  'vom',
  'van',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'zu',
  'zum',
  'zur',
]);

/** One word of a name as a pattern: its hyphens match any hyphen, its umlauts also spelt out. */
function token(word: string): string {
  return word
    .split(/[-\u2010\u2011]/)
    .map((part) => {
      const spelt = spellOut(part);
      return spelt === part ? escape(part) : `(?:${escape(part)}|${escape(spelt)})`;
    })
    .join(HYPHEN);
}

const SPELT_OUT: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
};

/** The word as written without umlauts and ß (Müller → Mueller), as ASCII-only systems spell it. */
function spellOut(word: string): string {
  return word.replace(/[äöüÄÖÜßẞ]/g, (character) => SPELT_OUT[character]!);
}

function letters(text: string): number {
  return [...text.matchAll(/\p{L}/gu)].length;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function normal(text: string): string {
  return text.normalize('NFC');
}
