import { DateTime } from 'luxon';
import type { MessageKey, Translator } from './translator';

/**
 * Dates are shown in the committee's time zone (not the reader's device), in the reader's
 * language: "Donnerstag, 12. März 2027, 14:00 Uhr".
 */
export function formatDateTime(isoInstant: string, timeZone: string, i18n: Translator): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t('dates.dateTime'));
}

/** A day in the committee's time zone: "Samstag, 21. November 2026", or in another day format. */
export function formatDate(
  isoInstant: string,
  timeZone: string,
  i18n: Translator,
  format: MessageKey = 'dates.date',
): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t(format));
}

/**
 * A calendar date stored without a time (`2027-03-12`), such as a working group's term. It is
 * the same day everywhere, so no time zone may move it.
 */
export function formatLocalDate(isoDate: string, i18n: Translator, format: MessageKey = 'dates.date'): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) throw new Error(`Invalid date: ${isoDate}`);
  return date.setLocale(i18n.locale).toFormat(i18n.t(format));
}

/** A session's span: "Donnerstag, 12. März 2027, 14:00–17:00 Uhr". */
export function formatSessionRange(startIso: string, endIso: string, timeZone: string, i18n: Translator): string {
  const start = inZone(startIso, timeZone, i18n);
  const end = inZone(endIso, timeZone, i18n);
  return i18n.t('dates.sessionRange', {
    date: start.toFormat(i18n.t('dates.date')),
    start: start.toFormat(i18n.t('dates.time')),
    end: end.toFormat(i18n.t('dates.time')),
  });
}

function inZone(isoInstant: string, timeZone: string, i18n: Translator): DateTime {
  const instant = DateTime.fromISO(isoInstant, { zone: 'utc' });
  if (!instant.isValid) throw new Error(`Invalid instant: ${isoInstant}`);
  return instant.setZone(timeZone).setLocale(i18n.locale);
}
