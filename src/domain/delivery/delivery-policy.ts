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
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };

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
 * Decides after the `attempt`-th failed attempt (1 for the first). The delay doubles per attempt
 * with full jitter in its upper half, never below the connector's Retry-After and never above
 * `maxDelayMs`. `random` returns a number in [0, 1), injected so tests can pin it.
 */
export function nextStepAfterFailure(
  attempt: number,
  failure: FailedAttempt,
  random: () => number,
  policy = DEFAULT_DELIVERY_POLICY,
): NextStep {
  if (!isRetryable(failure.status)) return { kind: 'fail', reason: 'permanent' };
  if (attempt >= policy.maxAttempts) return { kind: 'fail', reason: 'attemptsExhausted' };
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * random();
  const delayMs = Math.min(policy.maxDelayMs, Math.max(jittered, failure.retryAfterMs ?? 0));
  return { kind: 'retry', delayMs: Math.round(delayMs) };
}
