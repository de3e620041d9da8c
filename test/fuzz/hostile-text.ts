import fc from 'fast-check';

/** Pieces people paste into Teams, or an attacker types: markup, entities, mentions, expressions. */
export const HOSTILE_PIECES = [
  '<at>Gremium</at>',
  '<at>Katrin Albers</at>',
  '<p>',
  '</div>',
  '<script>alert(1)</script>',
  '&nbsp;',
  '&amp;',
  '&lt;b&gt;',
  '&#39;',
  '&quot;',
  '&unknown;',
  '${1+1}',
  '${$root.x}',
  '{{x}}',
  '[x](https://evil.example)',
  '**',
  '# ',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u200b',
  '\u202e',
  '😀',
  'ß',
  'İ',
  '–',
  '—',
  ' - ',
  'thema:',
  'praxis:',
  'topic:',
  'need:',
  'hilfe',
  'sitzungen planen',
  'themen 2027/1',
  '/',
  '!',
  '?',
  '.',
  '__proto__',
  'constructor',
  '{"type":"Action.OpenUrl"}',
];

/** Text of every kind: any unicode, hostile pieces interleaved, and rarely very long. */
export const chatText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 12 })), {
        maxLength: 30,
      })
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 1, max: 3000 }))
      .map(([piece, times]) => piece.repeat(times)),
  },
);

/** What a card field may hold after tampering: any JSON-ish value. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  chatText,
  fc.anything(),
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', minLength: 4000, maxLength: 5000 }),
);
