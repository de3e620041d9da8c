import { DateTime } from 'luxon';
import type { Translator } from './translator';

/**
 * Every date and time Gremium shows, on cards, in messages and in PDFs, is written here and only
 * here, one way for each kind, in the committee's time zone (not the reader's device) and the
 * reader's language. The patterns live in the locale files under `dates`; nothing else names a
 * date pattern (test/i18n/dates.spec.ts holds both rules).
 *
 * - a deadline, the last moment something may be done: `formatDeadline`, `formatDueDate`
 *   ("Donnerstag, 21. Januar 2027, 24:00 Uhr");
 * - a moment something happens or happened: `formatDateTime` ("Donnerstag, 12. März 2027, 14:00 Uhr");
 * - a session's span: `formatSessionRange` ("Donnerstag, 12. März 2027, 14:00–17:00 Uhr"), its hours
 *   alone: `formatTimeSpan` ("14:00–17:00 Uhr");
 * - a day with its weekday: `formatDate` ("Donnerstag, 12. März 2027");
 * - a date in running text, a table or a file: `formatDay`, `formatLocalDate` ("12.03.2027");
 * - a change log's timestamp to the second: `formatTimestamp`.
 */

/**
 * A deadline: the last moment something may be done (a topic submitted, an objection raised, an
 * answer given, the agenda sent, a link used). A deadline stored as the midnight that ends its day
 * is written as that day's 24:00 („Donnerstag, 21. Januar 2027, 24:00 Uhr“, "Thursday,
 * 21 January 2027, end of day"), never as the next day's 00:00, which people read as a day too
 * late; any other deadline as its moment. The day is counted in the committee's calendar, so a
 * daylight-saving change that night moves nothing.
 */
export function formatDeadline(isoInstant: string, timeZone: string, i18n: Translator): string {
  const local = inZone(isoInstant, timeZone, i18n);
  const atMidnight = local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0;
  if (!atMidnight) return local.toFormat(i18n.t('dates.dateTime'));
  return endOfDay(local.minus({ days: 1 }), i18n);
}

/**
 * A due date kept as a calendar day (`2027-01-21`, an action item's): due by the end of that day,
 * and so written as a deadline at its 24:00, the same way as every other.
 */
export function formatDueDate(isoDate: string, i18n: Translator): string {
  return endOfDay(localDate(isoDate, i18n), i18n);
}

/** A moment: "Donnerstag, 12. März 2027, 14:00 Uhr". */
export function formatDateTime(isoInstant: string, timeZone: string, i18n: Translator): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t('dates.dateTime'));
}

/** A moment to the second, where the order of close events matters (the change log). */
export function formatTimestamp(isoInstant: string, timeZone: string, i18n: Translator): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t('dates.timestamp'));
}

/** The day of a moment with its weekday: "Samstag, 21. November 2026". */
export function formatDate(isoInstant: string, timeZone: string, i18n: Translator): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t('dates.date'));
}

/** The day of a moment as a date in text, a table or a file name's subject: "21.11.2026", "21 November 2026". */
export function formatDay(isoInstant: string, timeZone: string, i18n: Translator): string {
  return inZone(isoInstant, timeZone, i18n).toFormat(i18n.t('dates.day'));
}

/**
 * A calendar date stored without a time (`2027-03-12`), such as a working group's term, as a
 * date in text: "12.03.2027". It is the same day everywhere, so no time zone may move it.
 */
export function formatLocalDate(isoDate: string, i18n: Translator): string {
  return localDate(isoDate, i18n).toFormat(i18n.t('dates.day'));
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

/** The hours of a session without its day: "14:00–17:00 Uhr". */
export function formatTimeSpan(startIso: string, endIso: string, timeZone: string, i18n: Translator): string {
  return i18n.t('dates.timeSpan', {
    start: inZone(startIso, timeZone, i18n).toFormat(i18n.t('dates.time')),
    end: inZone(endIso, timeZone, i18n).toFormat(i18n.t('dates.time')),
  });
}

/**
 * A moment as the values of a card's date and time inputs (`2027-03-12`, `14:00`), the formats
 * Adaptive Cards require whatever the reader's language: what a form shows to be changed, not text.
 */
export function dateAndTimeInputs(isoInstant: string, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromISO(isoInstant, { zone: 'utc' }).setZone(timeZone);
  if (!local.isValid) throw new Error(`Invalid instant or time zone: ${isoInstant}, ${timeZone}`);
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

function endOfDay(day: DateTime, i18n: Translator): string {
  return i18n.t('dates.endOfDay', { day: day.toFormat(i18n.t('dates.date')) });
}

function localDate(isoDate: string, i18n: Translator): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid) throw new Error(`Invalid date: ${isoDate}`);
  return date.setLocale(i18n.locale);
}

function inZone(isoInstant: string, timeZone: string, i18n: Translator): DateTime {
  const instant = DateTime.fromISO(isoInstant, { zone: 'utc' });
  if (!instant.isValid) throw new Error(`Invalid instant: ${isoInstant}`);
  return instant.setZone(timeZone).setLocale(i18n.locale);
}
