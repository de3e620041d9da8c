import { DateTime } from 'luxon';
import { formatDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';

/**
 * A deadline that ends with its day (topics, objections to minutes) as people read it: its last
 * day, "end of day". The stored instant is the following midnight, which would show as the wrong
 * day.
 */
export function deadlineDay(deadlineIso: string, timeZone: string, i18n: Translator): string {
  const lastMoment = DateTime.fromISO(deadlineIso, { zone: 'utc' }).minus({ milliseconds: 1 }).toISO()!;
  return i18n.t('submission.call.deadlineValue', { day: formatDate(lastMoment, timeZone, i18n) });
}
