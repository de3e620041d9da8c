/**
 * Work refused because a bounded queue is full, not because it failed: the caller should answer
 * "try again later" (HTTP 503 with Retry-After) rather than report an error, and nothing is
 * remembered of the refused request.
 */
export class TooBusyError extends Error {
  constructor(
    /** When a retry has a fair chance, in whole seconds. */
    readonly retryAfterSeconds: number,
    message = 'too busy, try again later',
  ) {
    super(message);
    this.name = 'TooBusyError';
  }
}
