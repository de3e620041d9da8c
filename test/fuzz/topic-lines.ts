import fc from 'fast-check';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../src/domain/agenda/submission';
import { LOCALES, translator } from '../../src/i18n/translator';
import { chatText } from './hostile-text';
import { casing, margin, plainWord, withCasing } from './text-noise';

/** What the topic-line parser must read from a line: kind, title and description. */
export interface ExpectedTopicLine {
  readonly kind: SubmissionKind;
  readonly title: string;
  readonly description: string;
}

/**
 * A generated chat line and what the parser must make of it: exactly `expected`, none (`null`),
 * or, for hostile text (`expected` undefined), a line of a known kind or none.
 */
export interface TopicLine {
  readonly text: string;
  readonly expected?: ExpectedTopicLine | null;
}

/** The prefix words in every language ("thema", "praxis", "bedarf", "topic", …), as the locale files spell them. */
const PREFIXES = LOCALES.flatMap((locale) =>
  SUBMISSION_KINDS.map((kind) => ({ kind, word: translator(locale).t(`topicLine.${kind}`) })),
);

/** One piece of a title or description as typed (`raw`) and as the parser must read it (`plain`). */
interface Piece {
  readonly raw: string;
  readonly plain: string;
}

/** Words, and what Teams sends for what people type: entities for & and quotes, mentions of people. */
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: plainWord.map((word) => ({ raw: word, plain: word })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Piece>(
      { raw: '&amp;', plain: '&' },
      { raw: 'Jobcenter&amp;Agentur', plain: 'Jobcenter&Agentur' },
      { raw: '&quot;Bürgergeld&quot;', plain: '"Bürgergeld"' },
      { raw: '&#39;s', plain: "'s" },
      { raw: '&lt;b&gt;', plain: '<b>' },
      { raw: '<at>Katrin Albers</at>', plain: 'Katrin Albers' },
      { raw: '<AT>Sabine Hoffmann</AT>', plain: 'Sabine Hoffmann' },
      { raw: '&unknown;', plain: '&unknown;' },
    ),
  },
);

/** Pieces joined by single spaces, or by a no-break space that Teams sends as an entity. */
const words = (min: number, max: number): fc.Arbitrary<Piece> =>
  fc
    .array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', '&nbsp;')), { minLength: min, maxLength: max })
    .map((pieces) => ({
      raw: pieces.map(([{ raw }, gap], index) => (index === 0 ? raw : `${gap}${raw}`)).join(''),
      plain: pieces
        .map(([{ plain }, gap], index) => (index === 0 ? plain : `${gap === '&nbsp;' ? ' ' : gap}${plain}`))
        .join(''),
    }));

/** What divides title and description: a dash with white space around it, or an en or em dash alone. */
const divider = fc.constantFrom(' – ', ' - ', ' — ', '–', '—', ' –', '— ', '  -  ', '\t-\n', ' &nbsp;- ');

/** A description may hold further dashes: only the first one divides. */
const description: fc.Arbitrary<Piece> = fc
  .array(fc.tuple(words(1, 8), fc.constantFrom(' ', ' – ', ' - ', '\n')), { minLength: 1, maxLength: 4 })
  .map((parts) => ({
    raw: parts.map(([{ raw }, gap], index) => (index === 0 ? raw : `${gap}${raw}`)).join(''),
    plain: parts.map(([{ plain }, gap], index) => (index === 0 ? plain : `${gap}${plain}`)).join(''),
  }));

/**
 * A topic line as a person types it: any casing of the prefix, spaces around the colon, with or
 * without a description.
 */
const validLine: fc.Arbitrary<TopicLine> = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    casing,
    fc.constantFrom('', '', ' ', '\t'),
    fc.constantFrom(' ', ' ', '', '  ', '&nbsp;', '\n'),
    words(1, 12),
    fc.option(fc.tuple(divider, description), { nil: undefined, freq: 3 }),
    margin,
    margin,
  )
  .map(([{ kind, word }, pattern, beforeColon, afterColon, title, rest, before, after]) => ({
    text: [
      before,
      withCasing(word, pattern),
      beforeColon,
      ':',
      afterColon,
      title.raw,
      rest?.[0],
      rest?.[1].raw,
      after,
    ].join(''),
    expected: { kind, title: title.plain.trim(), description: rest ? rest[1].plain.trim() : '' },
  }));

/** Lines close to a topic line that must read as none: another word, no colon, text before the prefix. */
const nearMiss: fc.Arbitrary<TopicLine> = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.constantFrom(
      (word: string) => `${word}s: `,
      (word: string) => `${word}2: `,
      (word: string) => `${word} `,
      (word: string) => `${word} - `,
      (word: string) => `neues ${word}: `,
      (word: string) => `<at>Gremium</at> ${word}: `,
      (word: string) => `- ${word}: `,
      (word: string) => `${word.slice(1)}: `,
    ),
    words(1, 8),
  )
  .map(([{ word }, shape, title]) => ({ text: `${shape(word)}${title.raw}`, expected: null }));

/** Mostly topic lines as people type them, then near misses and hostile text. */
export const topicLine: fc.Arbitrary<TopicLine> = fc.oneof(
  { weight: 5, arbitrary: validLine },
  { weight: 2, arbitrary: nearMiss },
  { weight: 3, arbitrary: chatText.map((text) => ({ text })) },
);
