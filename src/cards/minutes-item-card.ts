import type { MinutesItemForm } from '../app/minutes/edit-minutes';
import type { AgreementDraft } from '../domain/minutes/minutes-content';
import { MINUTES_LIMITS } from '../domain/minutes/minutes-content';
import { agreementField, type MinutesItemProblem } from '../domain/minutes/minutes-item-edit';
import { formatDueDate } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { minutesItemHeading } from './minutes-lines';
import { personLabel, shortened } from './person-choices';
import { sessionTitle } from './session-label';
import { shownAgain, tooLongLine, typingLimit } from './typed-text';
import { VERBS } from './verbs';

interface AgreementRow {
  readonly heading: string;
  readonly frozen: boolean;
  readonly frozenText: string;
  readonly removable: boolean;
  readonly ids: Readonly<Record<'text' | 'institution' | 'responsible' | 'due' | 'remove', string>>;
  readonly text: string;
  readonly institution: string;
  /** What an empty institution means, in the field while it is empty; empty once it holds one. */
  readonly institutionHint: string;
  readonly responsible: string;
  readonly due: string;
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

/** Data model of `adaptiveCards/minutes-item.json`. */
export interface MinutesItemCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly itemTitle: string;
  readonly hint: string;
  readonly labels: Readonly<
    Record<'summary' | 'result' | 'text' | 'institution' | 'responsible' | 'due' | 'remove' | 'save' | 'back', string>
  >;
  readonly values: { readonly summary: string; readonly result: string };
  readonly limits: {
    readonly summary: number;
    readonly result: number;
    readonly agreementText: number;
    readonly institution: number;
  };
  readonly rows: readonly AgreementRow[];
  readonly save: CardButton['data'];
  readonly back: CardButton['data'];
}

/**
 * People offered as responsible per agreement row. Every row repeats the list, so its length
 * follows the room the form's texts leave in the card: the whole active roster up to this many
 * for an item with a few agreements, fewer when ten long agreements fill the card. A row's
 * current person is always offered.
 */
export const RESPONSIBLE_CHOICES_MAX = 40;

/** Bytes of a form's card available for texts and choices, and what one choice and one row's inputs take. */
const FORM_ROOM = 23_000;
const CHOICE_BYTES = 90;
const ROW_BYTES = 750;

/**
 * The form for one item's minutes: summary, result, each agreement (text, institution,
 * responsible person, due date, remove) and one empty row for a new agreement. A correction of
 * approved minutes shows the agreements as text only. Coming back with problems, it keeps what
 * was typed and lists every problem.
 */
