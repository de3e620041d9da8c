import assert from 'node:assert/strict';
import { rsvpAnswers } from '../../bench/rsvp-answers';

/**
 * The RSVP benchmark's own checks, on a small committee, so `npm run bench` does not break
 * unnoticed. Timings are reported by the benchmark, never asserted.
 */
describe('bench/rsvp-answers', function () {
  this.timeout(60_000);

  it('answers every click over HTTP on both stacks, stores each answer once and counts them exactly', async () => {
    const result = await rsvpAnswers(12);
    assert.equal(result.gremium.requests, 12);
    assert.equal(result.gremium.errors + result.gremium.loggedErrors, 0);
    assert.equal(result.echo.errors + result.echo.loggedErrors, 0);
    assert.equal(result.stored, 12);
    assert.deepEqual([result.lost, result.duplicated, result.unexpected], [0, 0, 0]);
    assert.ok(result.tallyExact, JSON.stringify({ tally: result.tally, expected: result.expectedTally }));
    assert.deepEqual(result.tally, {
      'attending:inPerson': 3,
      'attending:online': 3,
      declined: 3,
      delegated: 3,
      represented: 9,
      unanswered: 0,
    });
    assert.equal(
      result.gremium.connectorCalls,
      0,
      'an answer goes back in the invoke response, with no extra call to Teams',
    );
    assert.equal(result.echo.connectorCalls, 0);
    assert.ok(result.ok);
  });
});
