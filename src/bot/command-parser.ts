import { COMMANDS, type CommandId } from '../domain/permissions';
import { LOCALES, translator } from '../i18n/translator';

/** Longest chat line the bot reads; anything longer is refused before any parsing. */
export const MAX_MESSAGE_LENGTH = 4000;

const COMMAND_WORDS: ReadonlyMap<string, CommandId> = new Map(
  LOCALES.flatMap((locale) => COMMANDS.map((command) => [translator(locale).t(`commands.${command}.word`), command] as const)),
);

/**
 * Reads a typed command in either language ("hilfe", "Help!", " einrichten "). The mention of
 * the bot in channels is removed before this by the application.
 */
export function parseCommand(text: string | undefined): CommandId | undefined {
  const normalised = (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .trim()
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLocaleLowerCase('de-DE');
  return COMMAND_WORDS.get(normalised);
}
