import type { MinutesResultsMessage, MinutesReviewMessage } from '../app/minutes/minutes-messages';
import { answerField, commentField, type ResponseProblem } from '../app/minutes/respond-to-minutes';
import { MINUTES_LIMITS } from '../domain/minutes/minutes-content';
import { formatDateTime, formatDeadline } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { minutesItemHeading, minutesItemBody } from './minutes-lines';
import { shortened } from './person-choices';
import { sessionTitle } from './session-label';
import { shownAgain, tooLongLine, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** From this many items on, the review card counts each item's agreements instead of listing them. */
const COMPACT_FROM = 10;

/** Data model of `adaptiveCards/minutes-review.json`. */
export interface MinutesReviewCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly when: string;
  readonly intro: readonly string[];
  readonly items: ReadonlyArray<{
    readonly body: string;
    readonly answerId: string;
    readonly commentId: string;
    readonly answer: string;
    readonly comment: string;
  }>;
  readonly labels: { readonly answer: string; readonly comment: string; readonly send: string };
  readonly answerChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly commentMax: number;
  readonly respond: CardButton['data'] | null;
  readonly pdfTitle: string;
  readonly pdfUrl: string;
}

/**
 * The circulated minutes as a recipient reads them: per item the summary, result and agreements
 * (marked when changed since the version the recipient had), the objection deadline, the PDF
 * (`pdfUrl`, the reader's own link, see `reviewLinks`), and for attendees one answer and comment
 * per item with one button to send them all.
 */
export function renderMinutesReviewCard(
  message: MinutesReviewMessage,
  i18n: Translator,
  options: {
    readonly pdfUrl?: string;
    readonly banner?: CardBanner;
    readonly closed?: boolean;
    /** What a refused answer sent: its answers and comments are shown again as they were sent. */
    readonly typed?: Readonly<Record<string, unknown>>;
  } = {},
): AdaptiveCardJson {
  const typed = options.typed;
  const changed = new Set(message.changedItemIds);
  const answering = message.mayAnswer && !options.closed;
  const data: MinutesReviewCardData = {
    banner: options.banner ? { lines: [], ...options.banner } : null,
    title: i18n.t(message.round > 1 ? 'minutesReview.titleRevision' : 'minutesReview.title', {
      session: sessionTitle({ number: message.sessionNumber }, i18n),
      version: message.version,
    }),
    when: `${escapeMarkdown(message.committeeName)} · ${formatDateTime(message.startsAt, message.timeZone, i18n)}`,
    intro: [
      i18n.t(message.mayAnswer ? 'minutesReview.intro' : 'minutesReview.introSecretariat', {
        deadline: formatDeadline(message.objectionDeadline, message.timeZone, i18n),
      }),
      ...(changed.size > 0 ? [i18n.t('minutesReview.changes', { count: changed.size })] : []),
    ],
    items: message.items.map((item, index) => ({
      body: [
        `**${minutesItemHeading(item, index, i18n)}**${changed.has(item.itemId) ? ` **${i18n.t('minutesReview.changed')}**` : ''}`,
        minutesItemBody(item, i18n, message.items.length > COMPACT_FROM),
        ...ownAnswer(message, item.itemId, i18n),
      ].join('\n\n'),
      answerId: answering ? answerField(index) : '',
      commentId: answering ? commentField(index) : '',
      answer:
        typed?.[answerField(index)] === 'agree' || typed?.[answerField(index)] === 'object'
          ? (typed[answerField(index)] as string)
          : (message.answers?.[item.itemId]?.answer ?? 'agree'),
      // Earlier comments are quoted above, not echoed into the input: thirty of them would not fit
      // into one card. An objection sent again without a comment keeps the earlier one. What a
      // refused answer typed is shown again, so that it is not lost.
      comment:
        typeof typed?.[commentField(index)] === 'string'
          ? shownAgain(typed[commentField(index)], MINUTES_LIMITS.comment)
          : '',
    })),
    labels: {
      answer: i18n.t('minutesReview.answer'),
      comment: i18n.t('minutesReview.comment'),
      send: i18n.t('minutesReview.send'),
    },
    answerChoices: [
      { title: i18n.t('minutesReview.agree'), value: 'agree' },
      { title: i18n.t('minutesReview.object'), value: 'object' },
    ],
    commentMax: typingLimit(MINUTES_LIMITS.comment),
    respond: answering
      ? cardButton('', VERBS.minutesRespond, { sessionId: message.sessionId, version: message.version }).data
      : null,
    pdfTitle: i18n.t('minutesCard.pdf'),
    pdfUrl: options.pdfUrl ?? '',
  };
  return expandCard('minutes-review', data);
}

