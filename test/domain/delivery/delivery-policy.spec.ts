import assert from 'node:assert/strict';
import { nextStepAfterFailure } from '../../../src/domain/delivery/delivery-policy';

const middle = () => 0.5;

describe('domain/delivery/delivery-policy', () => {
  it('retries 412, 429, 502, 503, 504 and network errors', () => {
    for (const status of [412, 429, 502, 503, 504, null]) {
      assert.equal(nextStepAfterFailure(1, { status }, middle).kind, 'retry', String(status));
    }
  });

  it('gives up at once on 403, 404 and other client errors', () => {
    for (const status of [400, 401, 403, 404, 413]) {
      assert.deepEqual(
        nextStepAfterFailure(1, { status }, middle),
        { kind: 'fail', reason: 'permanent' },
        String(status),
      );
    }
  });

  it('backs off exponentially with jitter, capped', () => {
    const delays = [1, 2, 3, 4].map((attempt) => nextStepAfterFailure(attempt, { status: 503 }, middle));
    assert.deepEqual(
      delays,
      [750, 1500, 3000, 6000].map((delayMs) => ({ kind: 'retry', delayMs })),
    );
    assert.deepEqual(
      nextStepAfterFailure(1, { status: 503 }, () => 0),
      { kind: 'retry', delayMs: 500 },
    );
    assert.deepEqual(
      nextStepAfterFailure(7, { status: 503 }, () => 0.999999),
      { kind: 'retry', delayMs: 64_000 },
    );
    const policy = { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 60_000 };
    assert.deepEqual(
      nextStepAfterFailure(20, { status: 503 }, () => 0.999999, policy),
      { kind: 'retry', delayMs: 60_000 },
    );
  });

  it('never retries sooner than Retry-After', () => {
    assert.deepEqual(nextStepAfterFailure(1, { status: 429, retryAfterMs: 4000 }, middle), {
      kind: 'retry',
      delayMs: 4000,
    });
  });

  it('stops after the last attempt, so nothing is retried forever', () => {
    assert.deepEqual(nextStepAfterFailure(8, { status: 503 }, middle), { kind: 'fail', reason: 'attemptsExhausted' });
  });
});
