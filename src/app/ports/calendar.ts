/**
 * One session as a calendar event. Teams messages cannot carry files, so invitations link to the
 * bot, which answers with the session's current event; calendar apps that import it again
 * replace their copy because the UID stays the same and the sequence grows.
 */
export interface CalendarEvent {
  /** The same for every version of the session's event, so an import updates instead of adding. */
  readonly uid: string;
  /** Grows with every change (the session's revision); calendars keep the highest they saw. */
  readonly sequence: number;
  /** When this version was made (ISO UTC); the DTSTAMP, kept stable so one version is one file. */
  readonly stampedAt: string;
  readonly title: string;
  readonly description?: string;
  /** ISO instants in UTC; calendars show them in each reader's own time zone. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location?: string;
  readonly url?: string;
  /** A cancelled session stays an event, so calendars that hold it learn to drop it. */
  readonly cancelled: boolean;
  /**
   * Who invites. iCalendar names an organizer by a calendar address, so a name alone cannot be
   * written; without a mailbox, leave the organizer out.
   */
  readonly organizer?: { readonly name: string; readonly email: string };
  /** When anything the event shows last changed (ISO UTC), written as LAST-MODIFIED when given. */
  readonly modifiedAt?: string;
}

/** Turns an event into the text of an .ics file (iCalendar, RFC 5545). */
export interface CalendarWriter {
  write(event: CalendarEvent): string;
  /**
   * A subscribed calendar (a person's feed): every event in one file named `name` in calendar
   * apps, all published (cancelled ones with their cancelled status), and a hint to poll hourly.
   */
  writeFeed(name: string, events: readonly CalendarEvent[]): string;
}
