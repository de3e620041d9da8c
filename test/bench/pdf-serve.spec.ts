import assert from 'node:assert/strict';
import { pdfServe } from '../../bench/pdf-serve';
import { minutesPrint } from '../cards/minutes-pdf-fixtures';

/**
 * The cached-PDF benchmark's own check, tiny, so `npm run bench` does not break unnoticed. Times
 * are reported by the benchmark, never asserted.
 */
describe('bench/pdf-serve', function () {
  this.timeout(120_000);

  it('serves the cached minutes and the static file and reports every figure', async () => {
    const result = await pdfServe({ requests: 5, members: 4, print: () => minutesPrint() });
    assert.equal(result.requests, 5);
    assert.ok(result.pdfBytes > 1000);
    assert.equal(result.staticBytes, 1024 * 1024);
    for (const figure of [
      result.largestRenderMs,
      result.largestRenderMaxMs,
      result.cachedServeRatio,
      result.cachedServeMs.median,
      result.staticServeMs.median,
    ]) {
      assert.ok(Number.isFinite(figure) && figure > 0, JSON.stringify(result));
    }
  });
});
