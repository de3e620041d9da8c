import { AGENDA_LIMITS, ITEM_KINDS, type ItemKind } from '../domain/agenda/agenda-items';
import type { ItemDetailsField } from '../domain/agenda/item-details';
import type { TriageInput, TriageProblem } from '../domain/agenda/triage-decision';
import type { MessageKey, Translator } from '../i18n/translator';
import type { CardBanner } from './card-button';
import { shownAgain, tooLongLine, typingLimit, WHOLE_NUMBER_PATTERN } from './typed-text';

/** The form labels that name a field in a problem line, so the line points at what the form shows. */
const FIELD_LABELS: Readonly<Record<ItemDetailsField | 'decision' | 'mergeInto' | 'reason', MessageKey>> = {
  title: 'agendaCard.form.title',
  presenter: 'agendaCard.form.presenter',
  minutes: 'agendaCard.form.minutes',
  kind: 'agendaCard.form.kind',
  decision: 'topics.decision.decision',
  mergeInto: 'topics.decision.mergeInto',
  reason: 'topics.decision.reason',
};

/**
 * The banner of an agenda form that came back: nothing was saved, and one readable line per
 * problem of the item details or the triage decision (item-details problems are a subset).
 * `input` is what was sent, for the length of a text too long to be shown again.
 */
export function agendaProblemsBanner(
  problems: readonly TriageProblem[],
  i18n: Translator,
  input: TriageInput = {},
): CardBanner {
  const typed = input as Readonly<Record<string, unknown>>;
  return {
    style: 'attention',
    title: i18n.t('problems.title'),
    text: i18n.t('problems.intro'),
    lines: problems.map((problem) => describeAgendaProblem(problem, i18n, typed[problem.field])),
  };
}

function describeAgendaProblem(problem: TriageProblem, i18n: Translator, typed: unknown): string {
  const field = i18n.t(FIELD_LABELS[problem.field]);
  switch (problem.code) {
    case 'required':
      return i18n.t('problems.required', { field });
    case 'tooLong':
      return tooLongLine(i18n.t('problems.tooLong', { field, max: problem.max }), typed, problem.max, i18n);
    case 'outOfRange':
      return i18n.t('problems.outOfRange', { field, min: problem.min, max: problem.max });
    case 'markup':
      return i18n.t('agendaCard.problems.markup', { field });
    case 'invalid':
      return problem.field === 'minutes'
        ? i18n.t('typedInput.notANumber', { field, example: DEFAULT_ITEM_MINUTES })
        : i18n.t('agendaCard.problems.invalid', { field });
  }
}

/** A submitted text as the form shows it again: whole, as typed (see `shownAgain`). Plain text, not markdown. */
export function echo(value: unknown, max: number): string {
  return shownAgain(value, max);
}

/** Characters a minutes field shows again: a number has four digits at most, a mistyped word a few more. */
const MINUTES_TYPED_MAX = 20;

/**
 * The minutes as the form's text input shows them again: as typed, a word ("zwanzig") too, so
 * that the problem beside it can be corrected where it was made.
 */
export function echoMinutes(value: unknown): string {
  return shownAgain(value, MINUTES_TYPED_MAX);
}

/** A submitted item kind, if it is one; otherwise the form's default. */
export function echoKind(value: unknown, fallback: ItemKind): ItemKind {
  return (ITEM_KINDS as readonly unknown[]).includes(value) ? (value as ItemKind) : fallback;
}

/** The kinds an item can have, in the reader's language. */
export function kindChoices(i18n: Translator): Array<{ readonly title: string; readonly value: ItemKind }> {
  return ITEM_KINDS.map((kind) => ({ title: i18n.t(`agenda.kinds.${kind}`), value: kind }));
}

/** Minutes a new item, or an accepted submission whose submitter asked for none, starts with. */
export const DEFAULT_ITEM_MINUTES = 15;

/**
 * Limits of the item inputs, as the templates take them: what a client lets a person type (see
 * `typingLimit`), and the pattern of a whole number of minutes.
 */
export const ITEM_INPUT_LIMITS = {
  title: typingLimit(AGENDA_LIMITS.title),
  presenter: typingLimit(AGENDA_LIMITS.presenter),
  minutes: typingLimit(MINUTES_TYPED_MAX),
  minutesPattern: WHOLE_NUMBER_PATTERN,
} as const;