/** The recipient's stored answer to the item, quoted shortly. */
function ownAnswer(message: MinutesReviewMessage, itemId: string, i18n: Translator): string[] {
  const own = message.answers?.[itemId];
  if (!own) return [];
  const answer = i18n.t(own.answer === 'agree' ? 'minutesReview.agree' : 'minutesReview.object');
  return [
    `_${i18n.t('minutesReview.yourAnswer', { answer, comment: own.comment ? escapeMarkdown(shortened(own.comment, 80)) : '–' })}_`,
  ];
}

/** The problems of a response as banner lines; `typed` is what was sent, for a comment too long to show again. */
export function responseProblemsBanner(
  problems: readonly ResponseProblem[],
  i18n: Translator,
  typed: Readonly<Record<string, unknown>> = {},
): CardBanner {
  return {
    style: 'attention',
    title: i18n.t('problems.title'),
    text: i18n.t('problems.intro'),
    lines: problems.map((problem) => {
      const item = i18n.t('agenda.number', { number: problem.item });
      switch (problem.code) {
        case 'nothing':
          return i18n.t('minutesReview.problems.nothing');
        case 'commentRequired':
          return i18n.t('minutesReview.problems.commentRequired', { item });
        case 'tooLong':
          return tooLongLine(
            i18n.t('problems.tooLong', { field: `${i18n.t('minutesReview.comment')} (${item})`, max: problem.max }),
            typed[commentField(problem.item - 1)],
            problem.max,
            i18n,
          );
        default:
          return i18n.t('agendaCard.problems.invalid', { field: `${i18n.t('minutesReview.comment')} (${item})` });
      }
    }),
  };
}

/** Data model of `adaptiveCards/minutes-results.json`. */
export interface MinutesResultsCardData {
  readonly mark: string;
  readonly title: string;
  readonly when: string;
  readonly intro: string;
  readonly items: ReadonlyArray<{ readonly heading: string; readonly body: string }>;
  readonly pdfTitle: string;
  readonly pdfUrl: string;
}

/**
 * Approved minutes as they leave the committee: for the working group the results and agreements
 * of every item (never the internal discussion) with the extract's PDF; for the recipients a
 * notice with the full minutes' PDF (`pdfUrl`, the reader's own link, see `resultsLinks`). A
 * correction is marked as such.
 */
export function renderMinutesResultsCard(
  message: MinutesResultsMessage,
  i18n: Translator,
  pdfUrl = '',
): AdaptiveCardJson {
  const session = sessionTitle({ number: message.sessionNumber }, i18n);
  const data: MinutesResultsCardData = {
    mark: message.correction ? i18n.t('minutesResults.correction') : '',
    title: i18n.t(message.audience === 'workingGroup' ? 'minutesResults.title' : 'minutesResults.approvedTitle', {
      session,
    }),
    when: `${escapeMarkdown(message.committeeName)} · ${formatDateTime(message.startsAt, message.timeZone, i18n)}`,
    intro: i18n.t(
      message.audience === 'workingGroup'
        ? 'minutesResults.intro'
        : message.correction
          ? 'minutesResults.correctedText'
          : message.automatic
            ? 'minutesResults.approvedAutomatically'
            : 'minutesResults.approvedText',
      { version: message.version },
    ),
    items: message.items.map((item, index) => ({
      heading: minutesItemHeading(item, index, i18n),
      body: minutesItemBody(item, i18n),
    })),
    pdfTitle: i18n.t(message.audience === 'workingGroup' ? 'minutesResults.extractPdf' : 'minutesCard.pdf'),
    pdfUrl,
  };
  return expandCard('minutes-results', data);
}
