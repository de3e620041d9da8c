import assert from 'node:assert/strict';
import { startup } from '../../bench/startup';

/**
 * The start-up benchmark's own check, one start of each bot, so `npm run bench` does not break
 * unnoticed. Times are reported by the benchmark, never asserted.
 */
describe('bench/startup', function () {
  this.timeout(300_000);

  it('builds, starts both bots as processes until ready and reports a ratio with its spread', async () => {
    const result = await startup(1);
    assert.equal(result.starts, 1);
    for (const figure of [
      result.readyRatio,
      result.gremiumMs.median,
      result.gremiumMs.min,
      result.gremiumMs.max,
      result.echoMs.median,
      result.echoMs.min,
      result.echoMs.max,
    ]) {
      assert.ok(Number.isFinite(figure) && figure > 0, JSON.stringify(result));
    }
  });
});
