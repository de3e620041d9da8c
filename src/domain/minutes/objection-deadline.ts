import { toUtcIso } from '../clock';
import { DateTime } from 'luxon';

/**
 * The end of the objection period as a UTC instant: midnight (committee time) after the day that
 * lies `objectionDays` calendar days after circulation. "Seven days" means up to the end of the
 * seventh day, like the topic deadline; counting local days keeps it right across a
 * daylight-saving change.
 */
export function objectionDeadline(circulatedAtIso: string, objectionDays: number, timeZone: string): string {
  const day = DateTime.fromISO(circulatedAtIso, { zone: 'utc' }).setZone(timeZone).startOf('day');
  if (!day.isValid) throw new Error(`Invalid circulation instant or time zone: ${circulatedAtIso}, ${timeZone}`);
  return toUtcIso(day.plus({ days: objectionDays + 1 }));
}

/** Whether an answer given at `nowIso` is in time; one at the deadline instant is late. */
export function objectionsOpenAt(deadlineIso: string, nowIso: string): boolean {
  return Date.parse(nowIso) < Date.parse(deadlineIso);
}

/** Today's calendar day in the committee's time zone, `yyyy-MM-dd`; due dates before it are past. */
export function localToday(nowIso: string, timeZone: string): string {
  return DateTime.fromISO(nowIso, { zone: 'utc' }).setZone(timeZone).toISODate()!;
}
