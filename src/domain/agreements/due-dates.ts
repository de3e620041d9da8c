import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result';

/**
 * Due dates are calendar days in the committee's time zone (`yyyy-MM-dd`): "by 30 June" means the
 * same day for everyone, wherever their device is. All comparisons here are between such days.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today as a calendar day in the committee's time zone. */
export function localToday(now: DateTime, timeZone: string): string {
  const day = now.setZone(timeZone);
  if (!day.isValid) throw new Error(`Invalid time zone: ${timeZone}`);
  return day.toISODate()!;
}

/** Whether the value is a real calendar day (`2027-02-30` is not). */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** The calendar day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

export type DueDateProblem = 'invalid' | 'past';

/** A new due date as a form sent it: a real calendar day, today or later. Today is allowed: "by the end of today". */
export function checkDueDate(value: unknown, today: string): Result<string, DueDateProblem> {
  // The whole value must be a day: "2027-03-31" followed by anything else is no date, not a cut one.
  const trimmed = typeof value === 'string' ? value.trim() : value;
  if (!isCalendarDay(trimmed)) return fail('invalid');
  return trimmed < today ? fail('past') : ok(trimmed);
}

/** Whether an item is overdue on the given day: its due date has passed and it is not done. */
export function isOverdue(item: { readonly dueDate: string; readonly status: string }, today: string): boolean {
  return item.status !== 'done' && item.dueDate < today;
}
