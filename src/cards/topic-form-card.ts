import {
  SUBMISSION_KINDS,
  SUBMISSION_LIMITS,
  type SubmissionContent,
  type SubmissionInput,
  type SubmissionProblem,
} from '../domain/agenda/submission';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { sessionTitle } from './session-label';
import { formatDeadline } from '../i18n/format-date';
import { describeSubmissionProblem } from './submission-labels';
import { shownAgain, typingLimit, WHOLE_NUMBER_PATTERN } from './typed-text';
import { VERBS } from './verbs';

type Field = 'kind' | 'title' | 'description' | 'institution' | 'link' | 'desiredMinutes';

/** The limit by which each field's typed text is shown again (see `shownAgain`). */
const TYPED_MAX: Readonly<Record<Field, number>> = {
  kind: 20,
  title: SUBMISSION_LIMITS.title,
  description: SUBMISSION_LIMITS.description,
  institution: SUBMISSION_LIMITS.institution,
  link: SUBMISSION_LIMITS.link,
  desiredMinutes: 20,
};

/** Data model of `adaptiveCards/topic-form.json`. */
export interface TopicFormCardData {
  readonly banner: { readonly title: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly intro: string;
  readonly labels: Readonly<Record<Field | 'required', string>>;
  readonly values: Readonly<Record<Field, string>>;
  readonly kinds: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly limits: Readonly<Record<'title' | 'description' | 'institution' | 'link' | 'minutes', number>> & {
    readonly minutesPattern: string;
  };
  /** What the time field's client check says when it holds no whole number. */
  readonly wholeNumber: string;
  readonly submit: CardButton;
}

/** What the form is for: a new submission (for a named session, or the next one) or an existing one. */
export type TopicFormTarget =
  | {
      readonly kind: 'new';
      readonly session?: { readonly id: string; readonly number: string; readonly deadline: string };
      readonly institution?: string;
    }
  | {
      readonly kind: 'edit';
      readonly submissionId: string;
      readonly revision: number;
      readonly session: { readonly number: string; readonly deadline: string };
      readonly content: SubmissionContent;
    };

/**
 * The submission form: kind, title, description, institution, link and time wanted. It comes
 * back with every problem listed and what was typed kept, so nothing typed is lost.
 */
export function renderTopicFormCard(
  target: TopicFormTarget,
  timeZone: string,
  i18n: Translator,
  retry?: { readonly input: SubmissionInput; readonly problems: readonly SubmissionProblem[] },
): AdaptiveCardJson {
  const stored: Readonly<Record<Field, string>> =
    target.kind === 'edit'
      ? {
          kind: target.content.kind,
          title: target.content.title,
          description: target.content.description,
          institution: target.content.institution ?? '',
          link: target.content.link ?? '',
          desiredMinutes: target.content.desiredMinutes?.toString() ?? '',
        }
      : {
          kind: 'topic',
          title: '',
          description: '',
          institution: target.institution ?? '',
          link: '',
          desiredMinutes: '',
        };
  const typed = (field: Field): string => (retry ? shownAgain(retry.input[field], TYPED_MAX[field]) : stored[field]);
  const session = target.session;
  const data: TopicFormCardData = {
    banner: retry
      ? {
          title: i18n.t('submission.problems.title'),
          lines: retry.problems.map((problem) => describeSubmissionProblem(problem, i18n, retry.input[problem.field])),
        }
      : null,
    title: session
      ? i18n.t(target.kind === 'edit' ? 'submission.form.titleEdit' : 'submission.form.titleNew', {
          session: sessionTitle(session, i18n),
        })
      : i18n.t('submission.form.titleNext'),
    intro: session
      ? i18n.t('submission.form.intro', { deadline: formatDeadline(session.deadline, timeZone, i18n) })
      : i18n.t('submission.form.introNext'),
    labels: {
      kind: i18n.t('submission.form.kind'),
      title: i18n.t('submission.form.title'),
      description: i18n.t('submission.form.description'),
      institution: i18n.t('submission.form.institution'),
      link: i18n.t('submission.form.link'),
      desiredMinutes: i18n.t('submission.form.desiredMinutes'),
      required: i18n.t('setup.required'),
    },
    values: {
      kind: typed('kind'),
      title: typed('title'),
      description: typed('description'),
      institution: typed('institution'),
      link: typed('link'),
      desiredMinutes: typed('desiredMinutes'),
    },
    kinds: SUBMISSION_KINDS.map((kind) => ({ title: i18n.t(`submission.kinds.${kind}`), value: kind })),
    limits: {
      title: typingLimit(SUBMISSION_LIMITS.title),
      description: typingLimit(SUBMISSION_LIMITS.description),
      institution: typingLimit(SUBMISSION_LIMITS.institution),
      link: typingLimit(SUBMISSION_LIMITS.link),
      minutes: typingLimit(TYPED_MAX.desiredMinutes),
      minutesPattern: WHOLE_NUMBER_PATTERN,
    },
    wholeNumber: i18n.t('typedInput.wholeNumber', { example: 20 }),
    submit:
      target.kind === 'edit'
        ? cardButton(
            i18n.t('submission.form.save'),
            VERBS.topicSubmit,
            { submissionId: target.submissionId, revision: target.revision },
            'positive',
          )
        : cardButton(
            i18n.t('submission.form.submit'),
            VERBS.topicSubmit,
            target.session ? { sessionId: target.session.id } : {},
            'positive',
          ),
  };
  return expandCard('topic-form', data);
}
