import { checkText, type TextField } from '../text-input';
import { fail, ok, type Result } from '../result';
import { AGENDA_LIMITS, ITEM_KINDS, type ItemKind } from './agenda-items';

/** What the secretariat sets for an agenda item: presenter, minutes, kind, and the title. */
export interface ItemDetails {
  readonly title?: string;
  readonly presenter?: string;
  readonly minutes: number;
  readonly kind: ItemKind;
}

export interface ItemDetailsInput {
  readonly title?: unknown;
  readonly presenter?: unknown;
  readonly minutes?: unknown;
  readonly kind?: unknown;
}

export type ItemDetailsField = keyof ItemDetailsInput;
export type ItemDetailsProblem =
  | { readonly field: ItemDetailsField; readonly code: 'required' | 'invalid' | 'markup' }
  | { readonly field: ItemDetailsField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: ItemDetailsField; readonly code: 'outOfRange'; readonly min: number; readonly max: number };

/**
 * Reads an item's details from a form. `titled` says whether the title is the secretariat's to
 * set (standard items and reports take theirs from elsewhere) and so required.
 */
export function parseItemDetails(input: ItemDetailsInput, titled: boolean): Result<ItemDetails, ItemDetailsProblem[]> {
  const problems: ItemDetailsProblem[] = [];
  const text = (field: ItemDetailsField, checked: TextField): string | undefined =>
    checkText(checked, input[field], (code, max) =>
      problems.push(code === 'tooLong' ? { field, code, max } : { field, code }),
    );
  const title = titled ? text('title', 'agendaTitle') : undefined;
  if (titled && !title && !problems.some((problem) => problem.field === 'title'))
    problems.push({ field: 'title', code: 'required' });
  const presenter = text('presenter', 'presenter');
  const minutes = wholeMinutes(input.minutes);
  const { min, max } = AGENDA_LIMITS.minutes;
  if (minutes === undefined)
    problems.push({
      field: 'minutes',
      code: input.minutes === undefined || input.minutes === '' ? 'required' : 'invalid',
    });
  else if (minutes < min || minutes > max) problems.push({ field: 'minutes', code: 'outOfRange', min, max });
  const kind = (ITEM_KINDS as readonly unknown[]).includes(input.kind) ? (input.kind as ItemKind) : undefined;
  if (!kind) problems.push({ field: 'kind', code: 'invalid' });
  if (problems.length > 0 || minutes === undefined || !kind) return fail(problems);
  return ok({ ...(title ? { title } : {}), ...(presenter ? { presenter } : {}), minutes, kind });
}

function wholeMinutes(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) ? number : undefined;
}
