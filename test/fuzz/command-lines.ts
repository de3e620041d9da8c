import fc from 'fast-check';
import type { ParsedCommand } from '../../src/bot/command-parser';
import { COMMANDS, type CommandId } from '../../src/domain/permissions';
import { commandArgumentMax } from '../../src/domain/verb-registry';
import { LOCALES, translator } from '../../src/i18n/translator';
import { chatText } from './hostile-text';
import { casing, margin, withCasing, wordGap, wrapping } from './text-noise';

/**
 * A generated chat line and what the command parser must make of it: exactly `expected`, or,
 * for hostile text (`expected` undefined), any known command or none.
 */
export interface CommandLine {
  readonly text: string;
  readonly expected?: ParsedCommand | null;
}

/**
 * The commands that read what follows their word (a year, a session, a date, "alle"), written
 * here rather than taken from the parser, so that the test says what the parser must do.
 */
const TAKES_ARGUMENT: readonly CommandId[] = [
  'planSessions',
  'extraSession',
  'callForTopics',
  'topics',
  'agenda',
  'publishAgenda',
  'invite',
  'rsvps',
  'attendance',
  'minutes',
  'circulateMinutes',
  'approveMinutes',
  'actions',
  'audit',
  'language',
];

/** The commands that must stand alone: anything after their word makes the line no command. */
const STANDS_ALONE: readonly CommandId[] = ['help', 'setup', 'members', 'workingGroups', 'myData', 'delivery'];

/** Every command word in every language, as the locale files spell it. */
const WORDS = LOCALES.flatMap((locale) =>
  COMMANDS.map((command) => ({ command, word: translator(locale).t(`commands.${command}.word`) })),
);
const KNOWN_WORDS = WORDS.map(({ word }) => word.toLocaleLowerCase('de-DE'));

/** Whether a near miss happens to be a command after all ("protokoll ersenden" is minutes of "ersenden"). */
const readsAsCommand = (line: string): boolean => {
  // A mention is never part of a command: the parser reads the line without it.
  const plain = line
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .toLocaleLowerCase('de-DE');
  return KNOWN_WORDS.some((word) => plain === word || plain.startsWith(`${word} `));
};

const wordOf = (commands: readonly CommandId[]) =>
  fc.constantFrom(...WORDS.filter(({ command }) => commands.includes(command)));

/** An argument as people give them; it never ends in ., ! or ?, which the parser drops as punctuation. */
const argument: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 2000, max: 2099 }).map(String),
  fc
    .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, number]) => `${year}/${number}`),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('alle', 'all', 'offen', 'Alle'),
  fc.stringMatching(/^[0-9][0-9a-zA-Z/-]{0,39}$/),
);

/** A command word typed with any casing, the gaps between its words of any white space. */
const typedWord = (word: string): fc.Arbitrary<string> =>
  fc.tuple(casing, fc.array(wordGap, { minLength: 4, maxLength: 4 })).map(([pattern, gaps]) =>
    withCasing(word, pattern)
      .split(' ')
      .map((part, index) => (index === 0 ? part : `${gaps[index % gaps.length]}${part}`))
      .join(''),
  );

/** Around the command: margins, a leading slash, trailing punctuation, and Teams' HTML. */
const framed = (line: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      line,
      margin,
      margin,
      fc.constantFrom('', '', '/', '//', '/ '),
      fc.constantFrom('', '', '', '.', '!', '?', '!!', '?!', ' ?'),
      wrapping,
    )
    .map(
      ([text, before, after, slash, punctuation, [open, close]]) =>
        `${open}${before}${slash}${text}${punctuation}${after}${close}`,
    );

/** A command a person means: its word alone, or with an argument where it takes one. */
const validLine: fc.Arbitrary<CommandLine> = fc.oneof(
  wordOf(COMMANDS).chain(({ command, word }) =>
    framed(typedWord(word)).map((text) => ({ text, expected: { command, argument: '' } })),
  ),
  fc.tuple(wordOf(TAKES_ARGUMENT), argument, wordGap, casing).chain(([{ command, word }, given, gap, pattern]) =>
    framed(typedWord(word).map((typed) => `${typed}${gap}${withCasing(given, pattern)}`)).map((text) => ({
      text,
      expected: { command, argument: given.toLocaleLowerCase('de-DE') },
    })),
  ),
);

/** Lines close to a command that must read as none: extra words, glued letters, an overlong argument. */
const nearMiss: fc.Arbitrary<CommandLine> = fc
  .oneof(
    fc
      .tuple(wordOf(STANDS_ALONE), argument, wordGap)
      .chain(([{ word }, given, gap]) => framed(typedWord(word).map((typed) => `${typed}${gap}${given}`))),
    // Longer than the command reads: 41 to 61 characters, and as much more as the command reads more than 40.
    fc
      .tuple(wordOf(TAKES_ARGUMENT), fc.stringMatching(/^[0-9][0-9a-z/-]{40,60}$/))
      .map(([entry, given]) => [entry, `${given}${'0'.repeat(commandArgumentMax(entry.command) - 40)}`] as const)
      .chain(([{ word }, given]) => framed(typedWord(word).map((typed) => `${typed} ${given}`))),
    fc
      .tuple(
        wordOf(COMMANDS),
        fc.constantFrom('bitte ', 'please ', 'x', '@', '<at>Gremium</at> '),
        fc.constantFrom('', 's', 'x'),
      )
      .filter(([{ word }, before, after]) => !readsAsCommand(`${before}${word}${after}`))
      .chain(([{ word }, before, after]) => framed(typedWord(word).map((typed) => `${before}${typed}${after}`))),
    fc
      .tuple(wordOf(COMMANDS), fc.nat())
      .map(([{ word }, at]) => word.slice(0, at % word.length) + word.slice((at % word.length) + 1))
      .filter((word) => !readsAsCommand(word))
      .chain((word) => framed(typedWord(word))),
  )
  .map((text) => ({ text, expected: null }));

/** Mostly commands as people type them, then near misses and hostile text. */
export const commandLine: fc.Arbitrary<CommandLine> = fc.oneof(
  { weight: 5, arbitrary: validLine },
  { weight: 2, arbitrary: nearMiss },
  { weight: 3, arbitrary: chatText.map((text) => ({ text })) },
);
