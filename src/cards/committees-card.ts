import type { CommitteeChoice } from '../app/committees/my-committees';
import type { CommandId } from '../domain/permissions';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/** What the committees card shows: the person's committees, and the command a choice answers. */
export interface CommitteesView {
  readonly choices: readonly CommitteeChoice[];
  /** A command that waits for the choice: clicking a committee answers it there at once. */
  readonly pending?: { readonly command: CommandId; readonly argument: string };
  readonly banner?: CardBanner;
}

/** Data model of `adaptiveCards/committees.json`. */
export interface CommitteesCardData {
  readonly title: string;
  readonly none: string;
  readonly banner: CardBanner | null;
  readonly committees: ReadonlyArray<{
    readonly heading: string;
    readonly name: string;
    readonly roles: string;
    readonly currentLabel: string;
    readonly button: CardButton | null;
  }>;
  readonly syntax: string;
}

/**
 * The person's committees with their roles in each, one click to work with another: `gremium`,
 * and the answer to a command in a personal chat of someone in several committees who has not
 * chosen one (then each button answers the waiting command in that committee).
 */
export function renderCommitteesCard(view: CommitteesView, i18n: Translator): AdaptiveCardJson {
  const example = view.choices[0]?.shortName ?? 'KOG';
  const data: CommitteesCardData = {
    title: i18n.t(view.pending ? 'committees.chooseTitle' : 'committees.title'),
    none: i18n.t('committees.none'),
    banner: view.banner ?? null,
    committees: view.choices.map((choice) => ({
      heading: escapeMarkdown(choice.shortName),
      name: escapeMarkdown(choice.name),
      roles:
        choice.roles.length > 0
          ? i18n.t('committees.roles', { roles: choice.roles.map((role) => i18n.t(`roles.${role}`)).join(', ') })
          : i18n.t('committees.noRole'),
      currentLabel: i18n.t('committees.current'),
      button:
        choice.current && !view.pending
          ? null
          : cardButton(i18n.t(view.pending ? 'committees.answerHere' : 'committees.switch'), VERBS.committeeChoose, {
              committeeId: choice.committeeId,
              ...(view.pending ? { command: view.pending.command, argument: view.pending.argument } : {}),
            }),
    })),
    syntax: i18n.t('committees.syntax', {
      example: escapeMarkdown(example),
      word: i18n.t('commands.committees.word'),
    }),
  };
  return expandCard('committees', data);
}
