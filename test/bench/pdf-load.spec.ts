import assert from 'node:assert/strict';
import { pdfLoad } from '../../bench/pdf-load';
import { minutesPrint } from '../cards/minutes-pdf-fixtures';

/**
 * The PDF load benchmark's own checks, tiny and short, so `npm run bench` does not break
 * unnoticed. Timings are reported by the benchmark, never asserted.
 */
describe('bench/pdf-load', function () {
  this.timeout(120_000);

  it('clicks and downloads in every phase without a failure, renders new versions and reports every figure', async () => {
    const result = await pdfLoad({
      clicksPerSecond: 10,
      pdfPerSecond: 10,
      versionsPerSecond: 2,
      seconds: 1,
      mainThreadPdfPerSecond: 2,
      members: 6,
      print: () => minutesPrint(),
    });
    for (const phase of [result.baseline, result.underLoad, result.mainThreadUncached]) {
      assert.equal(phase.clicks.requests, 10);
      assert.equal(phase.clicks.errors + phase.clicks.loggedErrors, 0);
    }
    const downloads = result.underLoad.downloads!;
    assert.equal(downloads.requests, 10);
    assert.equal(downloads.ok + downloads.busy + downloads.superseded, 10);
    assert.ok(downloads.ok > 0);
    assert.equal(downloads.errors, 0);
    assert.equal(result.mainThreadUncached.downloads!.requests, 2);
    assert.equal(result.mainThreadUncached.downloads!.ok, 2);
    assert.ok(
      result.underLoad.renders! >= 1 && result.underLoad.renders! <= 2,
      `${result.underLoad.renders} renders for two new versions`,
    );
    for (const figure of [
      result.clickP99Ratio,
      result.clickP99Ms,
      result.baselineClickP99Ms,
      result.pdf.largestRenderMs,
      result.pdf.workerLongestRenderMs,
    ]) {
      assert.ok(Number.isFinite(figure) && figure > 0, JSON.stringify(result.pdf));
    }
    assert.ok(result.pdf.bytes > 1000);
    assert.ok(result.ok);
  });
});
