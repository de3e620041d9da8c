import type { SubmissionWithSession } from '../app/agenda/submit-topic';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/topic-receipt.json`. */
export interface TopicReceiptCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly topicTitle: string;
  readonly description: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly statusLine: string;
  readonly buttons: readonly CardButton[];
}

/**
 * The submitter's receipt: what was submitted, for which session, where it stands, and while it
 * can still change (before the deadline, undecided) the buttons to edit or withdraw it.
 */
export function renderTopicReceiptCard(
  { submission, session }: SubmissionWithSession,
  changeable: boolean,
  i18n: Translator,
  banner?: CardBanner,
): AdaptiveCardJson {
  const { content } = submission;
  const status = submission.status === 'submitted' && !changeable ? 'submittedClosed' : submission.status;
  const data: TopicReceiptCardData = {
    banner: banner ?? null,
    title: i18n.t('submission.receipt.title', { session: sessionTitle(session, i18n) }),
    topicTitle: escapeMarkdown(content.title),
    description: escapeMarkdown(content.description),
    facts: [
      { title: i18n.t('submission.receipt.kind'), value: i18n.t(`submission.kinds.${content.kind}`) },
      ...(content.institution
        ? [{ title: i18n.t('submission.receipt.institution'), value: escapeMarkdown(content.institution) }]
        : []),
      ...(content.link ? [{ title: i18n.t('submission.receipt.link'), value: escapeMarkdown(content.link) }] : []),
      ...(content.desiredMinutes
        ? [
            {
              title: i18n.t('submission.receipt.desiredMinutes'),
              value: i18n.t('submission.receipt.minutes', { minutes: content.desiredMinutes }),
            },
          ]
        : []),
      { title: i18n.t('submission.receipt.by'), value: escapeMarkdown(submission.personName) },
    ],
    statusLine: i18n.t(`submission.receipt.status.${status}`, {
      reason: escapeMarkdown(submission.decision?.reason ?? ''),
    }),
    buttons: changeable
      ? [
          cardButton(i18n.t('submission.receipt.edit'), VERBS.topicForm, { submissionId: submission.id }),
          cardButton(
            i18n.t('submission.receipt.withdraw'),
            VERBS.topicWithdraw,
            { submissionId: submission.id, revision: submission.revision },
            'destructive',
          ),
        ]
      : [],
  };
  return expandCard('topic-receipt', data);
}
