import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import type { ChairRotation, CommitteeSettings, Term } from '../committee';
import { extraSequencesOf, formatSessionNumber } from './session-number';

/** A session as planning proposes it; the secretariat then edits date, time, place and link. */
export interface PlannedSession {
  /** `2027/1`, or `2027/S1` for an extra session: see `session-number.ts`. */
  readonly number: string;
  readonly year: number;
  /** The running number within the year, counted separately for regular and extra sessions. */
  readonly sequence: number;
  /** The term the session falls in; undefined for extra sessions. */
  readonly term?: Term;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The chairing institution; undefined when the rotation leaves it open (extra sessions). */
  readonly chair?: string;
  readonly extra: boolean;
}

/** Sessions start at 14:00 local time unless the secretariat moves them. */
export const PROPOSED_START = { hour: 14, minute: 0 } as const;
const THURSDAY = 4;

/**
 * One regular session per term of the committee's cadence: on the second Thursday of the term's
 * middle month at 14:00 in the committee's time zone, numbered `year/1`, `year/2`, … and chaired
 * per the rotation. Planning is a pure function of the year and the settings, so planning the
 * same year again proposes the same sessions (the use case then creates none twice).
 */
export function planYear(
  year: number,
  settings: Pick<CommitteeSettings, 'terms' | 'timeZone' | 'sessionLengthMinutes' | 'chairRotation'>,
): PlannedSession[] {
  return settings.terms.map((term, index) => {
    const sequence = index + 1;
    const middleMonth = term.startMonth + Math.floor((term.endMonth - term.startMonth) / 2);
    const start = secondThursday(year, middleMonth, settings.timeZone);
    return {
      number: formatSessionNumber({ year, sequence, extra: false }),
      year,
      sequence,
      term,
      startsAt: toUtcIso(start),
      endsAt: toUtcIso(start.plus({ minutes: settings.sessionLengthMinutes })),
      chair: chairOf(year, sequence, settings.terms.length, settings.chairRotation),
      extra: false,
    };
  });
}

/**
 * Who chairs the `sequence`-th regular session of `year`. The first of each year has its own
 * chair (KOG: the Lord Mayor's office); the others go round the rotating institutions in order,
 * continuing across years, so with as many institutions as later sessions each year repeats the
 * same order, and with more they take turns over the years.
 */
export function chairOf(
  year: number,
  sequence: number,
  sessionsPerYear: number,
  rotation: ChairRotation,
): string | undefined {
  if (sequence === 1 || rotation.rotating.length === 0) return rotation.firstSessionOfYear;
  const laterSessionsPerYear = Math.max(1, sessionsPerYear - 1);
  const turn = year * laterSessionsPerYear + (sequence - 2);
  return rotation.rotating[turn % rotation.rotating.length];
}

/**
 * An extra session (Sondersitzung): the next extra number of its year (`2027/S1`, `2027/S2`, …),
 * at the given local date and the usual start time; the secretariat chooses its chair. Extra
 * sessions are counted apart from the regular ones, so adding one to a year not yet planned
 * leaves every regular number free for planning.
 */
export function extraSession(
  existingNumbers: readonly string[],
  localDate: string,
  settings: Pick<CommitteeSettings, 'timeZone' | 'sessionLengthMinutes'>,
  startTime: { readonly hour: number; readonly minute: number } = PROPOSED_START,
): PlannedSession {
  const start = DateTime.fromISO(localDate, { zone: settings.timeZone }).set(startTime);
  if (!start.isValid) throw new Error(`Invalid date for an extra session: ${localDate}`);
  const year = start.year;
  const sequence = Math.max(0, ...extraSequencesOf(existingNumbers, year)) + 1;
  return {
    number: formatSessionNumber({ year, sequence, extra: true }),
    year,
    sequence,
    startsAt: toUtcIso(start),
    endsAt: toUtcIso(start.plus({ minutes: settings.sessionLengthMinutes })),
    extra: true,
  };
}

function secondThursday(year: number, month: number, timeZone: string): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1, ...PROPOSED_START }, { zone: timeZone });
  const firstThursday = first.plus({ days: (THURSDAY - first.weekday + 7) % 7 });
  return firstThursday.plus({ weeks: 1 });
}
