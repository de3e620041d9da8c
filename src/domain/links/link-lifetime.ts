import { toUtcIso } from '../clock';
import { DateTime } from 'luxon';

/**
 * What a secret download link leads to. Each kind has its own address, lookup and lifetime:
 * - `calendar`: one session's event as .ics, which follows every move of the session;
 * - `minutes`: the full minutes of one version as PDF (attendees and the secretariat);
 * - `extract`: the working group's extract of one approved version (results and agreements);
 * - `export`: a person's data export (Art. 15 GDPR);
 * - `report`, `reportCsv`: the committee's status report of one year as PDF or CSV (the secretariat).
 * A person's calendar feed of all sessions would be one more kind, with a lifetime of its own.
 */
export const LINK_KINDS = ['calendar', 'minutes', 'extract', 'export', 'report', 'reportCsv'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * A calendar link works until two weeks after the session's end: until then the event can still
 * move or be cancelled, which is what the link is for, and two weeks cover putting a session
 * into one's calendar afterwards (a travel expense claim). After that the event cannot change.
 */
export const CALENDAR_LINK_DAYS_AFTER_SESSION = 14;

/**
 * A minutes or extract link works for 90 days from when it was sent: through the objection
 * period and up to the next session (sessions are about two months apart), when the last
 * minutes are read again. A PDF is meant to be saved, not kept as an address: a forwarded link
 * dies within one session cycle, and the secretariat's own minutes card always carries a working one.
 */
export const MINUTES_LINK_DAYS = 90;

/** An export link works for a day: long enough to open it, short enough to forget. */
export const EXPORT_LINK_HOURS = 24;

/**
 * A status report link works for a week: long enough to come back to the card while writing the
 * council paper the report goes with, and the command gives a fresh link at any time. The file
 * is computed when the link is opened, so an old link never shows old figures; it needs no
 * longer life, and a card forwarded or left in a chat stops working soon.
 */
export const REPORT_LINK_DAYS = 7;

/**
 * Until when a link issued at `issuedAt` works, as a UTC instant. Calendar links need the
 * session's end; undefined when a calendar link would already have expired (a session long
 * past), so none is issued.
 */
export function linkExpiry(kind: LinkKind, issuedAt: string, sessionEndsAt?: string): string | undefined {
  const issued = DateTime.fromISO(issuedAt, { zone: 'utc' });
  switch (kind) {
    case 'calendar': {
      if (!sessionEndsAt) return undefined;
      const until = DateTime.fromISO(sessionEndsAt, { zone: 'utc' }).plus({ days: CALENDAR_LINK_DAYS_AFTER_SESSION });
      return until > issued ? toUtcIso(until) : undefined;
    }
    case 'minutes':
    case 'extract':
      return toUtcIso(issued.plus({ days: MINUTES_LINK_DAYS }));
    case 'export':
      return toUtcIso(issued.plus({ hours: EXPORT_LINK_HOURS }));
    case 'report':
    case 'reportCsv':
      return toUtcIso(issued.plus({ days: REPORT_LINK_DAYS }));
  }
}
