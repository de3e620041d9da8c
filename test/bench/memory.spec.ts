import assert from 'node:assert/strict';
import { idleRss, soak } from '../../bench/memory';

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
});
