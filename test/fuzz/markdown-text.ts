import fc from 'fast-check';
import { chatText } from './hostile-text';
import { plainWord } from './text-noise';

/** Markdown that would restyle a card or add a link: emphasis, links, headings, lists, quotes, tables, code. */
const MARKDOWN_PIECES = [
  '**fett**',
  '__fett__',
  '_kursiv_',
  '*kursiv*',
  '~~weg~~',
  '`code`',
  '```',
  '[x](https://evil.example)',
  '![bild](https://evil.example/b.png)',
  '<https://evil.example>',
  '# Titel',
  '## Punkt',
  '> Zitat',
  '| a | b |',
  '\\',
  '\\*',
  '{x}',
  '#',
  '|',
  '~',
  '!',
  '()',
  '[]',
  '<b>',
  '\n- Punkt',
  '\n+ Punkt',
  '\n  - eingerückt',
  '\n1. Punkt',
  '\n 12. Punkt',
  '\n# Titel',
  '\n',
];

/** Text that is mostly markdown: the pieces above among plain words, perhaps starting with a list marker. */
const markdownText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '', '- ', '+ ', '1. ', '  - ', '# '),
    fc.array(fc.oneof(fc.constantFrom(...MARKDOWN_PIECES), plainWord), { minLength: 1, maxLength: 20 }),
  )
  .map(([start, pieces]) => `${start}${pieces.join(' ')}`);

/** Text with nothing markdown would read: letters first, then letters, digits, spaces and harmless punctuation. */
const plainText: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß0-9 ,.:;?"'-]{0,80}$/);

/** Markdown, plain text and hostile text, so that escaping and passing through are both common. */
export const textToShow: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: markdownText },
  { weight: 2, arbitrary: plainText },
  { weight: 3, arbitrary: chatText },
);
