import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import type { LeadTimes } from '../committee';

/** The steps of the cycle that fall due a number of days before a session. */
export const DEADLINE_KINDS = [
  'callForTopics',
  'topicDeadline',
  'agendaReview',
  'agendaDispatch',
  'rsvpReminder',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface SessionDeadline {
  readonly kind: DeadlineKind;
  /** UTC instant, ISO 8601. */
  readonly dueAt: string;
}

/** Messages go out at the start of the office day, in the committee's time zone. */
const OFFICE_DAY_START = { hour: 9, minute: 0 } as const;

/**
 * Days before the agenda lead time at which the secretariat is told what is still undecided on
 * the agenda: time to decide it before the agenda goes out (or waits for them). A review that
 * would fall on a weekend comes on the Friday before, so that there is an office day left.
 */
export const AGENDA_REVIEW_DAYS_AHEAD = 2;
const SATURDAY = 6;

const DAYS_BEFORE: Readonly<Record<DeadlineKind, (leadTimes: LeadTimes) => number>> = {
  callForTopics: (leadTimes) => leadTimes.callForTopicsDays,
  topicDeadline: (leadTimes) => leadTimes.topicDeadlineDays,
  agendaReview: (leadTimes) => leadTimes.agendaDispatchDays + AGENDA_REVIEW_DAYS_AHEAD,
  agendaDispatch: (leadTimes) => leadTimes.agendaDispatchDays,
  rsvpReminder: (leadTimes) => leadTimes.rsvpReminderDays,
};

/**
 * When each step of the cycle is due for a session starting at `sessionStartsAt`: the given number
 * of calendar days before the session's local date (the agenda review two days before the
 * agenda). Calls, reviews, agenda and reminders go out at 09:00 local time; the topic deadline
 * closes at the end of its day (midnight). Counting in local calendar days keeps the hour right
 * across a daylight-saving change.
 */
export function sessionDeadlines(sessionStartsAt: string, leadTimes: LeadTimes, timeZone: string): SessionDeadline[] {
  const sessionDay = DateTime.fromISO(sessionStartsAt, { zone: 'utc' }).setZone(timeZone).startOf('day');
  if (!sessionDay.isValid) throw new Error(`Invalid session start or time zone: ${sessionStartsAt}, ${timeZone}`);
  return DEADLINE_KINDS.map((kind) => {
    const counted = sessionDay.minus({ days: DAYS_BEFORE[kind](leadTimes) });
    const onWeekend = kind === 'agendaReview' && counted.weekday >= SATURDAY;
    const day = onWeekend ? counted.minus({ days: counted.weekday - SATURDAY + 1 }) : counted;
    const due = kind === 'topicDeadline' ? day.plus({ days: 1 }) : day.set(OFFICE_DAY_START);
    return { kind, dueAt: toUtcIso(due) };
  });
}
