import { checkText, TEXT_FIELDS } from '../text-input';
import { fail, ok, type Result } from '../result';
import { parseItemDetails, type ItemDetails, type ItemDetailsInput, type ItemDetailsProblem } from './item-details';

/** What the secretariat decides about a submission. */
export type TriageDecision =
  /** It becomes an agenda item of its session. */
  | { readonly type: 'accept'; readonly details: ItemDetails }
  /** It is taken up by an existing item. */
  | { readonly type: 'merge'; readonly itemId: string }
  /** It moves to the following session, to be decided there. */
  | { readonly type: 'defer' }
  /** It does not come onto the agenda; the submitter is told why. */
  | { readonly type: 'decline'; readonly reason: string };

export const DECISION_TYPES = ['accept', 'merge', 'defer', 'decline'] as const;

export const REASON_MAX = TEXT_FIELDS.declineReason.max;

export interface TriageInput extends ItemDetailsInput {
  readonly decision?: unknown;
  readonly mergeInto?: unknown;
  readonly reason?: unknown;
}

export type TriageProblem =
  | ItemDetailsProblem
  | { readonly field: 'decision' | 'mergeInto' | 'reason'; readonly code: 'required' | 'invalid' | 'markup' }
  | { readonly field: 'reason'; readonly code: 'tooLong'; readonly max: number };

/**
 * Reads the decision form: accepting needs the item's details (the title is the submission's),
 * merging an item to merge into, declining a reason of at most 1,000 characters.
 */
export function parseTriageDecision(input: TriageInput): Result<TriageDecision, TriageProblem[]> {
  switch (input.decision) {
    case 'accept': {
      const details = parseItemDetails(input, false);
      return details.ok ? ok({ type: 'accept', details: details.value }) : fail(details.error);
    }
    case 'merge':
      return typeof input.mergeInto === 'string' && input.mergeInto !== ''
        ? ok({ type: 'merge', itemId: input.mergeInto })
        : fail([{ field: 'mergeInto', code: 'required' }]);
    case 'defer':
      return ok({ type: 'defer' });
    case 'decline': {
      const problems: TriageProblem[] = [];
      const reason = checkText('declineReason', input.reason, (code, max) =>
        problems.push(code === 'tooLong' ? { field: 'reason', code, max } : { field: 'reason', code }),
      );
      if (!reason && problems.length === 0) problems.push({ field: 'reason', code: 'required' });
      return reason && problems.length === 0 ? ok({ type: 'decline', reason }) : fail(problems);
    }
    default:
      return fail([{ field: 'decision', code: 'invalid' }]);
  }
}
