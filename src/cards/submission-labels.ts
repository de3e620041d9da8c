import type { SubmissionProblem } from '../domain/agenda/submission';
import type { Translator } from '../i18n/translator';
import { tooLongLine } from './typed-text';

/** A time wanted that a problem line gives as an example of a whole number. */
const EXAMPLE_MINUTES = 20;

/**
 * One localised line per problem of a submission form or chat line; `typed` is what was sent for
 * the field, for the length of a text too long to be shown again.
 */
export function describeSubmissionProblem(problem: SubmissionProblem, i18n: Translator, typed?: unknown): string {
  const field = i18n.t(`submission.fields.${problem.field}`);
  switch (problem.code) {
    case 'tooLong':
      return tooLongLine(i18n.t('submission.problems.tooLong', { field, max: problem.max }), typed, problem.max, i18n);
    case 'invalid':
      return problem.field === 'desiredMinutes'
        ? i18n.t('typedInput.notANumber', { field, example: EXAMPLE_MINUTES })
        : i18n.t('submission.problems.invalid', { field });
    case 'outOfRange':
      return i18n.t('submission.problems.outOfRange', { field, min: problem.min, max: problem.max });
    default:
      return i18n.t(`submission.problems.${problem.code}`, { field });
  }
}
