import type { AgendaView } from '../app/agenda/build-agenda';
import { AGENDA_LIMITS, isFixed, type AgendaItem } from '../domain/agenda/agenda-items';
import { formatDateTime, formatDeadline, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { agendaAgreementLines } from './agenda-agreement-lines';
import { agendaLines, formatDuration, itemNumber } from './agenda-lines';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/agenda.json`. */
export interface AgendaCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly when: string;
  readonly publication: string;
  /** Set when a version is published and the draft has changed since. */
  readonly unpublishedChanges: string;
  readonly due: string;
  readonly readOnly: string;
  readonly none: string;
  readonly items: ReadonlyArray<{
    readonly line: string;
    readonly details: readonly string[];
    readonly buttons: readonly CardButton[];
  }>;
  /** One item picker with one set of buttons, for agendas too long for buttons on every item. */
  readonly selection: {
    readonly label: string;
    readonly hint: string;
    readonly value: string;
    readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly buttons: readonly CardButton[];
  } | null;
  readonly total: string;
  readonly warnings: readonly string[];
  readonly buttons: readonly CardButton[];
}

/**
 * Items up to which every item gets its own up, down and edit buttons. Each button carries the
 * session, the revision and the item twice (its Action.Submit fallback repeats them), about
 * 350 bytes; thirty items with three buttons each would not fit into a Teams card. Longer
 * agendas get one item picker (the numbers "TOP 1" …) with one set of buttons instead; the
 * picked item arrives as `itemId` with the button's data, as on the per-item buttons.
 */
export const ITEM_BUTTONS_MAX_ITEMS = 14;

/** Above this, an agenda is long for a committee's afternoon, whatever the session's length. */
const THREE_HOURS = 180;

/**
 * The secretariat's agenda builder: the items in order with their minutes, kind and presenter,
 * buttons to move and edit them while the agenda can change, the total against the session's
 * length (with a warning when it runs over), and what is published.
 */
export function renderAgendaCard(view: AgendaView, i18n: Translator, banner?: CardBanner): AdaptiveCardJson {
  const session = { sessionId: view.sessionId };
  const move = { ...session, revision: view.revision };
  const lines = agendaLines(view.items, i18n);
  const agreementLines = agendaAgreementLines(view.agreements, i18n);
  const perItem = view.editable && view.items.length <= ITEM_BUTTONS_MAX_ITEMS;
  const over = view.totalMinutes - view.sessionMinutes;
  const firstMovable = view.items.findIndex(
    (_, index) => canMove(view.items, index, 'up') || canMove(view.items, index, 'down'),
  );
  const data: AgendaCardData = {
    banner: banner ? { lines: [], ...banner } : null,
    title: i18n.t('agendaCard.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    when: formatSessionRange(view.startsAt, view.endsAt, view.timeZone, i18n),
    publication: view.published
      ? i18n.t('agendaCard.publishedAt', {
          version: view.published.version,
          at: formatDateTime(view.published.at, view.timeZone, i18n),
        })
      : i18n.t('agendaCard.notPublished'),
    unpublishedChanges: view.published && view.unpublished ? i18n.t('agendaCard.unpublishedChanges') : '',
    due: i18n.t('agendaCard.due', { at: formatDeadline(view.dueAt, view.timeZone, i18n) }),
    readOnly: view.editable ? '' : i18n.t('agendaCard.readOnly'),
    none: i18n.t('agendaCard.none'),
    items: view.items.map((item, index) => ({
      line: lines[index]!,
      details: item.origin.type === 'standard' && item.origin.standard === 'agreements' ? agreementLines : [],
      buttons: perItem
        ? [
            ...(canMove(view.items, index, 'up')
              ? [cardButton(i18n.t('agendaCard.up'), VERBS.agendaMove, { ...move, itemId: item.id, direction: 'up' })]
              : []),
            ...(canMove(view.items, index, 'down')
              ? [
                  cardButton(i18n.t('agendaCard.down'), VERBS.agendaMove, {
                    ...move,
                    itemId: item.id,
                    direction: 'down',
                  }),
                ]
              : []),
            cardButton(i18n.t('agendaCard.edit'), VERBS.agendaItemForm, { ...session, itemId: item.id }),
          ]
        : [],
    })),
    selection:
      view.editable && !perItem
        ? {
            label: i18n.t('agendaCard.choose'),
            hint: i18n.t('agendaCard.chooseHint'),
            value: view.items[Math.max(firstMovable, 0)]?.id ?? '',
            choices: view.items.map((item, index) => ({ title: itemNumber(index, i18n), value: item.id })),
            buttons: [
              cardButton(i18n.t('agendaCard.up'), VERBS.agendaMove, { ...move, direction: 'up' }),
              cardButton(i18n.t('agendaCard.down'), VERBS.agendaMove, { ...move, direction: 'down' }),
              cardButton(i18n.t('agendaCard.edit'), VERBS.agendaItemForm, session),
            ],
          }
        : null,
    total: i18n.t('agendaCard.total', {
      total: formatDuration(view.totalMinutes, i18n),
      session: formatDuration(view.sessionMinutes, i18n),
    }),
    warnings:
      over > 0
        ? [
            i18n.t('agendaCard.overSession', { over: formatDuration(over, i18n) }),
            ...(view.totalMinutes > THREE_HOURS ? [i18n.t('agendaCard.overThreeHours')] : []),
          ]
        : [],
    buttons: view.editable
      ? [
          ...(view.items.length < AGENDA_LIMITS.items
            ? [cardButton(i18n.t('agendaCard.add'), VERBS.agendaItemForm, session)]
            : []),
          ...(view.unpublished
            ? [cardButton(i18n.t('agendaCard.publish'), VERBS.agendaPublish, session, 'positive')]
            : []),
          cardButton(i18n.t('agendaCard.topics'), VERBS.topicsOpen, session),
        ]
      : [],
  };
  return expandCard('agenda', data);
}

/** Whether the item can move one place that way: fixed items stay, and nothing moves past them (as `moveItem` decides). */
export function canMove(items: readonly AgendaItem[], index: number, direction: 'up' | 'down'): boolean {
  const item = items[index];
  const neighbour = items[direction === 'up' ? index - 1 : index + 1];
  return item !== undefined && neighbour !== undefined && !isFixed(item) && !isFixed(neighbour);
}
