import fc from 'fast-check';

/**
 * The variations with which people type the same thing: capitals anywhere, extra or odd spaces,
 * the HTML Teams wraps around a message. Valid inputs are built from these so that the parsers'
 * accepting paths see the input they will meet, not only the one spelling of the tests by hand.
 */

/** Upper-cases the letters `pattern` picks (cyclically); letters without a one-letter capital stay. */
export function withCasing(text: string, pattern: readonly boolean[]): string {
  return [...text]
    .map((char, index) => {
      const upper = char.toLocaleUpperCase('de-DE');
      return pattern.length > 0 && pattern[index % pattern.length] && [...upper].length === 1 ? upper : char;
    })
    .join('');
}

/** A casing: all lower, all capitals, a capital first, or capitals at random. */
export const casing: fc.Arbitrary<readonly boolean[]> = fc.oneof(
  fc.constant<readonly boolean[]>([false]),
  fc.constant<readonly boolean[]>([true]),
  fc.constant<readonly boolean[]>([true, ...Array<boolean>(99).fill(false)]),
  fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
);

/** What separates two words of a command: any run of white space, as Teams or a paste gives it. */
export const wordGap: fc.Arbitrary<string> = fc.constantFrom(
  ' ',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '&nbsp;',
  ' &nbsp; ',
  '\u00a0',
  '\u2003',
);

/** White space around a whole line, also none. */
export const margin: fc.Arbitrary<string> = fc.constantFrom('', '', '', ' ', '  ', '\n', '\t', '&nbsp;', ' \r\n');

/** The HTML Teams may wrap a message in: paragraphs, bold, a div. */
export const wrapping: fc.Arbitrary<readonly [string, string]> = fc.constantFrom(
  ['', ''],
  ['', ''],
  ['<p>', '</p>'],
  ['<div>', '</div>'],
  ['<p><b>', '</b></p>'],
  ['<p>', '</p>\n'],
);

/**
 * A German or English word as titles and descriptions hold them: letters with umlauts, digits,
 * and punctuation inside, but no dash standing alone, so it never divides a topic line.
 */
export const plainWord: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Ausbildungsabbrüche',
    'Zahlen',
    'der',
    'Kammern',
    'Job-Turbo',
    'Übergang',
    'Schule-Beruf',
    'Straße',
    'Jobcenter',
    'Leipzig',
    '2027',
    '§16i',
    'SGB',
    'II',
    'Quote:',
    '(Entwurf)',
    'z.B.',
    'u.a.',
    'Größe',
    'Fragen?',
    'bitte!',
    '50%',
    'apprenticeship',
    'dropouts',
    'figures',
    "chambers'",
    '"Bürgergeld"',
    '😀',
    'ÄÖÜ',
    'İstanbul',
    'x<5',
    '3>2',
  ),
  fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9][A-Za-zÄÖÜäöüß0-9,.:;?!()/'"-]{0,15}$/),
);

/** Plain words joined by single spaces, with at least `min` words. */
export function plainWords(min: number, max: number): fc.Arbitrary<string> {
  return fc.array(plainWord, { minLength: min, maxLength: max }).map((words) => words.join(' '));
}
