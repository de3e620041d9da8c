import assert from 'node:assert/strict';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';

/** Sends into one conversation as fast as the limiter allows, from t = 0, and returns the times. */
function paced(limiter: SendRateLimiter, conversationId: string, count: number, start = 0): number[] {
  const times: number[] = [];
  let now = start;
  while (times.length < count) {
    now = limiter.earliestSendAt(conversationId, now);
    assert.ok(limiter.tryAcquire(conversationId, now));
    times.push(now);
  }
  return times;
}

function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

describe('domain/delivery/send-rate-limiter', () => {
  it("keeps one conversation within Teams' 7 per second, 8 per 2 s and 60 per 30 s", () => {
    const times = paced(new SendRateLimiter(), 'a', 120);
    assert.equal(maxInAnyWindow(times, 1000), 7);
    assert.equal(maxInAnyWindow(times, 2000), 8);
    assert.equal(maxInAnyWindow(times, 30_000), 60);
    assert.deepEqual(times.slice(0, 8), [0, 20, 40, 60, 80, 100, 120, 1000]);
  });

  it('keeps all conversations together within the global budget, spread evenly', () => {
    const limiter = new SendRateLimiter({ limit: 50, windowMs: 1000 });
    const times: number[] = [];
    let now = 0;
    for (let recipient = 0; recipient < 200; recipient += 1) {
      now = limiter.earliestSendAt(`person-${recipient}`, now);
      assert.ok(limiter.tryAcquire(`person-${recipient}`, now));
      times.push(now);
    }
    assert.equal(maxInAnyWindow(times, 1000), 50);
    assert.deepEqual(times.slice(0, 3), [0, 20, 40], 'one send every 20 ms, not bursts of 50');
    assert.equal(times.at(-1), 3980);
  });

  it('refuses a slot before the window frees up', () => {
    const limiter = new SendRateLimiter();
    paced(limiter, 'a', 7);
    assert.equal(limiter.tryAcquire('a', 999), false);
    assert.equal(limiter.earliestSendAt('a', 500), 1000);
    assert.equal(limiter.tryAcquire('b', 999), true, 'another conversation is not held up');
  });

  it('honours a pause from Retry-After for one conversation or for all', () => {
    const limiter = new SendRateLimiter();
    limiter.pause('a', 5000);
    assert.equal(limiter.earliestSendAt('a', 0), 5000);
    assert.equal(limiter.earliestSendAt('b', 0), 0);
    limiter.pause(undefined, 2000);
    assert.equal(limiter.earliestSendAt('b', 0), 2000);
  });

  it('widens every window by a margin for the time a request travels', () => {
    const limiter = new SendRateLimiter({ limit: 1000, windowMs: 1000 }, undefined, 25);
    paced(limiter, 'a', 7);
    assert.equal(limiter.earliestSendAt('a', 0), 1025);
  });
});
