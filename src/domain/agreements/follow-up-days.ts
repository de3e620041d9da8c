import { toUtcIso } from '../clock';
import { DateTime } from 'luxon';
import { addDays, daysBetween } from './due-dates';

/** Reminders to the responsible person: a week ahead, and on the day itself. */
export type ReminderKind = 'weekBefore' | 'dueToday';

/** Days before the due date of the first reminder. */
export const REMINDER_DAYS_AHEAD = 7;

/** The daily follow-up runs at the start of the office day, in the committee's time zone. */
const FOLLOW_UP_TIME = { hour: 9, minute: 0, second: 0, millisecond: 0 } as const;

/**
 * The reminder an item gets on a day, if any: exactly seven days before its due date, and on the
 * due date. Done items get none. A moved due date gives new reminder days of its own.
 */
export function reminderOn(
  item: { readonly dueDate: string; readonly status: string },
  day: string,
): ReminderKind | undefined {
  if (item.status === 'done') return undefined;
  const left = daysBetween(day, item.dueDate);
  if (left === REMINDER_DAYS_AHEAD) return 'weekBefore';
  if (left === 0) return 'dueToday';
  return undefined;
}

/** Overdue items reach the secretariat once a week, on Mondays. */
export function isEscalationDay(day: string): boolean {
  return DateTime.fromISO(day, { zone: 'utc' }).weekday === 1;
}

/** The ISO week of a day (`2027-W07`): the key that keeps the weekly escalation to one per week. */
export function isoWeek(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/**
 * The next daily follow-up after `now`: 09:00 committee time today if that is still ahead,
 * otherwise tomorrow. Counting in local days keeps it at 09:00 across a daylight-saving change.
 */
export function nextFollowUpAt(now: DateTime, timeZone: string): string {
  const local = now.setZone(timeZone);
  const today = local.set(FOLLOW_UP_TIME);
  const next = today > local ? today : local.plus({ days: 1 }).set(FOLLOW_UP_TIME);
  return toUtcIso(next);
}

/** Most days a run catches up on after downtime; older reminders would no longer help. */
export const CATCH_UP_DAYS = 7;

/**
 * The days a run covers: from the day it was due (after downtime, missed days are caught up,
 * at most a week back) through today. Outbox keys make covering a day twice harmless.
 */
export function daysToCover(scheduledDay: string, today: string): string[] {
  const first =
    scheduledDay < today
      ? daysBetween(scheduledDay, today) > CATCH_UP_DAYS
        ? addDays(today, -CATCH_UP_DAYS)
        : scheduledDay
      : today;
  const days: string[] = [];
  for (let day = first; day <= today; day = addDays(day, 1)) days.push(day);
  return days;
}
