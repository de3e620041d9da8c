import { DateTime } from 'luxon';
import type { LeadTimes } from '../committee';

/** The steps of the cycle that fall due a number of days before a session. */
export const DEADLINE_KINDS = ['callForTopics', 'topicDeadline', 'agendaDispatch', 'rsvpReminder'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface SessionDeadline {
  readonly kind: DeadlineKind;
  /** UTC instant, ISO 8601. */
  readonly dueAt: string;
}

/** Messages go out at the start of the office day, in the committee's time zone. */
const OFFICE_DAY_START = { hour: 9, minute: 0 } as const;

const LEAD_TIME_OF: Readonly<Record<DeadlineKind, keyof LeadTimes>> = {
  callForTopics: 'callForTopicsDays',
  topicDeadline: 'topicDeadlineDays',
  agendaDispatch: 'agendaDispatchDays',
  rsvpReminder: 'rsvpReminderDays',
};

/**
 * When each step of the cycle is due for a session starting at `sessionStartsAt`: the given number
 * of calendar days before the session's local date. Calls, agenda and reminders go out at 09:00
 * local time; the topic deadline closes at the end of its day (midnight). Counting in local
 * calendar days keeps the hour right across a daylight-saving change.
 */
export function sessionDeadlines(sessionStartsAt: string, leadTimes: LeadTimes, timeZone: string): SessionDeadline[] {
  const sessionDay = DateTime.fromISO(sessionStartsAt, { zone: 'utc' }).setZone(timeZone).startOf('day');
  if (!sessionDay.isValid) throw new Error(`Invalid session start or time zone: ${sessionStartsAt}, ${timeZone}`);
  return DEADLINE_KINDS.map((kind) => {
    const day = sessionDay.minus({ days: leadTimes[LEAD_TIME_OF[kind]] });
    const due = kind === 'topicDeadline' ? day.plus({ days: 1 }) : day.set(OFFICE_DAY_START);
    return { kind, dueAt: due.toUTC().toISO()! };
  });
}
