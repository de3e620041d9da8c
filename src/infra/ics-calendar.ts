import { createEvent, type EventAttributes } from 'ics';
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
 */
export class IcsCalendarWriter implements CalendarWriter {
  write(event: CalendarEvent): string {
    const start = instant(event.startsAt, 'startsAt', event.uid);
    const end = instant(event.endsAt, 'endsAt', event.uid);
    if (end <= start) throw new Error(`Calendar event ${event.uid} ends before it starts (${event.startsAt} – ${event.endsAt})`);
    const attributes: EventAttributes & { readonly timestamp: number } = {
      productId: GREMIUM_PRODUCT_ID,
      method: event.cancelled ? 'CANCEL' : 'PUBLISH',
      uid: event.uid,
      sequence: event.sequence,
      timestamp: instant(event.stampedAt, 'stampedAt', event.uid),
      title: event.title,
      description: event.description,
      location: event.location,
      url: event.url,
      start,
      startInputType: 'utc',
      startOutputType: 'utc',
      end,
      endInputType: 'utc',
      endOutputType: 'utc',
      status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
      organizer: event.organizer ? { name: event.organizer.name, email: event.organizer.email } : undefined,
    };
    const { error, value } = createEvent(attributes);
    if (error || !value) {
      const reason = (error as { message?: unknown } | null)?.message ?? 'no output';
      throw new Error(`Could not write calendar event ${event.uid}: ${String(reason)}`, { cause: error ?? undefined });
    }
    return value;
  }
}

/** Milliseconds since the epoch (an instant without offset is UTC); `ics` would copy a string into the file unchecked. */
function instant(iso: string, field: string, uid: string): number {
  const parsed = DateTime.fromISO(iso, { zone: 'utc' });
  if (!parsed.isValid) throw new Error(`Calendar event ${uid} has an invalid ${field}: ${JSON.stringify(iso)}`);
  return parsed.toMillis();
}
