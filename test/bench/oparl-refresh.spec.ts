import assert from 'node:assert/strict';
import { oparlRefresh } from '../../bench/oparl-refresh';

/** The OParl benchmark's own run, on a small organisation, so `npm run bench` does not break unnoticed. */
describe('bench/oparl-refresh', function () {
  this.timeout(60_000);

  it('publishes every committee of the organisation and reads a list page and an object', async () => {
    const result = await oparlRefresh(2, 1);
    // Per committee: the committee, 12 institutions, 24 memberships; per session a meeting,
    // a location, two files and eight agenda items.
    assert.equal(result.objects, 2 * (1 + 12 + 24 + 3 * (1 + 1 + 2 + 8)));
    for (const figure of [result.firstMs, result.unchangedMs, result.quietRoundMs, result.listPageMs, result.objectMs])
      assert.ok(figure > 0);
  });
});
