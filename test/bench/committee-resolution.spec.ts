import assert from 'node:assert/strict';
import { committeeResolution } from '../../bench/committee-resolution';

/**
 * The committee-resolution benchmark's own run, tiny, so `npm run bench` does not break
 * unnoticed. The store requests a turn makes are counted, not timed, so they are asserted: they
 * must not grow with the number of a person's committees once one is chosen or named.
 */
describe('bench/committee-resolution', function () {
  this.timeout(60_000);

  it('identifies the committee of a person in one or ten committees with the same few requests once one is chosen', async () => {
    const result = await committeeResolution(5);
    assert.deepEqual(
      [result.one, result.tenCurrent, result.tenNamed, result.tenUndecided].map((figures) => [
        figures.requests,
        figures.outcome,
      ]),
      [
        // The index, then committee and roster entry together (one getMany) per committee read.
        [2, 'actor'],
        [2, 'actor'],
        [11, 'actor'],
        [11, 'undecided'],
      ],
    );
    for (const figure of [result.one.p99Ms, result.tenCurrent.p99Ms, result.p99Ratio]) assert.ok(figure >= 0);
  });
});
