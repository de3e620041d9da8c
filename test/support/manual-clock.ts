import { DateTime } from 'luxon';
import type { Clock } from '../../src/domain/clock';

/**
 * A clock that only moves when told to. `wait` advances it instead of sleeping, so code that
 * paces itself (the outbox sender) runs through hours of schedule in milliseconds.
 */
export class ManualClock implements Clock {
  private instant: DateTime;

  constructor(isoInstant: string) {
    this.instant = DateTime.fromISO(isoInstant, { zone: 'utc' });
  }

  now(): DateTime {
    return this.instant;
  }

  advance(milliseconds: number): void {
    this.instant = this.instant.plus({ milliseconds });
  }

  /**
   * Waiting until `now + milliseconds`. Several waiters at once move the clock to the latest of
   * their targets, not by the sum of their waits, as real time would.
   */
  readonly wait = async (milliseconds: number): Promise<void> => {
    const target = this.instant.plus({ milliseconds: Math.max(0, milliseconds) });
    if (target > this.instant) this.instant = target;
  };
}
