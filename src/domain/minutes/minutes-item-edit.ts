import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result';
import { checkText, type TextProblemCode } from '../text-input';
import { MINUTES_LIMITS, type AgreementDraft, type MinutesItem } from './minutes-content';

/**
 * The item form's fields: summary and result, then per existing agreement (by its position) and
 * for the one empty row that adds a new agreement. The card template and this parser share the
 * names, so a field the card sends always reaches its rule.
 */
export const AGREEMENT_PARTS = ['text', 'institution', 'responsible', 'due', 'remove'] as const;
export type AgreementPart = (typeof AGREEMENT_PARTS)[number];

/** The input id of an existing agreement's field; `'new'` for the row that adds one. */
export function agreementField(row: number | 'new', part: AgreementPart): string {
  return `agreement_${row}_${part}`;
}

/** Which field a problem is about; rows count from 1 as the form shows them, the new row last. */
export type MinutesItemProblem =
  | { readonly field: 'summary' | 'result'; readonly code: TextProblemCode; readonly max: number }
  | {
      readonly field: 'text' | 'institution';
      readonly row: number;
      readonly code: TextProblemCode | 'required';
      readonly max: number;
    }
  | { readonly field: 'responsible'; readonly row: number; readonly code: 'required' | 'unknownPerson' }
  | { readonly field: 'dueDate'; readonly row: number; readonly code: 'required' | 'invalidDate' | 'pastDate' }
  | { readonly field: 'agreements'; readonly code: 'tooMany'; readonly max: number }
  /** After approval the agreements live on as action items; a correction cannot change them. */
  | { readonly field: 'agreements'; readonly code: 'frozen' };

/** What the rules for one item's edit depend on besides the form. */
export interface MinutesItemRules {
  /** Active roster people who may be responsible, each with the institution to default to ('' if none). */
  readonly responsibles: ReadonlyMap<string, string>;
  /** Today in the committee's time zone, `yyyy-MM-dd`. */
  readonly today: string;
  /** Agreements of the minutes' other items, for the limit on all agreements. */
  readonly agreementsElsewhere: number;
  readonly newAgreementId: () => string;
  /** True for a correction of approved minutes. */
  readonly agreementsFrozen: boolean;
}

/**
 * Reads the item form into the item's new minutes, or lists every problem at once. Agreements
 * keep their ids; a removed one is dropped, a filled new row is added. An unchanged due date of
 * an existing agreement is not checked again, so a revision days later is not refused for an
 * agreement that has since fallen due.
 */
export function parseMinutesItem(
  existing: MinutesItem,
  fields: Readonly<Record<string, unknown>>,
  rules: MinutesItemRules,
): Result<MinutesItem, MinutesItemProblem[]> {
  const problems: MinutesItemProblem[] = [];
  const summary =
    checkText('minutesSummary', fields.summary, (code, max) => problems.push({ field: 'summary', code, max })) ?? '';
  const result =
    checkText('minutesResult', fields.result, (code, max) => problems.push({ field: 'result', code, max })) ?? '';

  let agreements: AgreementDraft[];
  if (rules.agreementsFrozen) {
    if (agreementsTouched(existing.agreements, fields)) problems.push({ field: 'agreements', code: 'frozen' });
    agreements = [...existing.agreements];
  } else {
    agreements = [];
    existing.agreements.forEach((agreement, index) => {
      const row = index + 1;
      if (fields[agreementField(row, 'remove')] === true || fields[agreementField(row, 'remove')] === 'true') return;
      const parsed = parseAgreement(fields, row, row, agreement, rules, problems);
      if (parsed) agreements.push(parsed);
    });
    const newRow = existing.agreements.length + 1;
    if (
      AGREEMENT_PARTS.some(
        (part) =>
          part !== 'remove' &&
          typeof fields[agreementField('new', part)] === 'string' &&
          (fields[agreementField('new', part)] as string).trim() !== '',
      )
    ) {
      const parsed = parseAgreement(fields, 'new', newRow, undefined, rules, problems);
      if (parsed) agreements.push(parsed);
    }
    const max = Math.min(MINUTES_LIMITS.agreementsPerItem, MINUTES_LIMITS.agreementsTotal - rules.agreementsElsewhere);
    if (agreements.length > Math.max(existing.agreements.length, max))
      problems.push({ field: 'agreements', code: 'tooMany', max: Math.max(0, max) });
  }
  if (problems.length > 0) return fail(problems);
  return ok({ ...existing, summary, result, agreements });
}

function parseAgreement(
  fields: Readonly<Record<string, unknown>>,
  key: number | 'new',
  row: number,
  existing: AgreementDraft | undefined,
  rules: MinutesItemRules,
  problems: MinutesItemProblem[],
): AgreementDraft | undefined {
  const before = problems.length;
  const text = checkText('agreementText', fields[agreementField(key, 'text')], (code, max) =>
    problems.push({ field: 'text', row, code, max }),
  );
  if (!text && problems.length === before)
    problems.push({ field: 'text', row, code: 'required', max: MINUTES_LIMITS.agreementText });

  const responsible = fields[agreementField(key, 'responsible')];
  const responsibleId = typeof responsible === 'string' ? responsible.trim() : '';
  if (!responsibleId) problems.push({ field: 'responsible', row, code: 'required' });
  else if (!rules.responsibles.has(responsibleId) && responsibleId !== existing?.responsibleId)
    problems.push({ field: 'responsible', row, code: 'unknownPerson' });

  const instituted = problems.length;
  const typedInstitution = checkText('institution', fields[agreementField(key, 'institution')], (code, max) =>
    problems.push({ field: 'institution', row, code, max }),
  );
  const institution = typedInstitution ?? (responsibleId ? rules.responsibles.get(responsibleId) : undefined) ?? '';
  if (!institution && problems.length === instituted && rules.responsibles.has(responsibleId))
    problems.push({ field: 'institution', row, code: 'required', max: MINUTES_LIMITS.institution });

  const due = fields[agreementField(key, 'due')];
  const dueDate = typeof due === 'string' ? due.trim() : '';
  if (!dueDate) problems.push({ field: 'dueDate', row, code: 'required' });
  else if (!isCalendarDay(dueDate)) problems.push({ field: 'dueDate', row, code: 'invalidDate' });
  else if (dueDate < rules.today && dueDate !== existing?.dueDate)
    problems.push({ field: 'dueDate', row, code: 'pastDate' });

  if (problems.length > before) return undefined;
  return { id: existing?.id ?? rules.newAgreementId(), text: text!, institution, responsibleId, dueDate };
}

/** A `yyyy-MM-dd` that is a real day. */
export function isCalendarDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** Whether a correction's form asks to change any agreement: a field changed, one removed, or a new row filled. */
function agreementsTouched(agreements: readonly AgreementDraft[], fields: Readonly<Record<string, unknown>>): boolean {
  const differs = (key: number | 'new', part: AgreementPart, current: string): boolean => {
    const value = fields[agreementField(key, part)];
    return typeof value === 'string' && value.trim() !== current;
  };
  const changed = agreements.some((agreement, index) => {
    const row = index + 1;
    const remove = fields[agreementField(row, 'remove')];
    return (
      remove === true ||
      remove === 'true' ||
      differs(row, 'text', agreement.text) ||
      differs(row, 'institution', agreement.institution) ||
      differs(row, 'responsible', agreement.responsibleId) ||
      differs(row, 'due', agreement.dueDate)
    );
  });
  return changed || AGREEMENT_PARTS.some((part) => part !== 'remove' && differs('new', part, ''));
}
