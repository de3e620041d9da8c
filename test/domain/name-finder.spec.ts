import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nameFinder } from '../../src/domain/name-finder';

const ERASED = 'ehemalige Person';

function replaced(name: string, text: string): string {
  const finder = nameFinder([name]);
  assert.ok(finder, name);
  return finder.replaceIn(text, ERASED);
}

describe('domain/name-finder', () => {
  it('replaces whole names only: "Maier" leaves "Maierhofer", "Obermaier" and the double name "Maier-Hofer" alone', () => {
    assert.equal(
      replaced('Maier', 'Maier, Maierhofer, Obermaier, Maier-Hofer und Hofer-Maier; Maier.'),
      `${ERASED}, Maierhofer, Obermaier, Maier-Hofer und Hofer-Maier; ${ERASED}.`,
    );
    assert.equal(
      replaced('Anna Maier', 'Frau Maier und Herr Maierhofer sowie Anna Maierhofer'),
      `${ERASED} und Herr Maierhofer sowie Anna Maierhofer`,
    );
  });

  it('finds the forms people write: full name, reversed, initial, with a form of address or title, possessive', () => {
    const text = [
      'Sabine Hoffmann berichtet.',
      'Hoffmann, Sabine (Jobcenter)',
      'S. Hoffmann stimmt zu.',
      'Frau Hoffmann fragt, Fr. Dr. Hoffmann antwortet.',
      'Herr Hoffmann? Nein.',
      'Sabine Hoffmanns Bericht, Sabine Hoffmann’s report',
      'SABINE HOFFMANN in Großbuchstaben, sabine  hoffmann mit zwei Leerzeichen, Sabine\u00a0Hoffmann',
    ].join('\n');
    const out = replaced('Sabine Hoffmann', text);
    assert.doesNotMatch(out, /Hoffmann/i, out);
    assert.equal(out.split(ERASED).length - 1, 11, out);
    assert.match(
      out,
      /^ehemalige Person fragt, ehemalige Person antwortet\.$/m,
      'the form of address goes with the name',
    );
  });

  it('keeps the particles of a family name with it', () => {
    assert.equal(
      replaced('Ursula von der Leyen', 'Frau von der Leyen und von der Leyen, Ursula'),
      `${ERASED} und ${ERASED}`,
    );
    assert.equal(
      replaced('Ursula von der Leyen', 'Frau Leyen'),
      'Frau Leyen',
      'not the family name without its particles',
    );
  });

  it('does not take a bare family name, which may be an ordinary word, nor a first name alone', () => {
    assert.equal(
      replaced('Tim Koch', 'Ausbildung zum Koch; Tim kommt später.'),
      'Ausbildung zum Koch; Tim kommt später.',
    );
    assert.equal(replaced('Tim Koch', 'Herr Koch lernt Koch.'), `${ERASED} lernt Koch.`);
  });

  it('handles umlauts, ß, composed and decomposed letters, and names spelt without umlauts', () => {
    assert.equal(
      replaced(
        'Jürgen Müller-Lüdenscheidt',
        'Jürgen Müller-Lüdenscheidt, Frau Mueller-Luedenscheidt, Herr Müller‑Lüdenscheidt',
      ),
      `${ERASED}, ${ERASED}, ${ERASED}`,
    );
    assert.equal(
      replaced('Jürgen Müller-Lüdenscheidt', 'Frau Müller und Herr Lüdenscheidt'),
      'Frau Müller und Herr Lüdenscheidt',
      'a part of a double name is someone else',
    );
    assert.equal(
      replaced('Jörg Weiß', 'Jörg Weiss und Herr Weiß; weißer Text'),
      `${ERASED} und ${ERASED}; weißer Text`,
    );
    const decomposed = 'Jo\u0308rg Weiß';
    assert.equal(replaced('Jörg Weiß', `${decomposed} kommt`), `${ERASED} kommt`);
    assert.equal(replaced(decomposed, 'Jörg Weiß kommt'), `${ERASED} kommt`);
    assert.equal(replaced('Özlem Çelik', 'Özlem Çelik und Özlem Çeliktaş'), `${ERASED} und Özlem Çeliktaş`);
  });

  it('leaves a text without the name as it was, character for character', () => {
    const text = 'Jo\u0308rg kommt';
    assert.equal(replaced('Sabine Hoffmann', text), text);
  });

  it('finds several people at once, and takes the longer name first', () => {
    const finder = nameFinder(['Anna Maier', 'Anna Maier-Schulz', 'Birgit Lehmann']);
    assert.ok(finder);
    assert.equal(
      finder.replaceIn('Anna Maier-Schulz, Anna Maier und Birgit Lehmann', '[Name]'),
      '[Name], [Name] und [Name]',
    );
    assert.deepEqual(
      finder.find('Zu TOP 2: Frau Lehmann.').map((mention) => mention.text),
      ['Frau Lehmann'],
    );
  });

  it('searches nothing for names too short to find, or escapes every character of a name', () => {
    assert.equal(nameFinder(['', ' ', 'X']), undefined);
    assert.equal(replaced('A. (B.) C++ [x]', 'A. C++ sagt'), `${ERASED} sagt`);
    assert.equal(replaced('O’Brien', 'Mr. O’Brien and O’Briens'), `${ERASED} and ${ERASED}`);
  });

  it('never finds a name inside a longer word, whatever the letters around it', () => {
    const letter = fc.constantFrom(...'abcdeäöüßéçşłABCÄÖÜ'.split(''));
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 1, maxLength: 4 }),
        fc.array(letter, { minLength: 0, maxLength: 4 }),
        (before, after) => {
          const word = `${before.join('')}Maier${after.join('')}`;
          const reversed = `${after.join('')}Maier${before.join('')}`;
          return replaced('Maier', word) === word && replaced('Maier', `x-${reversed}`) === `x-${reversed}`;
        },
      ),
    );
  });
});
