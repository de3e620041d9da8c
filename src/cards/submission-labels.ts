import type { SubmissionProblem } from '../domain/agenda/submission';
import type { Translator } from '../i18n/translator';

/** One localised line per problem of a submission form or chat line. */
export function describeSubmissionProblem(problem: SubmissionProblem, i18n: Translator): string {
  const field = i18n.t(`submission.fields.${problem.field}`);
  switch (problem.code) {
    case 'tooLong':
      return i18n.t('submission.problems.tooLong', { field, max: problem.max });
    case 'outOfRange':
      return i18n.t('submission.problems.outOfRange', { field, min: problem.min, max: problem.max });
    default:
      return i18n.t(`submission.problems.${problem.code}`, { field });
  }
}
