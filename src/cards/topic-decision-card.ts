import type { DecisionFormView } from '../app/agenda/triage-topics';
import { AGENDA_LIMITS, type ItemKind } from '../domain/agenda/agenda-items';
import type { SubmissionKind } from '../domain/agenda/submission';
import { REASON_MAX, type TriageInput, type TriageProblem } from '../domain/agenda/triage-decision';
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
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/topic-decision.json`. */
export interface TopicDecisionCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly submission: {
    readonly kind: string;
    readonly title: string;
    readonly description: string;
    readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    /** Late submission, deferral; empty when neither. */
    readonly flags: string;
  };
  /** What accepting does, above the fields it takes. */
  readonly hint: string;
  /** What merging does, beside the items to merge into; shown only with them. */
  readonly mergeHint: string;
  /** That declining needs a reason, beside its field. */
  readonly declineHint: string;
  readonly labels: Readonly<
    Record<'presenter' | 'minutes' | 'kind' | 'mergeInto' | 'reason' | 'required' | 'wholeNumber', string>
  >;
  readonly values: {
    readonly presenter: string;
    readonly minutes: string;
    readonly kind: ItemKind;
    readonly mergeInto: string;
    readonly reason: string;
  };
  readonly limits: typeof ITEM_INPUT_LIMITS & { readonly reason: number };
  readonly kindChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** Items the submission can join, titles escaped; the input is left out when there are none. */
  readonly mergeChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** Accept, merge (when there is an item to merge into), defer (when a later session is planned), decline, back. */
  readonly buttons: ReadonlyArray<CardButton & { readonly associatedInputs: 'auto' | 'none' }>;
}

/** The item kind a submission most likely becomes: practice experience is heard, the rest discussed. */
export const DEFAULT_ITEM_KIND: Readonly<Record<SubmissionKind, ItemKind>> = {
  topic: 'discussion',
  practice: 'information',
  need: 'discussion',
};

/**
 * The secretariat's decision on one submission: its full text, the details an accepted item
 * gets, the item it could be merged into, a reason for declining, and one button per decision.
 * When it comes back with problems, what was typed is kept and the problems are listed.
 */
export function renderTopicDecisionCard(
  view: DecisionFormView,
  i18n: Translator,
  retry?: { readonly input: TriageInput; readonly problems: readonly TriageProblem[] },
): AdaptiveCardJson {
  const { submission } = view;
  const { content } = submission;
  const input = retry?.input;
  const decide = (
    title: string,
    decision: 'accept' | 'merge' | 'defer' | 'decline',
    style: CardButton['style'] = 'default',
  ) => ({
    ...cardButton(
      title,
      VERBS.topicDecide,
      { submissionId: submission.id, revision: submission.revision, decision },
      style,
    ),
    associatedInputs: 'auto' as const,
  });
  const mergeChoices = view.mergeTargets.map((target) => ({ title: escapeMarkdown(target.title), value: target.id }));
  const mergeInto = echo(input?.mergeInto, 100);
  const data: TopicDecisionCardData = {
    banner: retry ? agendaProblemsBanner(retry.problems, i18n, retry.input) : null,
    title: i18n.t('topics.decision.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    submission: {
      kind: i18n.t(`submission.kinds.${content.kind}`),
      title: escapeMarkdown(content.title),
      description: content.description ? escapeMarkdown(content.description) : i18n.t('topics.decision.noDescription'),
      facts: [
        { title: i18n.t('topics.decision.submitter'), value: escapeMarkdown(submission.personName) },
        ...(content.institution
          ? [{ title: i18n.t('topics.decision.institution'), value: escapeMarkdown(content.institution) }]
          : []),
        ...(content.desiredMinutes !== undefined
          ? [
              {
                title: i18n.t('topics.decision.desiredMinutes'),
                value: i18n.t('agenda.minutes', { minutes: content.desiredMinutes }),
              },
            ]
          : []),
        ...(content.link ? [{ title: i18n.t('topics.decision.link'), value: escapeMarkdown(content.link) }] : []),
      ],
      flags: [
        ...(submission.late ? [i18n.t('topics.late')] : []),
        ...(submission.deferredFrom
          ? [i18n.t('topics.deferredFrom', { number: escapeMarkdown(submission.deferredFrom) })]
          : []),
      ].join(' · '),
    },
    hint: i18n.t('topics.decision.hint'),
    mergeHint: i18n.t('topics.decision.mergeHint'),
    declineHint: i18n.t('topics.decision.declineHint'),
    labels: {
      presenter: i18n.t('agendaCard.form.presenter'),
      minutes: i18n.t('agendaCard.form.minutes'),
      kind: i18n.t('agendaCard.form.kind'),
      mergeInto: i18n.t('topics.decision.mergeInto'),
      reason: i18n.t('topics.decision.reason'),
      required: i18n.t('agendaCard.form.required'),
      wholeNumber: i18n.t('typedInput.wholeNumber', { example: DEFAULT_ITEM_MINUTES }),
    },
    values: {
      presenter: input ? echo(input.presenter, AGENDA_LIMITS.presenter) : '',
      minutes: input ? echoMinutes(input.minutes) : String(content.desiredMinutes ?? DEFAULT_ITEM_MINUTES),
      kind: echoKind(input?.kind, DEFAULT_ITEM_KIND[content.kind]),
      mergeInto: mergeChoices.some((choice) => choice.value === mergeInto) ? mergeInto : '',
      reason: input ? echo(input.reason, REASON_MAX) : '',
    },
    limits: { ...ITEM_INPUT_LIMITS, reason: typingLimit(REASON_MAX) },
    kindChoices: kindChoices(i18n),
    mergeChoices,
    buttons: [
      decide(i18n.t('topics.decision.accept'), 'accept', 'positive'),
      ...(mergeChoices.length > 0 ? [decide(i18n.t('topics.decision.merge'), 'merge')] : []),
      ...(view.followingSessionNumber
        ? [decide(i18n.t('topics.decision.defer', { number: view.followingSessionNumber }), 'defer')]
        : []),
      decide(i18n.t('topics.decision.decline'), 'decline', 'destructive'),
      {
        ...cardButton(i18n.t('topics.decision.back'), VERBS.topicsOpen, { sessionId: view.sessionId }),
        associatedInputs: 'none',
      },
    ],
  };
  return expandCard('topic-decision', data);
}
