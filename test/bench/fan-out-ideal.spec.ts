import assert from 'node:assert/strict';
import { fanOutIdeal } from '../../bench/fan-out-ideal';

/**
 * The fan-out benchmark against the ideal sender, small (2 rounds of 12 recipients), so
 * `npm run bench` does not break unnoticed. Timings are reported by the benchmark, never asserted:
 * only that every message arrived once and that the figures come out.
 */
describe('bench/fan-out-ideal', function () {
  this.timeout(60_000);

  it('delivers every message exactly once from the ideal sender and from Gremium, with and without faults', async () => {
    const result = await fanOutIdeal({ recipients: 12, runs: 2 });
    assert.deepEqual([result.lost, result.duplicated], [0, 0]);
    assert.ok(result.ok);
    assert.equal(result.connectorAnswers.ideal[201], 24);
    assert.equal(result.connectorAnswers.idealFault[201], 24);
    assert.equal(result.connectorAnswers.gremiumClean[201], 24);
    assert.equal(result.connectorAnswers.gremiumFault[201], 24);
    for (const figure of [result.cleanRatio, result.faultRatio]) assert.ok(Number.isFinite(figure) && figure > 0);
    for (const times of [result.gremiumCleanMs, result.idealMs, result.gremiumFaultMs, result.idealFaultMs]) {
      for (const figure of [times.median, times.min, times.max]) assert.ok(Number.isFinite(figure) && figure > 0);
      assert.ok(times.min <= times.median && times.median <= times.max);
    }
  });
});
