import { AGENDA_LIMITS, ITEM_KINDS, type ItemKind } from '../domain/agenda/agenda-items';
import type { ItemDetailsField } from '../domain/agenda/item-details';
import type { TriageProblem } from '../domain/agenda/triage-decision';
import type { MessageKey, Translator } from '../i18n/translator';
import type { CardBanner } from './card-button';

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
 */
export function agendaProblemsBanner(problems: readonly TriageProblem[], i18n: Translator): CardBanner {
  return {
    style: 'attention',
    title: i18n.t('problems.title'),
    text: i18n.t('problems.intro'),
    lines: problems.map((problem) => describeAgendaProblem(problem, i18n)),
  };
}

function describeAgendaProblem(problem: TriageProblem, i18n: Translator): string {
  const field = i18n.t(FIELD_LABELS[problem.field]);
  switch (problem.code) {
    case 'required':
      return i18n.t('problems.required', { field });
    case 'tooLong':
      return i18n.t('problems.tooLong', { field, max: problem.max });
    case 'outOfRange':
      return i18n.t('problems.outOfRange', { field, min: problem.min, max: problem.max });
    case 'markup':
      return i18n.t('agendaCard.problems.markup', { field });
    case 'invalid':
      return i18n.t('agendaCard.problems.invalid', { field });
  }
}

/**
 * A submitted value as the form shows it again, cut to the input's limit: a tampered oversized
 * value must not be echoed into a card that Teams would then refuse. Plain text, not markdown.
 */
export function echo(value: unknown, max: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value).slice(0, max);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The minutes as the number input shows them again: a whole number, or empty for anything else. */
export function echoMinutes(value: unknown): number | '' {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) ? number : '';
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

/** Limits of the item inputs, as the templates take them. */
export const ITEM_INPUT_LIMITS = {
  title: AGENDA_LIMITS.title,
  presenter: AGENDA_LIMITS.presenter,
  minMinutes: AGENDA_LIMITS.minutes.min,
  maxMinutes: AGENDA_LIMITS.minutes.max,
} as const;
