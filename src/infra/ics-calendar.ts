import { createEvent, createEvents, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';
import type { CalendarEvent, CalendarWriter } from '../app/ports/calendar';

/** PRODID of every file, so a calendar app can tell where an event came from. */
export const GREMIUM_PRODUCT_ID = '-//Gremium//Sitzungen//DE';

/**
 * Writes events with the `ics` package. Times go out in UTC (`…Z`), so no VTIMEZONE is needed and
 * every app shows the same instant in its reader's zone, across daylight-saving changes too.
 *
 * A current session is METHOD:PUBLISH with STATUS:CONFIRMED; a cancelled one METHOD:CANCEL with
 * STATUS:CANCELLED, and its SEQUENCE (the session's revision) is higher than any version sent
 * before, so apps that imported the event replace or remove it. `ics` writes METHOD itself (the
 * `method` attribute), so the text is not edited afterwards.
 *
 * DTSTAMP is the event's `stampedAt`, passed as `ics`' `timestamp` attribute (accepted by its
 * schema but missing from its type declarations); otherwise `ics` would read the system time, and
 * the same version of an event would be a different file on every download.
 *
 * Every text is cleaned here as a last line of defence, whatever the forms let through or older
 * records hold: `ics` escapes line feeds in text but copies a bare carriage return (and any other
 * control character) into the file, where calendar apps that end lines at a carriage return would
 * read what follows as a property of its own. Line breaks, a lone carriage return among them,
 * stay in text as line feeds (escaped as `\n` by `ics`), tabs become spaces, and every other
 * control character is removed; a link and the organizer's
 * name, which are written unescaped, lose line breaks, quotes and backslashes too.
 */
export class IcsCalendarWriter implements CalendarWriter {
  write(event: CalendarEvent): string {
    const { error, value } = createEvent({
      productId: GREMIUM_PRODUCT_ID,
      method: event.cancelled ? 'CANCEL' : 'PUBLISH',
      ...eventAttributes(event),
    });
    if (error || !value) {
      const reason = (error as { message?: unknown } | null)?.message ?? 'no output';
      throw new Error(`Could not write calendar event ${event.uid}: ${String(reason)}`, { cause: error ?? undefined });
    }
    return value;
  }

  /**
   * A person's subscribed calendar: METHOD:PUBLISH for the whole file (a cancelled session is an
   * event with STATUS:CANCELLED in it, which subscribed calendars show as cancelled or drop),
   * X-WR-CALNAME for the name calendar apps give it, and how often to poll: X-PUBLISHED-TTL
   * (Outlook; `ics` writes it) and REFRESH-INTERVAL (RFC 7986; Apple), an hour each. `ics` has no
   * attribute for REFRESH-INTERVAL, so its line is put into the calendar's header, before the
   * first event, which is the only edit made to `ics`' text.
   *
   * Times are in UTC like the single events', so no VTIMEZONE is needed and a session across a
   * daylight-saving change shows at its true instant in every reader's zone.
   */
  writeFeed(name: string, events: readonly CalendarEvent[]): string {
    const { error, value } = createEvents(events.map(eventAttributes), {
      productId: GREMIUM_PRODUCT_ID,
      method: 'PUBLISH',
      calName: calendarText(name).replace(/\n/g, ' '),
    });
    if (error || !value) {
      const reason = (error as { message?: unknown } | null)?.message ?? 'no output';
      throw new Error(`Could not write the calendar feed: ${String(reason)}`, { cause: error ?? undefined });
    }
    // At the start of a line only: a calendar name may hold the same text.
    const header = value.search(/(?<=\r\n)(BEGIN:VEVENT|END:VCALENDAR)\r\n/);
    const ttl = value.slice(0, header).includes('X-PUBLISHED-TTL:') ? '' : 'X-PUBLISHED-TTL:PT1H\r\n';
    return `${value.slice(0, header)}${ttl}REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n${value.slice(header)}`;
  }
}

/** An event's attributes for `ics`, checked and cleaned (see the class's comment). */
function eventAttributes(event: CalendarEvent): EventAttributes & { readonly timestamp: number } {
  const start = instant(event.startsAt, 'startsAt', event.uid);
  const end = instant(event.endsAt, 'endsAt', event.uid);
  if (end <= start)
    throw new Error(`Calendar event ${event.uid} ends before it starts (${event.startsAt} – ${event.endsAt})`);
  return {
    uid: event.uid,
    sequence: event.sequence,
    timestamp: instant(event.stampedAt, 'stampedAt', event.uid),
    ...(event.modifiedAt ? { lastModified: instant(event.modifiedAt, 'modifiedAt', event.uid) } : {}),
    title: calendarText(event.title),
    description: optional(event.description, calendarText),
    location: optional(event.location, calendarText),
    url: optional(event.url, calendarLink),
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: event.organizer
      ? { name: calendarParameter(event.organizer.name), email: calendarLink(event.organizer.email) }
      : undefined,
  };
}

/**
 * Line breaks (also a lone carriage return, an old Mac line end, and Unicode's separators) as
 * line feeds, which `ics` writes escaped; tabs as spaces; every other control character removed.
 */
function calendarText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
}

/** A value written as it is (a link, an address): no control character and no white space of any kind. */
function calendarLink(text: string): string {
  return text.replace(/[\s\u0000-\u001F\u007F-\u009F]/g, '');
}

/**
 * A quoted parameter value (the organizer's name): one line, without the quotes that would end it
 * and without backslashes, which parameters cannot escape but some readers take as an escape.
 */
function calendarParameter(text: string): string {
  return calendarText(text)
    .replace(/[\n"\\]/g, ' ')
    .trim();
}

function optional(value: string | undefined, clean: (text: string) => string): string | undefined {
  return value === undefined ? undefined : clean(value);
}

/** Milliseconds since the epoch (an instant without offset is UTC); `ics` would copy a string into the file unchecked. */
function instant(iso: string, field: string, uid: string): number {
  const parsed = DateTime.fromISO(iso, { zone: 'utc' });
  if (!parsed.isValid) throw new Error(`Calendar event ${uid} has an invalid ${field}: ${JSON.stringify(iso)}`);
  return parsed.toMillis();
}
