import assert from 'node:assert/strict';
import sinon from 'sinon';
import { silentLogger } from '../../src/app/ports/logger';
import { BackgroundLoop } from '../../src/infra/background-loop';

/** Lets pending promise callbacks run without moving the (fake) clock. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('infra/background-loop', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
  afterEach(() => clock.restore());

  it('runs again at once while there is work, then waits the idle time', async () => {
    const answers = [true, true, false, false];
    let rounds = 0;
    const loop = new BackgroundLoop({
      name: 'test',
      idleMs: 1000,
      logger: silentLogger,
      step: async () => answers[rounds++] ?? false,
    });
    loop.start();
    // Node runs a zero-delay timer after 1 ms at the earliest.
    await clock.tickAsync(2);
    assert.equal(rounds, 3, 'two busy rounds followed without delay by a third');
    await clock.tickAsync(998);
    assert.equal(rounds, 3, 'the idle round waits');
    await clock.tickAsync(2);
    assert.equal(rounds, 4);
    await loop.stop();
  });

  it('starts the next round when known work falls due, within the idle pause', async () => {
    let rounds = 0;
    const dueIn: Array<number | undefined> = [150, 5000, undefined];
    const loop = new BackgroundLoop({
      name: 'test',
      idleMs: 1000,
      logger: silentLogger,
      nextWorkInMs: () => dueIn[rounds - 1],
      step: async () => {
        rounds += 1;
        return false;
      },
    });
    loop.start();
    await settle();
    assert.equal(rounds, 1);
    await clock.tickAsync(149);
    assert.equal(rounds, 1);
    await clock.tickAsync(1);
    assert.equal(rounds, 2, 'a retry due in 150 ms is looked for then, not after the idle second');
    await clock.tickAsync(999);
    assert.equal(rounds, 2, 'work due later than the idle pause does not shorten it');
    await clock.tickAsync(1);
    assert.equal(rounds, 3);
    await clock.tickAsync(1000);
    assert.equal(rounds, 4, 'nothing known: the idle pause');
    await loop.stop();
  });

  it('backs off after failures instead of looping hot, and logs them', async () => {
    let rounds = 0;
    const logger = { ...silentLogger, error: sinon.spy() };
    const loop = new BackgroundLoop({
      name: 'test',
      idleMs: 100,
      logger,
      step: async () => {
        rounds += 1;
        throw new Error('store down');
      },
    });
    loop.start();
    await settle();
    assert.equal(rounds, 1);
    await clock.tickAsync(199);
    assert.equal(rounds, 1, 'the first retry waits twice the idle time');
    await clock.tickAsync(1);
    assert.equal(rounds, 2);
    await clock.tickAsync(400);
    assert.equal(rounds, 3, 'then four times');
    sinon.assert.calledThrice(logger.error);
    await loop.stop();
  });

  it('lets the current round finish on stop, aborting its signal, and runs no further round', async () => {
    let release!: () => void;
    let seenSignal: AbortSignal | undefined;
    let rounds = 0;
    const loop = new BackgroundLoop({
      name: 'test',
      idleMs: 10,
      logger: silentLogger,
      step: (signal) => {
        rounds += 1;
        seenSignal = signal;
        return new Promise<boolean>((resolve) => (release = () => resolve(true)));
      },
    });
    loop.start();
    await settle();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    assert.equal(seenSignal?.aborted, true);
    assert.equal(stopped, false, 'stop waits for the round under way');
    release();
    await stopping;
    await clock.tickAsync(1000);
    assert.equal(rounds, 1);
  });
});