export function renderMinutesItemCard(
  form: MinutesItemForm,
  i18n: Translator,
  retry?: { readonly fields: Readonly<Record<string, unknown>>; readonly problems: readonly MinutesItemProblem[] },
): AdaptiveCardJson {
  const { view, item } = form;
  const typed = retry?.fields;
  const echo = (name: string, fallback: string, max: number): string =>
    typed ? (typeof typed[name] === 'string' ? shownAgain(typed[name], max) : '') : fallback;
  const rowCount = item.agreements.length + 1;
  const typedBytes = (name: string, fallback: string, max: number) => echo(name, fallback, max).length;
  const textBytes =
    typedBytes('summary', item.summary, MINUTES_LIMITS.summary) +
    typedBytes('result', item.result, MINUTES_LIMITS.result) +
    item.agreements.reduce(
      (sum, agreement, index) =>
        sum +
        typedBytes(agreementField(index + 1, 'text'), agreement.text, MINUTES_LIMITS.agreementText) +
        typedBytes(agreementField(index + 1, 'institution'), agreement.institution, MINUTES_LIMITS.institution),
      0,
    ) +
    // The banner of problems stands at the top and, where the card has room, at the bottom too.
    (retry ? retry.problems.length * 2 * 120 : 0);
  const perRow = Math.max(
    1,
    Math.min(
      RESPONSIBLE_CHOICES_MAX,
      Math.floor((FORM_ROOM - textBytes - rowCount * ROW_BYTES) / rowCount / CHOICE_BYTES),
    ),
  );
  const row = (key: number | 'new', agreement: AgreementDraft | undefined): AgreementRow => {
    const responsible = echo(agreementField(key, 'responsible'), agreement?.responsibleId ?? '', 60);
    const people = form.people.filter((person) => person.aadObjectId !== responsible);
    const current = form.people.find((person) => person.aadObjectId === responsible);
    return {
      heading: key === 'new' ? i18n.t('minutesItem.newAgreement') : i18n.t('minutesItem.agreement', { number: key }),
      frozen: form.correction,
      frozenText: agreement
        ? i18n.t('minutes.agreementLine', {
            text: escapeMarkdown(agreement.text),
            institution: escapeMarkdown(agreement.institution),
            responsible: escapeMarkdown(current?.displayName ?? '–'),
            due: formatDueDate(agreement.dueDate, i18n),
          })
        : '',
      removable: key !== 'new',
      ids: {
        text: agreementField(key, 'text'),
        institution: agreementField(key, 'institution'),
        responsible: agreementField(key, 'responsible'),
        due: agreementField(key, 'due'),
        remove: agreementField(key, 'remove'),
      },
      text: echo(agreementField(key, 'text'), agreement?.text ?? '', MINUTES_LIMITS.agreementText),
      institution: echo(agreementField(key, 'institution'), agreement?.institution ?? '', MINUTES_LIMITS.institution),
      institutionHint: '',
      responsible,
      due: echo(agreementField(key, 'due'), agreement?.dueDate ?? '', 10),
      choices: [...(current ? [current] : []), ...people.slice(0, current ? perRow - 1 : perRow)].map((person) => ({
        title: shortened(personLabel(person, i18n), 40),
        value: person.aadObjectId,
      })),
    };
  };
  const institutionHint = i18n.t('minutesItem.institutionFieldHint');
  const rows = [
    ...item.agreements.map((agreement, index) => row(index + 1, agreement)),
    ...(form.correction ? [] : [row('new', undefined)]),
  ]
    .filter((entry) => !(form.correction && entry.frozenText === ''))
    .map((entry) => (entry.institution === '' ? { ...entry, institutionHint } : entry));
  const data: MinutesItemCardData = {
    banner: retry
      ? {
          style: 'attention',
          title: i18n.t('problems.title'),
          text: i18n.t('problems.intro'),
          lines: retry.problems.map((problem) =>
            describeMinutesProblem(problem, i18n, typedFor(problem, retry.fields)),
          ),
        }
      : null,
    title: i18n.t(form.correction ? 'minutesItem.correctTitle' : 'minutesItem.title', {
      session: sessionTitle({ number: view.sessionNumber }, i18n),
    }),
    itemTitle: minutesItemHeading(item, form.number - 1, i18n),
    // A correction's note concerns the whole form; the institution's hint is in its field (placeholder).
    hint: form.correction ? i18n.t('minutesItem.correctionHint') : '',
    labels: {
      summary: i18n.t('minutes.summary'),
      result: i18n.t('minutes.result'),
      text: i18n.t('minutesItem.text'),
      institution: i18n.t('minutesItem.institution'),
      responsible: i18n.t('minutesItem.responsible'),
      due: i18n.t('minutesItem.due'),
      remove: i18n.t('minutesItem.remove'),
      save: i18n.t('minutesItem.save'),
      back: i18n.t('minutesItem.back'),
    },
    values: {
      summary: echo('summary', item.summary, MINUTES_LIMITS.summary),
      result: echo('result', item.result, MINUTES_LIMITS.result),
    },
    limits: {
      summary: typingLimit(MINUTES_LIMITS.summary),
      result: typingLimit(MINUTES_LIMITS.result),
      agreementText: typingLimit(MINUTES_LIMITS.agreementText),
      institution: typingLimit(MINUTES_LIMITS.institution),
    },
    rows,
    save: cardButton('', VERBS.minutesItemSave, {
      sessionId: view.sessionId,
      version: view.version,
      itemId: item.itemId,
    }).data,
    back: cardButton('', VERBS.minutesOpen, { sessionId: view.sessionId }).data,
  };
  return expandCard('minutes-item', data);
}

const FIELD_LABELS: Readonly<Record<MinutesItemProblem['field'], MessageKey>> = {
  summary: 'minutes.summary',
  result: 'minutes.result',
  text: 'minutesItem.text',
  institution: 'minutesItem.institution',
  responsible: 'minutesItem.responsible',
  dueDate: 'minutesItem.due',
  agreements: 'minutesItem.agreements',
};

/** What the form sent for the field a problem is about: a row's field, or the new row's. */
function typedFor(problem: MinutesItemProblem, fields: Readonly<Record<string, unknown>>): unknown {
  if (problem.field !== 'text' && problem.field !== 'institution') return fields[problem.field];
  return fields[agreementField(problem.row, problem.field)] ?? fields[agreementField('new', problem.field)];
}

/**
 * One readable line per problem, naming the field and, for agreements, the row; `typed` is what
 * was sent for it, for the length of a text too long to be shown again.
 */
export function describeMinutesProblem(problem: MinutesItemProblem, i18n: Translator, typed?: unknown): string {
  const label = i18n.t(FIELD_LABELS[problem.field]);
  const field = 'row' in problem ? i18n.t('minutesItem.inRow', { field: label, number: problem.row }) : label;
  switch (problem.code) {
    case 'tooLong':
      return tooLongLine(i18n.t('problems.tooLong', { field, max: problem.max }), typed, problem.max, i18n);
    case 'required':
      return i18n.t('problems.required', { field });
    case 'markup':
      return i18n.t('agendaCard.problems.markup', { field });
    case 'invalid':
      return i18n.t('agendaCard.problems.invalid', { field });
    case 'tooMany':
      return i18n.t('minutesItem.problems.tooMany', { max: problem.max });
    case 'frozen':
      return i18n.t('minutesItem.problems.frozen');
    case 'unknownPerson':
      return i18n.t('minutesItem.problems.unknownPerson', { field });
    case 'invalidDate':
      return i18n.t('minutesItem.problems.invalidDate', { field });
    case 'pastDate':
      return i18n.t('minutesItem.problems.pastDate', { field });
  }
}
