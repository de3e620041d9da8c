import assert from 'node:assert/strict';
import { schedulerDueTicks } from '../../bench/scheduler-due';

/**
 * The due-tick benchmark's own run, small (3 committees, 2 single set-ups), so `npm run bench`
 * does not break unnoticed. Times are never asserted: only that every committee's due job fired
 * once and the figures are there.
 */
describe('bench/scheduler-due', function () {
  this.timeout(120_000);

  it('fires every committee’s first due job once and gives the time per job for many committees and for one', async () => {
    const figures = await schedulerDueTicks({ committees: 3, runs: 2 });
    const { dueTick } = figures;

    assert.equal(dueTick.committees, 3);
    assert.equal(dueTick.jobsFired, 3);
    assert.equal(dueTick.kind, 'privacyRetention');
    for (const spread of [dueTick.manyCommitteesMsPerJob, dueTick.oneCommitteeMsPerJob]) {
      assert.ok(spread.min > 0 && spread.min <= spread.median && spread.median <= spread.max, JSON.stringify(spread));
    }
    assert.ok(Number.isFinite(figures.dueTickMs) && figures.dueTickMs > 0);
  });
});
