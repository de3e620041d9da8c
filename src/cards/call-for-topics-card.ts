import type { CallForTopicsView } from '../app/agenda/call-for-topics';
import { SUBMISSION_KINDS } from '../domain/agenda/submission';
import { formatDeadline, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/call-for-topics.json`. */
export interface CallForTopicsCardData {
  readonly committeeName: string;
  readonly title: string;
  readonly intro: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly kindsTitle: string;
  readonly kinds: readonly string[];
  readonly chatHint: string;
  readonly submit: CardButton;
}

/**
 * The call for topics in the working group's conversation and 1:1: which session, the deadline,
 * what can be submitted, and a button that opens the form for exactly that session.
 */
export function renderCallForTopicsCard(view: CallForTopicsView, i18n: Translator): AdaptiveCardJson {
  const session = sessionTitle({ number: view.sessionNumber }, i18n);
  const data: CallForTopicsCardData = {
    committeeName: escapeMarkdown(view.committeeName),
    title: i18n.t('submission.call.title', { session }),
    intro: i18n.t('submission.call.intro'),
    facts: [
      {
        title: i18n.t('submission.call.session'),
        value: formatSessionRange(view.startsAt, view.endsAt, view.timeZone, i18n),
      },
      { title: i18n.t('submission.call.deadline'), value: formatDeadline(view.deadline, view.timeZone, i18n) },
    ],
    kindsTitle: i18n.t('submission.call.kindsTitle'),
    kinds: SUBMISSION_KINDS.map((kind) => i18n.t(`submission.kindHelp.${kind}`)),
    chatHint: i18n.t('submission.call.chatHint'),
    submit: cardButton(i18n.t('submission.call.submit'), VERBS.topicForm, { sessionId: view.sessionId }, 'positive'),
  };
  return expandCard('call-for-topics', data);
}
