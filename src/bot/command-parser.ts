import {
  commandArgumentMax,
  COMMAND_REGISTRY,
  COMMANDS,
  type CommandEntry,
  type CommandId,
} from '../domain/verb-registry';
import { LOCALES, translator } from '../i18n/translator';

/** Longest chat line the bot reads; anything longer is refused before any parsing. */
export const MAX_MESSAGE_LENGTH = 4000;

/** Commands that read what follows their word; the others must stand alone. */
const TAKES_ARGUMENT: ReadonlySet<CommandId> = new Set<CommandId>(
  COMMANDS.filter((command) => (COMMAND_REGISTRY[command] as CommandEntry).takesArgument === true),
);

/**
 * Command words in both languages and the words a command was once called by, longest first, so
 * "sitzungen planen" wins over a shorter word.
 */
const COMMAND_WORDS: ReadonlyArray<readonly [string, CommandId]> = [
  ...LOCALES.flatMap((locale) =>
    COMMANDS.map((command) => [translator(locale).t(`commands.${command}.word`), command] as const),
  ),
  ...COMMANDS.flatMap((command) =>
    ((COMMAND_REGISTRY[command] as CommandEntry).formerWords ?? []).map((word) => [word, command] as const),
  ),
]
  .map(([word, command]) => [word.toLocaleLowerCase('de-DE'), command] as const)
  .sort(([a], [b]) => b.length - a.length);

/** A typed command: which one, and the text after its word (empty when none). */
export interface ParsedCommand {
  readonly command: CommandId;
  readonly argument: string;
}

/**
 * The text without @mentions (`<at>…</at>`): a mention is never part of a command. The bot's own
 * is removed before parsing already; one left over (a client that sent no mention entity) must
 * not be read as words, least of all as „gremium“, the bot's name and a command word.
 */
function withoutMentions(text: string | undefined): string {
  return (text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ');
}

/**
 * A chat line as commands are read from it: without mentions and markup, spaces collapsed, a
 * leading slash and closing punctuation dropped, in lower case.
 */
export function commandLine(text: string | undefined): string {
  return withoutMentions(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLocaleLowerCase('de-DE');
}

/** Whether the command reads the text after its word (see `CommandEntry.takesArgument`). */
export function takesArgument(command: CommandId): boolean {
  return TAKES_ARGUMENT.has(command);
}

/**
 * Reads a typed command in either language ("hilfe", "Help!", " Sitzungen planen 2027 "). The
 * mention of the bot in channels is removed before this by the application. Only the commands
 * that take an argument accept text after their word.
 */
export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const normalised = commandLine(text);
  for (const [word, command] of COMMAND_WORDS) {
    if (normalised === word) return { command, argument: '' };
    if (!normalised.startsWith(`${word} `) || !TAKES_ARGUMENT.has(command)) continue;
    const argument = normalised.slice(word.length + 1).trim();
    return argument.length <= commandArgumentMax(command) ? { command, argument } : undefined;
  }
  return undefined;
}

/** A command whose text after its word is longer than it reads: the word, and that text as typed. */
export interface OverlongCommand {
  readonly command: CommandId;
  /** The command's word as typed, for the answer to name it. */
  readonly word: string;
  /** The text after the word as it was written: its case and line breaks kept, only trimmed. */
  readonly argument: string;
  readonly max: number;
}

/**
 * A command that takes an argument, typed with a longer one than it reads (`sitzungen planen`
 * and a paragraph, `änderungen` and a name longer than any person's). It is not run; its answer
 * shows the text again to shorten and send (see the `command.run` verb), so nothing typed is lost.
 */
export function parseOverlongCommand(text: string | undefined): OverlongCommand | undefined {
  const normalised = commandLine(text);
  const found = COMMAND_WORDS.find(
    ([word, command]) => TAKES_ARGUMENT.has(command) && normalised.startsWith(`${word} `),
  );
  if (!found) return undefined;
  const [word, command] = found;
  const max = commandArgumentMax(command);
  if (normalised.slice(word.length + 1).trim().length <= max) return undefined;
  // The argument as written, after the command's words: its case, spacing and line breaks kept.
  const plain = withoutMentions(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim()
    .replace(/^\/+/, '');
  const argument = plain.replace(new RegExp(`^(?:\\S+\\s+){${word.split(' ').length}}`), '').trim();
  return { command, word, argument, max };
}

/** Longest committee short name a line may be addressed to (the set-up card's limit). */
const ADDRESS_MAX_LENGTH = 30;

/** A chat line addressed to one of the person's committees by its short name: „KOG: rückmeldungen 2027/1“. */
export interface AddressedLine {
  /** The short name as typed. */
  readonly named: string;
  /** The rest of the line: a command or a topic line. */
  readonly rest: string;
}

/**
 * Reads a committee's short name in front of a chat line, divided from it by a colon
 * ("KOG: rückmeldungen 2027/1", "SGI: thema: Sprachkurse – …"). Whether the rest is a command or a
 * topic line is for the caller to ask; a line that is a command or topic line as a whole is
 * never read as addressed (`thema: …` names no committee "thema").
 */
export function parseAddressedLine(text: string | undefined): AddressedLine | undefined {
  const plain = withoutMentions(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .trim();
  const match = /^([^:\n]{1,200}?)\s*:\s*(\S[\s\S]*)$/u.exec(plain);
  if (!match) return undefined;
  const named = match[1]!.replace(/\s+/g, ' ').trim();
  if (!named || named.length > ADDRESS_MAX_LENGTH) return undefined;
  return { named, rest: match[2]! };
}
