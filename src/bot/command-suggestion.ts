import damerauLevenshtein from 'damerau-levenshtein';
import { COMMAND_ARGUMENT_MAX_LENGTH, COMMANDS, type CommandId } from '../domain/verb-registry';
import type { Translator } from '../i18n/translator';
import { commandLine, takesArgument } from './command-parser';

/**
 * How many typing errors a word may have and still be taken for a command word: one in a short
 * word, two from six letters, three from twelve. A letter swapped with its neighbour („einaldne“)
 * counts once, as people make that slip most.
 */
function tolerance(word: string): number {
  return word.length < 6 ? 1 : word.length < 12 ? 2 : 3;
}

/** Longest line looked at for a suggestion: anything longer is a sentence, not a mistyped command. */
const LINE_MAX_LENGTH = 80;

/**
 * The known command the person most likely meant by a line that is no command („einlaen 2027/1“
 * → „einladen 2027/1“), in their language, with what they typed after it; undefined when no
 * command word is near enough. The distance is Damerau–Levenshtein (optimal string alignment)
 * between the line's first words and each command word with as many words; the nearest wins,
 * the registry's order breaks a tie.
 */
export function suggestedCommand(text: string | undefined, i18n: Translator): string | undefined {
  const line = commandLine(text);
  if (!line || line.length > LINE_MAX_LENGTH) return undefined;
  const typed = line.split(' ');
  let best: { readonly steps: number; readonly suggestion: string } | undefined;
  for (const command of COMMANDS) {
    const word = i18n.t(`commands.${command}.word`).toLocaleLowerCase('de-DE');
    const length = word.split(' ').length;
    if (typed.length < length) continue;
    const rest = typed.slice(length).join(' ');
    if (rest && !fitsAsArgument(command, rest)) continue;
    const steps = damerauLevenshtein(typed.slice(0, length).join(' '), word).steps;
    if (steps > tolerance(word) || (best && steps >= best.steps)) continue;
    best = { steps, suggestion: rest ? `${word} ${rest}` : word };
  }
  return best?.suggestion;
}

function fitsAsArgument(command: CommandId, rest: string): boolean {
  return takesArgument(command) && rest.length <= COMMAND_ARGUMENT_MAX_LENGTH;
}
