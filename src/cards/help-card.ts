import type { HelpView } from '../app/show-help';
import type { CommandId } from '../domain/permissions';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/help.json`. */
export interface HelpCardData {
  readonly title: string;
  readonly committeeLine: string;
  readonly standing: string;
  readonly commandsHeading: string;
  readonly commands: ReadonlyArray<{ readonly word: string; readonly description: string }>;
  readonly submitTopics: string;
  /** Where the commands left out here are answered; empty in the personal chat. */
  readonly personalChatOnly: string;
  readonly howTo: string;
  readonly setupAction: { readonly title: string; readonly verb: string } | null;
}

/** The help card lists only what this person may do, in their language. */
export function renderHelpCard(view: HelpView, i18n: Translator): AdaptiveCardJson {
  const data: HelpCardData = {
    title: i18n.t('help.title'),
    committeeLine: view.committeeName ? i18n.t('help.committee', { name: escapeMarkdown(view.committeeName) }) : '',
    standing: !view.committeeExists
      ? view.place === 'unclaimed'
        ? i18n.t('help.unclaimed')
        : view.committees.length > 1
          ? i18n.t('help.undecided', committeesParams(view, i18n))
          : i18n.t('help.noCommittee')
      : [
          view.roles.length > 0
            ? i18n.t('help.yourRoles', { roles: view.roles.map((role) => i18n.t(`roles.${role}`)).join(', ') })
            : i18n.t('help.noRole'),
          ...(view.committees.length > 1
            ? [
                i18n.t('help.several', {
                  ...committeesParams(view, i18n),
                  current: escapeMarkdown(view.committeeShortName ?? ''),
                }),
              ]
            : []),
        ].join('\n\n'),
    commandsHeading: i18n.t('help.commandsHeading'),
    commands: view.commands.map((command) => ({
      word: i18n.t(`commands.${command}.word`),
      description: i18n.t(`commands.${command}.description`),
    })),
    submitTopics: view.submitsTopics ? i18n.t('help.submitTopics') : '',
    personalChatOnly:
      view.personalChatOnly.length > 0
        ? i18n.t('help.personalChatOnly', { commands: commandList(view.personalChatOnly, i18n) })
        : '',
    howTo: i18n.t('help.howTo'),
    setupAction: view.commands.includes('setup')
      ? { title: capitalise(i18n.t('commands.setup.word')), verb: VERBS.setupOpen }
      : null,
  };
  return expandCard('help', data);
}

/** The person's committees and the words to switch or name one, for the help card's lines. */
function committeesParams(view: HelpView, i18n: Translator): Record<string, string> {
  return {
    names: new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(
      view.committees.map((choice) => escapeMarkdown(choice.shortName)),
    ),
    word: i18n.t('commands.committees.word'),
    example: escapeMarkdown(view.committees[0]?.shortName ?? 'KOG'),
  };
}

/** The command words as a quoted list in the person's language: „meine daten“ und „protokollierung“. */
function commandList(commands: readonly CommandId[], i18n: Translator): string {
  const quoted = commands.map((command) => i18n.t('help.quotedCommand', { word: i18n.t(`commands.${command}.word`) }));
  return new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(quoted);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
