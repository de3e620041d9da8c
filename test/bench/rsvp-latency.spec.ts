import assert from 'node:assert/strict';
import { rsvpLatency, type LatencyStore } from '../../bench/rsvp-latency';

/**
 * The latency benchmark's own check, tiny (two runs of a few clicks) on both stores, so
 * `npm run bench` does not break unnoticed: both bots as processes with token validation on,
 * the load generator in its own process, every click accepted and every answer stored. Times are
 * reported by the benchmark, never asserted.
 */
describe('bench/rsvp-latency', function () {
  this.timeout(600_000);

  for (const store of ['embedded', 'cosmos'] as const satisfies readonly LatencyStore[]) {
    it(`answers every click with token validation on, ${store} store, and reports p99s with their spread`, async () => {
      const result = await rsvpLatency(store, { runs: 2, clicks: 8, clients: 4, warmUp: 4, auth: true });
      const shown = JSON.stringify(result);
      assert.equal(result.runs, 2);
      assert.deepEqual(result.errors, { gremium: 0, echo: 0 }, shown);
      assert.deepEqual(result.loggedErrors, { gremium: 0, echo: 0 }, shown);
      assert.deepEqual([result.lost, result.duplicated, result.connectorCalls], [0, 0, 0], shown);
      assert.equal(result.calendarLinksShown, result.clicksPerRun, `every card shows its calendar link: ${shown}`);
      assert.ok(result.ok, shown);
      assert.match(result.auth, /token validation/);
      assert.deepEqual(result.unsignedRefused, { gremium: true, echo: true }, 'a click without a token was answered');
      assert.ok(Number.isFinite(result.p99Ratio) && result.p99Ratio > 0, shown);
      for (const spread of [
        result.gremiumP99Ms,
        result.echoP99Ms,
        result.gremiumP50Ms,
        result.echoP50Ms,
        result.ratioPerRun,
      ]) {
        assert.ok(spread.min > 0 && Number.isFinite(spread.max), shown);
        assert.ok(spread.min <= spread.median && spread.median <= spread.max, shown);
      }
      // Gremium may be the faster one in a tiny run, so the difference may be below zero.
      const { min, median, max } = result.differenceMs;
      assert.ok(Number.isFinite(min) && Number.isFinite(max) && min <= median && median <= max, shown);
    });
  }
});
