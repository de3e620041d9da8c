/**
 * When a proactive message failed, whether and when to try again. Teams asks bots to retry
 * 412, 429, 502 and 504 with exponential backoff and jitter and to honour Retry-After; 503 and
 * network errors are passing too. Everything else (403 blocked or uninstalled, 404 conversation
 * gone, 400 a bad message) will not improve by repeating it.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface DeliveryPolicy {
  /** Attempts in all, the first included; after the last failure the record is marked failed. */
  readonly maxAttempts: number;
  /**
   * The first retry's delay (in its upper half with jitter) after a passing failure without
   * Retry-After (5xx, 412, no answer); it doubles with each attempt.
   */
  readonly baseDelayMs: number;
  /**
   * The same for a 429 (1000 ms unless given): being throttled, a quick retry would only be
   * throttled again. A Retry-After longer than the delay is waited instead.
   */
  readonly throttledDelayMs?: number;
  /** No computed delay is longer; a longer Retry-After is still honoured. */
  readonly maxDelayMs: number;
}

/** Default of `DeliveryPolicy.throttledDelayMs`. */
const THROTTLED_DELAY_MS = 1000;

/**
 * A passing failure is retried after 50–100 ms, then 100–200 ms, doubling: most of Teams' 503s are
 * over at once, and an outage is still waited out for 100 to 200 seconds in all (eleven retries)
 * until the record is marked failed.
 */

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 100,
  throttledDelayMs: THROTTLED_DELAY_MS,
  maxDelayMs: 5 * 60_000,
};

export type NextStep =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'fail'; readonly reason: 'permanent' | 'attemptsExhausted' };

/** A failed attempt as the connector answered it; `status` is null for network errors. */
export interface FailedAttempt {
  readonly status: number | null;
  readonly retryAfterMs?: number;
}

export function isRetryable(status: number | null): boolean {
  return status === null || RETRYABLE_STATUSES.has(status);
}

/**
 * Decides after the `attempt`-th failed attempt (1 for the first). With a Retry-After the delay is
 * exactly that, however long. Without one it doubles per attempt with jitter in its upper half,
 * from `baseDelayMs` (from `throttledDelayMs` after a 429), never above `maxDelayMs`.
 * `random` returns a number in [0, 1), injected so tests can pin it.
 */
export function nextStepAfterFailure(
  attempt: number,
  failure: FailedAttempt,
  random: () => number,
  policy = DEFAULT_DELIVERY_POLICY,
): NextStep {
  if (!isRetryable(failure.status)) return { kind: 'fail', reason: 'permanent' };
  if (attempt >= policy.maxAttempts) return { kind: 'fail', reason: 'attemptsExhausted' };
  // Teams said when: exactly then, however long, and not later for earlier failures of the record.
  if (failure.retryAfterMs !== undefined) return { kind: 'retry', delayMs: Math.round(failure.retryAfterMs) };
  const base = failure.status === 429 ? (policy.throttledDelayMs ?? THROTTLED_DELAY_MS) : policy.baseDelayMs;
  const exponential = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * random();
  return { kind: 'retry', delayMs: Math.round(Math.min(policy.maxDelayMs, jittered)) };
}
