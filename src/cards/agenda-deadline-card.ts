import type { AgendaDeadlineMessage } from '../app/agenda/agenda-deadline-notices';
import type { IncompleteItem } from '../domain/agenda/agenda-open-points';
import { formatDateTime, formatDeadline } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { formatDuration, itemNumber, itemTitle } from './agenda-lines';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import type { NoticeTone } from './notice-card';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/agenda-deadline.json`. */
export interface AgendaDeadlineCardData {
  readonly committeeName: string;
  readonly style: NoticeTone | 'accent';
  readonly title: string;
  readonly text: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly openTitle: string;
  readonly open: readonly string[];
  /** Said instead of the list when nothing is open. */
  readonly nothingOpen: string;
  readonly button: CardButton;
}

/**
 * The secretariat's notice around the agenda lead time: before it, what is still open and what
 * will happen; at it, what was published (version, items, recipients) or that the agenda waits
 * for them. Every variant leads to the agenda builder of the session.
 */
export function renderAgendaDeadlineCard(message: AgendaDeadlineMessage, i18n: Translator): AdaptiveCardJson {
  const session = sessionTitle({ number: message.sessionNumber }, i18n);
  const due = formatDeadline(message.dueAt, message.timeZone, i18n);
  const open = openLines(message, i18n);
  const data: AgendaDeadlineCardData = {
    committeeName: escapeMarkdown(message.committeeName),
    ...headline(message, session, due, i18n),
    facts: [
      { title: i18n.t('agendaDeadline.session'), value: formatDateTime(message.startsAt, message.timeZone, i18n) },
      { title: i18n.t('agendaDeadline.due'), value: due },
    ],
    openTitle: i18n.t(message.notice === 'published' ? 'agendaDeadline.openAtPublication' : 'agendaDeadline.open'),
    open,
    nothingOpen: open.length === 0 ? i18n.t('agendaDeadline.nothingOpen') : '',
    button: cardButton(
      i18n.t('agendaDeadline.openAgenda'),
      VERBS.agendaOpen,
      { sessionId: message.sessionId },
      message.notice === 'waiting' ? 'positive' : 'default',
    ),
  };
  return expandCard('agenda-deadline', data);
}

function headline(
  message: AgendaDeadlineMessage,
  session: string,
  due: string,
  i18n: Translator,
): Pick<AgendaDeadlineCardData, 'style' | 'title' | 'text'> {
  switch (message.notice) {
    case 'review': {
      const text: MessageKey =
        message.publishedUnchanged !== undefined
          ? message.autoPublish
            ? 'agendaDeadline.review.unchangedAutomatic'
            : 'agendaDeadline.review.unchangedManual'
          : message.autoPublish
            ? 'agendaDeadline.review.automatic'
            : 'agendaDeadline.review.manual';
      return {
        style: 'accent',
        title: i18n.t('agendaDeadline.review.title', { session }),
        text: i18n.t(text, { due, version: message.publishedUnchanged ?? 0 }),
      };
    }
    case 'published': {
      const items = counted(message.items, 'agendaDeadline.published.items', i18n);
      const people = counted(message.people, 'agendaDeadline.published.people', i18n);
      const text: MessageKey = message.toWorkingGroupConversation
        ? 'agendaDeadline.published.textWithConversation'
        : 'agendaDeadline.published.text';
      return {
        style: 'good',
        title: i18n.t('agendaDeadline.published.title', { session, version: message.version }),
        text: i18n.t(text, { version: message.version, items, people }),
      };
    }
    case 'waiting':
      return {
        style: 'warning',
        title: i18n.t('agendaDeadline.waiting.title', { session }),
        text: i18n.t(
          message.reason === 'noSeats' ? 'agendaDeadline.waiting.noSeats' : 'agendaDeadline.waiting.setting',
        ),
      };
  }
}

/** One line per open point, as the agenda builder would point it out. */
function openLines(message: AgendaDeadlineMessage, i18n: Translator): string[] {
  const { undecidedSubmissions, incompleteItems, minutesOver } = message.openPoints;
  return [
    ...(undecidedSubmissions > 0 ? [counted(undecidedSubmissions, 'agendaDeadline.undecided', i18n)] : []),
    ...incompleteItems.map((open) => incompleteLine(open, i18n)),
    ...(minutesOver > 0 ? [i18n.t('agendaCard.overSession', { over: formatDuration(minutesOver, i18n) })] : []),
  ];
}

function incompleteLine(open: IncompleteItem, i18n: Translator): string {
  const missing: MessageKey =
    open.missing.length > 1
      ? 'agendaDeadline.missing.both'
      : open.missing[0] === 'duration'
        ? 'agendaDeadline.missing.duration'
        : 'agendaDeadline.missing.presenter';
  return i18n.t(missing, { item: `${itemNumber(open.position - 1, i18n)} ${itemTitle(open.item, i18n)}` });
}

/** "1 Person" or "3 Personen": the message chooses its words by the language's plural rules. */
function counted(
  count: number,
  key: 'agendaDeadline.undecided' | 'agendaDeadline.published.items' | 'agendaDeadline.published.people',
  i18n: Translator,
): string {
  return i18n.t(key, { count });
}
