import type { AgendaView } from '../app/agenda/build-agenda';
import { AGENDA_LIMITS, type AgendaItem, type ItemKind } from '../domain/agenda/agenda-items';
import type { ItemDetailsInput, ItemDetailsProblem } from '../domain/agenda/item-details';
import type { Translator } from '../i18n/translator';
import {
  agendaProblemsBanner,
  DEFAULT_ITEM_MINUTES,
  echo,
  echoKind,
  echoMinutes,
  ITEM_INPUT_LIMITS,
  kindChoices,
} from './agenda-form';
import { itemNumber, itemTitle } from './agenda-lines';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/agenda-item.json`. */
export interface AgendaItemCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  /** Whether the title is the secretariat's to set (its own items); standard items and reports show theirs as text. */
  readonly titled: boolean;
  readonly fixedTitle: string;
  readonly labels: Readonly<
    Record<'title' | 'presenter' | 'minutes' | 'kind' | 'required' | 'wholeNumber' | 'save' | 'back', string>
  >;
  readonly values: {
    readonly title: string;
    readonly presenter: string;
    readonly minutes: string;
    readonly kind: ItemKind;
  };
  readonly limits: typeof ITEM_INPUT_LIMITS;
  readonly kindChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly save: CardButton['data'];
  readonly back: CardButton['data'];
}

/**
 * The form for one agenda item's presenter, minutes and kind (and the title of the
 * secretariat's own items), or for a new item when `item` is undefined. When it comes back
 * with problems, what was typed is kept and the problems are listed.
 */
export function renderAgendaItemCard(
  view: AgendaView,
  item: AgendaItem | undefined,
  i18n: Translator,
  retry?: { readonly input: ItemDetailsInput; readonly problems: readonly ItemDetailsProblem[] },
): AdaptiveCardJson {
  const session = sessionTitle({ number: view.sessionNumber }, i18n);
  const index = item ? view.items.findIndex((candidate) => candidate.id === item.id) : -1;
  const titled = !item || item.origin.type === 'topic';
  const input = retry?.input;
  const data: AgendaItemCardData = {
    banner: retry ? agendaProblemsBanner(retry.problems, i18n, retry.input) : null,
    title: item
      ? i18n.t('agendaCard.form.editTitle', {
          number: index >= 0 ? itemNumber(index, i18n) : itemTitle(item, i18n),
          session,
        })
      : i18n.t('agendaCard.form.newTitle', { session }),
    titled,
    fixedTitle: item && !titled ? i18n.t('agendaCard.form.fixedTitle', { title: itemTitle(item, i18n) }) : '',
    labels: {
      title: i18n.t('agendaCard.form.title'),
      presenter: i18n.t('agendaCard.form.presenter'),
      minutes: i18n.t('agendaCard.form.minutes'),
      kind: i18n.t('agendaCard.form.kind'),
      required: i18n.t('agendaCard.form.required'),
      wholeNumber: i18n.t('typedInput.wholeNumber', { example: DEFAULT_ITEM_MINUTES }),
      save: i18n.t('agendaCard.form.save'),
      back: i18n.t('agendaCard.form.back'),
    },
    values: {
      title: input ? echo(input.title, AGENDA_LIMITS.title) : titled ? (item?.title ?? '') : '',
      presenter: input ? echo(input.presenter, AGENDA_LIMITS.presenter) : (item?.presenter ?? ''),
      minutes: input ? echoMinutes(input.minutes) : String(item?.minutes ?? DEFAULT_ITEM_MINUTES),
      kind: echoKind(input?.kind, item?.kind ?? 'discussion'),
    },
    limits: ITEM_INPUT_LIMITS,
    kindChoices: kindChoices(i18n),
    save: cardButton('', VERBS.agendaItemSave, {
      sessionId: view.sessionId,
      revision: view.revision,
      itemId: item?.id ?? '',
    }).data,
    back: cardButton('', VERBS.agendaOpen, { sessionId: view.sessionId }).data,
  };
  return expandCard('agenda-item', data);
}
