import { DateTime } from 'luxon';
import { toUtcIso } from '../clock';
import { fail, ok, type Result } from '../result';
import { checkText, TEXT_FIELDS, type TextField } from '../text-input';
import { isWebLink } from '../web-link';

/** The session card's edit form as it arrives: untrusted strings. */
export interface SessionEditInput {
  readonly date?: unknown;
  readonly time?: unknown;
  readonly place?: unknown;
  readonly onlineLink?: unknown;
  readonly chair?: unknown;
}

/** What an edit changes; times are UTC instants, free text trimmed, empty text removed. */
export interface SessionEdit {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string;
  readonly onlineLink?: string;
  readonly chair?: string;
}

export type SessionEditField = 'date' | 'time' | 'place' | 'onlineLink' | 'chair';
export type SessionEditProblem =
  | { readonly field: SessionEditField; readonly code: 'required' | 'invalid' }
  /** Control characters (a carriage return, a tab), HTML tags or template expressions. */
  | { readonly field: SessionEditField; readonly code: 'markup' }
  | { readonly field: SessionEditField; readonly code: 'tooLong'; readonly max: number };

export const SESSION_TEXT_LIMITS = {
  place: TEXT_FIELDS.sessionPlace.max,
  onlineLink: TEXT_FIELDS.onlineLink.max,
} as const;

/**
 * Reads the edit form against the session's time zone. The session keeps its length, so moving
 * the start moves the end. A link must be http(s): anything else (javascript:, file:) would be
 * offered to every invitee as a button.
 */
export function parseSessionEdit(
  input: SessionEditInput,
  current: { readonly startsAt: string; readonly endsAt: string },
  timeZone: string,
): Result<SessionEdit, SessionEditProblem[]> {
  const problems: SessionEditProblem[] = [];
  const date = text(input.date);
  const time = text(input.time);
  if (!date) problems.push({ field: 'date', code: 'required' });
  if (!time) problems.push({ field: 'time', code: 'required' });
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: timeZone }) : undefined;
  if (date && !day?.isValid) problems.push({ field: 'date', code: 'invalid' });
  const clock = parseClockTime(time);
  if (time && !clock) problems.push({ field: 'time', code: 'invalid' });

  const place = limited(input.place, 'place', 'sessionPlace', problems);
  const chair = limited(input.chair, 'chair', 'institution', problems);
  const onlineLink = limited(input.onlineLink, 'onlineLink', 'onlineLink', problems);
  if (onlineLink && !isWebLink(onlineLink)) problems.push({ field: 'onlineLink', code: 'invalid' });

  if (problems.length > 0 || !day || !clock) return fail(problems);
  const start = day.set({ ...clock, second: 0, millisecond: 0 });
  const length = DateTime.fromISO(current.endsAt).diff(DateTime.fromISO(current.startsAt));
  return ok({
    startsAt: toUtcIso(start),
    endsAt: toUtcIso(start.plus(length)),
    ...(place ? { place } : {}),
    ...(onlineLink ? { onlineLink } : {}),
    ...(chair ? { chair } : {}),
  });
}

/** A time of day typed as `9:30`, `09:30` or `09:30:00` (a time input's value), or undefined. */
export function parseClockTime(text: string): { readonly hour: number; readonly minute: number } | undefined {
  const clock = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  const hour = Number(clock?.[1]);
  const minute = Number(clock?.[2]);
  return clock && hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** A calendar date typed as `2027-05-20` or `20.05.2027`, as ISO `yyyy-MM-dd`. */
export function parseLocalDate(text: string): string | undefined {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const date = german
    ? DateTime.fromObject({ year: Number(german[3]), month: Number(german[2]), day: Number(german[1]) })
    : DateTime.fromISO(trimmed);
  if (!date.isValid || (!german && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed))) return undefined;
  return date.toISODate()!;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * An optional text field of the form. A value that is no text (an array, an object, a number)
 * was not typed into the form: read as empty, it would silently clear the field, so the checker
 * refuses it as invalid.
 */
function limited(
  value: unknown,
  field: SessionEditField,
  checked: TextField,
  problems: SessionEditProblem[],
): string | undefined {
  return checkText(checked, value, (code, max) =>
    problems.push(code === 'tooLong' ? { field, code, max } : { field, code }),
  );
}
