import type { CommandId } from '../domain/verb-registry';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { shownAgain, tooLongToShowAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/command-line.json`. */
export interface CommandLineCardData {
  readonly title: string;
  readonly text: string;
  readonly label: string;
  readonly argument: string;
  readonly maxLength: number;
  readonly send: CardButton;
}

/** A typed command whose text after its word is longer than the command reads. */
export interface CommandLine {
  readonly command: CommandId;
  /** The text after the command's word, as it was typed. */
  readonly argument: string;
  readonly max: number;
}

/**
 * The answer to a command typed with too long a text after its word: nothing was done, the
 * text is shown again in a field to shorten, and one click sends the command with it, as if it
 * had been typed. A text too long to show again (see `shownAgain`) is said to be so.
 */
export function renderCommandLineCard(line: CommandLine, i18n: Translator): AdaptiveCardJson {
  const word = i18n.t(`commands.${line.command}.word`);
  const data: CommandLineCardData = {
    title: i18n.t('commandLine.title', { word }),
    text: [
      i18n.t('commandLine.text', { word, length: line.argument.length, max: line.max }),
      ...(tooLongToShowAgain(line.argument, line.max)
        ? [i18n.t('typedInput.notShownAgain', { length: line.argument.length })]
        : []),
    ].join(' '),
    label: i18n.t('commandLine.label', { word, max: line.max }),
    argument: shownAgain(line.argument, line.max),
    maxLength: typingLimit(line.max),
    send: cardButton(i18n.t('commandLine.send', { word }), VERBS.commandRun, { command: line.command }, 'positive'),
  };
  return expandCard('command-line', data);
}
