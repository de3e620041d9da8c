import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';

/**
 * How long before its start a session's attendance can be recorded: people arrive, and the
 * secretariat prepares the list while they do. Earlier, nobody can know who attends.
 */
export const ATTENDANCE_OPENS_BEFORE_START = { hours: 1 } as const;

/**
 * From when the attendance of a session starting at `startsAt` can be recorded: one hour before
 * its start, but never before its day begins (in the committee's time zone), so a session that
 * starts just after midnight opens on its own day. It stays open after the session.
 */
export function attendanceOpensAt(startsAt: string, timeZone: string): string {
  const start = DateTime.fromISO(startsAt, { zone: 'utc' }).setZone(timeZone);
  if (!start.isValid) throw new Error(`Invalid session start or time zone: ${startsAt}, ${timeZone}`);
  const hourBefore = start.minus(ATTENDANCE_OPENS_BEFORE_START);
  const dayStart = start.startOf('day');
  return toUtcIso(hourBefore < dayStart ? dayStart : hourBefore);
}

/** Whether the attendance of a session starting at `startsAt` can be recorded at `nowIso`. */
export function attendanceIsOpenAt(startsAt: string, timeZone: string, nowIso: string): boolean {
  return nowIso >= attendanceOpensAt(startsAt, timeZone);
}
