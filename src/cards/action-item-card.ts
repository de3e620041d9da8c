import type { ActionItemNotice } from '../app/agreements/action-item-messages';
import type { ActionItemView } from '../app/agreements/action-item-view';
import type { AgreementStatus } from '../app/agreements/agreement-document';
import { TEXT_FIELDS } from '../domain/text-input';
import { formatDateTime, formatDueDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Characters of a date a form shows again: a picker sends ten. */
const DATE_TYPED_MAX = 20;

/** Data model of `adaptiveCards/action-item.json`. */
export interface ActionItemCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly proposal: {
    readonly title: string;
    readonly value: string;
    readonly note: string;
    readonly hint: string;
    readonly buttons: readonly CardButton[];
  } | null;
  readonly historyTitle: string;
  readonly history: readonly string[];
  /** Why there is no form: the item is done, or the reader may not change it. */
  readonly remark: string;
  readonly form: {
    readonly noteLabel: string;
    readonly noteMax: number;
    /** What was typed before a refusal, shown again; empty otherwise. */
    readonly note: string;
    readonly dueDate: string;
    readonly dueLabel: string;
    readonly dueMin: string;
    readonly buttons: readonly CardButton[];
  } | null;
  readonly buttons: readonly CardButton[];
}

/** An action item's due day, written as every deadline is: „Mittwoch, 30. Juni 2027, 24:00 Uhr“. */
export function actionDay(day: string, i18n: Translator): string {
  return formatDueDate(day, i18n);
}

/** A status in the reader's language. */
export function actionStatus(status: AgreementStatus, i18n: Translator): string {
  return i18n.t(`actions.status.${status}`);
}

/**
 * An action item for one reader: the agreement, where it comes from, who is responsible until
 * when, its status, a pending due-date proposal and the latest history. The responsible person
 * and the secretariat get a note field and the status buttons (and a date for a proposal); the
 * secretariat also decides a proposal and may reopen a done item. Every button carries the
 * revision the card shows, so a click on an older card changes nothing.
 */
export function renderActionItemCard(
  view: ActionItemView,
  i18n: Translator,
  banner?: CardBanner,
  today?: string,
  typed?: { readonly note?: unknown; readonly dueDate?: unknown },
): AdaptiveCardJson {
  const item = { agreementId: view.agreementId, revision: view.revision };
  const status = (target: AgreementStatus, title: string, style: CardButton['style'] = 'default') =>
    cardButton(title, VERBS.actionStatus, { ...item, status: target }, style);
  const done = view.status === 'done';
  const formButtons: CardButton[] = done
    ? [status('inProgress', i18n.t('actions.item.reopen'))]
    : [
        ...(view.status !== 'inProgress' ? [status('inProgress', i18n.t('actions.item.inProgress'))] : []),
        status('done', i18n.t('actions.item.done'), 'positive'),
        ...(view.status !== 'blocked' ? [status('blocked', i18n.t('actions.item.blocked'), 'destructive')] : []),
        cardButton(i18n.t('actions.item.propose'), VERBS.actionProposeDue, item),
      ];
  const data: ActionItemCardData = {
    banner: banner ?? null,
    title: i18n.t('actions.item.title', {
      session: sessionTitle({ number: escapeMarkdown(view.sessionNumber) }, i18n),
    }),
    text: escapeMarkdown(view.text),
    facts: [
      {
        title: i18n.t('actions.item.agendaItem'),
        value: view.itemStandard
          ? i18n.t(`agenda.standard.${view.itemStandard}`)
          : escapeMarkdown(view.itemTitle || '–'),
      },
      { title: i18n.t('actions.item.institution'), value: escapeMarkdown(view.institution) },
      { title: i18n.t('actions.item.responsible'), value: escapeMarkdown(view.responsibleName) },
      {
        title: i18n.t('actions.item.due'),
        value: view.overdue
          ? `${actionDay(view.dueDate, i18n)} (${i18n.t('actions.overdue')})`
          : actionDay(view.dueDate, i18n),
      },
      { title: i18n.t('actions.item.status'), value: actionStatus(view.status, i18n) },
    ],
    proposal: view.proposal
      ? {
          title: i18n.t('actions.item.proposal'),
          value: i18n.t('actions.item.proposalValue', {
            date: actionDay(view.proposal.dueDate, i18n),
            name: escapeMarkdown(view.proposal.byName),
          }),
          note: view.proposal.note
            ? i18n.t('actions.item.proposalNote', { note: escapeMarkdown(view.proposal.note) })
            : '',
          hint: i18n.t('actions.item.decideHint'),
          buttons: view.canDecide
            ? [
                cardButton(
                  i18n.t('actions.item.accept'),
                  VERBS.actionDecideDue,
                  { ...item, decision: 'accept' },
                  'positive',
                ),
                cardButton(i18n.t('actions.item.decline'), VERBS.actionDecideDue, { ...item, decision: 'decline' }),
              ]
            : [],
        }
      : null,
    historyTitle: i18n.t('actions.item.history'),
    history: view.history.map((event) => {
      const line = i18n.t(`actions.history.${event.kind}`, {
        at: formatDateTime(event.at, view.timeZone, i18n),
        name: escapeMarkdown(event.byName),
        due: event.dueDate ? actionDay(event.dueDate, i18n) : '–',
        status: event.status ? actionStatus(event.status, i18n) : '–',
      });
      return event.note ? `${line} ${i18n.t('actions.history.note', { note: escapeMarkdown(event.note) })}` : line;
    }),
    remark: !view.canChange ? (done ? i18n.t('actions.item.closed') : i18n.t('actions.item.readOnly')) : '',
    form: view.canChange
      ? {
          // The label names the button that needs a note only where the card offers it.
          noteLabel: i18n.t(done || view.status === 'blocked' ? 'actions.item.notePlain' : 'actions.item.note', {
            max: TEXT_FIELDS.actionNote.max,
          }),
          noteMax: typingLimit(TEXT_FIELDS.actionNote.max),
          note: typeof typed?.note === 'string' ? shownAgain(typed.note, TEXT_FIELDS.actionNote.max) : '',
          dueDate: typeof typed?.dueDate === 'string' ? shownAgain(typed.dueDate, DATE_TYPED_MAX) : '',
          dueLabel: done ? '' : i18n.t('actions.item.newDueDate'),
          dueMin: today ?? '',
          buttons: formButtons,
        }
      : null,
    buttons: [cardButton(i18n.t('actions.item.list'), VERBS.actionsOpen, { scope: 'all' })],
  };
  return expandCard('action-item', data);
}

/** The banner of an item card sent 1:1, by why it is sent. */
export function actionNoticeBanner(notice: ActionItemNotice, view: ActionItemView, i18n: Translator): CardBanner {
  const style: CardBanner['style'] =
    notice === 'blocked' || notice === 'unreachable' || notice === 'dueToday'
      ? 'attention'
      : notice === 'declined'
        ? 'warning'
        : notice === 'accepted'
          ? 'good'
          : 'accent';
  // The newest history entry is the change the message is about: who asked for help or proposed.
  const name = escapeMarkdown(view.history[0]?.byName ?? view.responsibleName);
  return {
    style,
    title: i18n.t(`actions.notices.${notice}`, {
      session: sessionTitle({ number: escapeMarkdown(view.sessionNumber) }, i18n),
      name,
    }),
    text: '',
  };
}
