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

  it('retries a passing failure after 50–100 ms first, then backs off exponentially with jitter, capped', () => {
    const delays = [1, 2, 3, 4].map((attempt) => nextStepAfterFailure(attempt, { status: 503 }, middle));
    assert.deepEqual(
      delays,
      [75, 150, 300, 600].map((delayMs) => ({ kind: 'retry', delayMs })),
    );
    assert.deepEqual(
      nextStepAfterFailure(1, { status: 503 }, () => 0),
      { kind: 'retry', delayMs: 50 },
    );
    assert.deepEqual(
      nextStepAfterFailure(1, { status: null }, () => 0.999999),
      { kind: 'retry', delayMs: 100 },
    );
    assert.deepEqual(
      nextStepAfterFailure(11, { status: 503 }, () => 0.999999),
      { kind: 'retry', delayMs: 102_400 },
    );
    const policy = { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 60_000 };
    assert.deepEqual(
      nextStepAfterFailure(20, { status: 503 }, () => 0.999999, policy),
      { kind: 'retry', delayMs: 60_000 },
    );
  });

  it('waits out an outage of 100 to 200 seconds in all before giving up', () => {
    const total = (random: () => number) =>
      Array.from({ length: 11 }, (_, index) => nextStepAfterFailure(index + 1, { status: 503 }, random)).reduce(
        (sum, step) => sum + (step.kind === 'retry' ? step.delayMs : Number.NaN),
        0,
      );
    assert.ok(total(() => 0) >= 100_000, String(total(() => 0)));
    assert.ok(total(() => 0.999999) <= 205_000, String(total(() => 0.999999)));
  });

  it('retries a 429 without Retry-After no sooner than after half a second, doubling', () => {
    assert.deepEqual(
      nextStepAfterFailure(1, { status: 429 }, () => 0),
      { kind: 'retry', delayMs: 500 },
    );
    assert.deepEqual(nextStepAfterFailure(2, { status: 429 }, middle), { kind: 'retry', delayMs: 1500 });
  });

  it('retries exactly after Retry-After, however long and whichever attempt it is', () => {
    assert.deepEqual(nextStepAfterFailure(1, { status: 429, retryAfterMs: 4000 }, middle), {
      kind: 'retry',
      delayMs: 4000,
    });
    assert.deepEqual(nextStepAfterFailure(1, { status: 503, retryAfterMs: 2000 }, middle), {
      kind: 'retry',
      delayMs: 2000,
    });
    assert.deepEqual(nextStepAfterFailure(3, { status: 429, retryAfterMs: 600_000 }, middle), {
      kind: 'retry',
      delayMs: 600_000,
    });
    assert.deepEqual(
      nextStepAfterFailure(4, { status: 429, retryAfterMs: 1000 }, () => 0.999999),
      { kind: 'retry', delayMs: 1000 },
      'not longer because earlier attempts failed too',
    );
  });

  it('stops after the last attempt, so nothing is retried forever', () => {
    assert.deepEqual(nextStepAfterFailure(11, { status: 503 }, middle).kind, 'retry');
    assert.deepEqual(nextStepAfterFailure(12, { status: 503 }, middle), { kind: 'fail', reason: 'attemptsExhausted' });
  });
});
