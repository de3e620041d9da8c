import assert from 'node:assert/strict';
import { startNodeOptions } from '../../bench/bot-process';
import { idleRss, leastSquaresSlope, soak } from '../../bench/memory';

/**
 * The memory benchmarks' own checks, tiny, so `npm run bench` does not break unnoticed. Sizes
 * are reported by the benchmark, never asserted.
 */
describe('bench/memory', function () {
  this.timeout(300_000);

  it('reads the RSS of both bots after one "hilfe" and reports their ratio', async () => {
    const result = await idleRss(1);
    for (const figure of [result.idleRssRatio, result.gremiumMb.median, result.echoMb.median]) {
      assert.ok(Number.isFinite(figure) && figure > 0, JSON.stringify(result));
    }
  });

  it('answers every mixed turn, agenda edits among them, and reports the growth', async () => {
    const result = await soak({ turns: 36, warmUp: 12, members: 4 });
    assert.equal(result.failed, 0, JSON.stringify(result));
    assert.equal(
      Object.values(result.turnsByKind).reduce((sum, count) => sum + count, 0),
      48,
    );
    assert.ok((result.turnsByKind.agendaEdit ?? 0) > 0, JSON.stringify(result.turnsByKind));
    assert.ok(Number.isFinite(result.soakGrowth), JSON.stringify(result));
    for (const figure of [result.rssAfterWarmUpMb, result.rssAfterMb, result.rssPeakMb]) {
      assert.ok(Number.isFinite(figure) && figure > 0, JSON.stringify(result));
    }
  });

  it("runs the bot with npm start's node options and reads its heap after a full collection", async () => {
    const result = await soak({ turns: 1000, warmUp: 500, members: 4 });
    assert.deepEqual(result.nodeArgs, startNodeOptions());
    assert.ok(Number.isFinite(result.heapGrowth) && Number.isFinite(result.rssTrendGrowth), JSON.stringify(result));
    assert.ok(result.heapAfterWarmUpMb > 0 && result.heapAfterMb > 0, JSON.stringify(result));
    // Samples every 500 turns: after the warm-up (collected) and at the end (collected), one between.
    assert.deepEqual(
      result.samples.map((taken) => [taken.turn, taken.collected]),
      [
        [500, true],
        [1000, false],
        [1500, true],
      ],
    );
  });

  it('draws the trend through the samples by least squares', () => {
    assert.equal(
      leastSquaresSlope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
      2,
    );
    assert.equal(
      leastSquaresSlope([
        [0, 10],
        [1, 0],
        [2, 10],
        [3, 0],
      ]),
      -2,
    );
    assert.equal(leastSquaresSlope([[5, 1]]), 0);
  });
});
