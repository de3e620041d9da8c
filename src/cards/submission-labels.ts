import { DateTime } from 'luxon';
import type { SubmissionProblem } from '../domain/agenda/submission';
import { formatDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';

/**
 * The topic deadline as people read it: its last day, "end of day". The stored instant is the
 * following midnight, which would show as the wrong day.
 */
export function deadlineDay(deadlineIso: string, timeZone: string, i18n: Translator): string {
  const lastMoment = DateTime.fromISO(deadlineIso, { zone: 'utc' }).minus({ milliseconds: 1 }).toISO()!;
  return i18n.t('submission.call.deadlineValue', { day: formatDate(lastMoment, timeZone, i18n) });
}

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
