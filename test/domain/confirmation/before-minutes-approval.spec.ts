import assert from 'node:assert/strict';
import { reasonsBeforeApprovingMinutes } from '../../../src/domain/confirmation/before-minutes-approval';

/** Circulated on Thursday 21 January 2027: objections until the end of Thursday 28 January (Berlin). */
const DEADLINE = '2027-01-28T23:00:00.000Z';

describe('domain/confirmation: what to ask before approving minutes', () => {
  it('asks while the objection period runs, up to its last second', () => {
    const running = [{ kind: 'objectionPeriodRunning', objectionDeadline: DEADLINE }];
    assert.deepEqual(
      reasonsBeforeApprovingMinutes({ objectionDeadline: DEADLINE, objections: 0 }, '2027-01-21T10:01:00.000Z'),
      running,
      'one minute after circulation',
    );
    assert.deepEqual(
      reasonsBeforeApprovingMinutes({ objectionDeadline: DEADLINE, objections: 0 }, '2027-01-28T22:59:59.999Z'),
      running,
    );
  });

  it('asks nothing from the deadline on, when nobody objected', () => {
    for (const now of [DEADLINE, '2027-01-29T08:00:00.000Z']) {
      assert.deepEqual(reasonsBeforeApprovingMinutes({ objectionDeadline: DEADLINE, objections: 0 }, now), [], now);
    }
  });

  it('asks about objections, during the period and after it', () => {
    assert.deepEqual(
      reasonsBeforeApprovingMinutes({ objectionDeadline: DEADLINE, objections: 2 }, '2027-01-22T09:00:00.000Z'),
      [
        { kind: 'objectionPeriodRunning', objectionDeadline: DEADLINE },
        { kind: 'objectionsRaised', objections: 2 },
      ],
    );
    assert.deepEqual(
      reasonsBeforeApprovingMinutes({ objectionDeadline: DEADLINE, objections: 1 }, '2027-02-01T09:00:00.000Z'),
      [{ kind: 'objectionsRaised', objections: 1 }],
    );
  });
});
