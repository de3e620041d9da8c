import assert from 'node:assert/strict';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';

/**
 * Sends into the given conversations in turn as fast as the limiter allows, from `start`, each
 * answered `answerMs` after it left; returns when each left and when each was answered.
 */
function paced(
  limiter: SendRateLimiter,
  conversations: readonly string[],
  answerMs = 0,
  start = 0,
): { readonly left: number[]; readonly answered: number[] } {
  const left: number[] = [];
  const answered: number[] = [];
  let now = start;
  for (const conversationId of conversations) {
    let at = limiter.earliestSendAt(conversationId, now);
    if (at === undefined) {
      // Only answers can free a place: every send so far is answered at its own time.
      now = Math.max(now, ...answered);
      at = limiter.earliestSendAt(conversationId, now)!;
    }
    now = at;
    const slot = limiter.tryAcquire(conversationId, now);
    assert.ok(slot);
    left.push(now);
    answered.push(now + answerMs);
    limiter.answered(slot, now + answerMs);
  }
  return { left, answered };
}

/** The most times that fall into any window of `windowMs`, its start at one of them. */
function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

const one = (count: number) => Array.from({ length: count }, () => 'a');
const many = (count: number) => Array.from({ length: count }, (_, index) => `person-${index}`);

describe('domain/delivery/send-rate-limiter', () => {
  it("keeps one conversation within Teams' 7 per second, 8 per 2 s and 60 per 30 s", () => {
    const { left } = paced(new SendRateLimiter(), one(120));
    assert.equal(maxInAnyWindow(left, 1000), 7);
    assert.equal(maxInAnyWindow(left, 2000), 8);
    assert.equal(maxInAnyWindow(left, 30_000), 60);
    assert.deepEqual(left.slice(0, 9), [0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
  });

  it('sends the whole global budget at once, and the next burst a window after the answers', () => {
    const limiter = new SendRateLimiter({ limit: 50, windowMs: 1000 });
    const { left } = paced(limiter, many(200), 80);
    assert.equal(maxInAnyWindow(left, 1000), 50);
    assert.deepEqual([left[0], left[49], left[50], left[99], left[199]], [0, 0, 1080, 1080, 3240]);
  });

  it('never lets more than the budget reach Teams in any window, however late a request arrives', () => {
    // Each request reaches Teams somewhere between leaving and its answer; Teams counts it there.
    const limiter = new SendRateLimiter({ limit: 50, windowMs: 1000 }, undefined, 25);
    const reached: number[] = [];
    let now = 0;
    const inFlight: Array<{ slot: NonNullable<ReturnType<SendRateLimiter['tryAcquire']>>; answerAt: number }> = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let recipient = 0; recipient < 400;) {
      const slot = limiter.tryAcquire(`person-${recipient}`, now);
      if (slot) {
        const answerAt = now + 5 + Math.floor(random() * 300);
        reached.push(now + Math.floor(random() * (answerAt - now)));
        inFlight.push({ slot, answerAt });
        recipient += 1;
        continue;
      }
      const at = limiter.earliestSendAt(`person-${recipient}`, now);
      const nextAnswer = Math.min(...inFlight.map((send) => send.answerAt));
      now = Math.min(at ?? Infinity, nextAnswer);
      for (const send of inFlight.filter((each) => each.answerAt <= now)) {
        limiter.answered(send.slot, send.answerAt);
        inFlight.splice(inFlight.indexOf(send), 1);
      }
    }
    reached.sort((a, b) => a - b);
    assert.ok(maxInAnyWindow(reached, 1000) <= 50, `at most 50 in a second: ${maxInAnyWindow(reached, 1000)}`);
    assert.equal(maxInAnyWindow(reached, 1000), 50, 'and it uses the budget');
  });

  it('counts a send in flight until it is answered: the budget waits for answers, not for the clock', () => {
    const limiter = new SendRateLimiter({ limit: 2, windowMs: 1000 });
    const first = limiter.tryAcquire('a', 0)!;
    const second = limiter.tryAcquire('b', 0)!;
    assert.equal(limiter.tryAcquire('c', 5000), undefined, 'two in flight fill the budget, however long they take');
    assert.equal(limiter.earliestSendAt('c', 5000), undefined, 'only an answer can say when');
    limiter.answered(first, 5200);
    assert.equal(limiter.earliestSendAt('c', 5200), 6200, 'a window after the answer');
    limiter.answered(second, 5300);
    assert.equal(limiter.earliestSendAt('c', 6200), 6200);
    assert.ok(limiter.tryAcquire('c', 6200));
    assert.equal(limiter.earliestSendAt('d', 6200), 6300);
  });

  it('holds one conversation to 7 at once even while the global budget has room', () => {
    const limiter = new SendRateLimiter({ limit: 50, windowMs: 1000 });
    const slots = Array.from({ length: 7 }, () => limiter.tryAcquire('a', 0));
    assert.ok(slots.every(Boolean));
    assert.equal(limiter.tryAcquire('a', 0), undefined);
    assert.equal(limiter.earliestSendAt('a', 0), undefined, 'seven in flight into it');
    assert.ok(limiter.tryAcquire('b', 0), 'another conversation is not held up');
    for (const slot of slots) limiter.answered(slot!, 40);
    assert.equal(limiter.earliestSendAt('a', 40), 1040);
    assert.equal(limiter.tryAcquire('a', 1039), undefined);
  });

  it('honours a pause from Retry-After for one conversation or for all', () => {
    const limiter = new SendRateLimiter();
    limiter.pause('a', 5000);
    assert.equal(limiter.earliestSendAt('a', 0), 5000);
    assert.equal(limiter.earliestSendAt('b', 0), 0);
    limiter.pause(undefined, 2000);
    assert.equal(limiter.earliestSendAt('b', 0), 2000);
  });

  it('widens every window by a margin', () => {
    const limiter = new SendRateLimiter({ limit: 1000, windowMs: 1000 }, undefined, 25);
    paced(limiter, one(7));
    assert.equal(limiter.earliestSendAt('a', 0), 1025);
  });
});
