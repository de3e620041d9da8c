import { DateTime } from 'luxon';

/**
 * The only source of "now" for the domain and the use cases. Injected everywhere so that
 * deadlines and lead times can be tested at exact instants without waiting for real time.
 */
export interface Clock {
  now(): DateTime;
}

/** A clock that always answers the same instant; for tests and for replaying a decision. */
export function fixedClock(isoInstant: string): Clock {
  const instant = DateTime.fromISO(isoInstant, { setZone: true });
  if (!instant.isValid) {
    throw new Error(`Invalid instant for fixedClock: ${isoInstant}`);
  }
  return { now: () => instant };
}

/**
 * An instant as Gremium stores and compares it: ISO 8601 in UTC, so that stored instants sort and
 * compare as strings in time order. An invalid instant is a bug, not a value to store.
 */
export function toUtcIso(instant: DateTime): string {
  const iso = instant.toUTC().toISO();
  if (iso === null) throw new Error(`Invalid instant: ${instant.invalidExplanation ?? instant.invalidReason}`);
  return iso;
}

/** Now, as Gremium stores and compares instants (see `toUtcIso`). */
export function nowUtcIso(clock: Clock): string {
  return toUtcIso(clock.now());
}
