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
