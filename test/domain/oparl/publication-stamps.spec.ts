import assert from 'node:assert/strict';
import { deletionTime, stampFor } from '../../../src/domain/oparl/publication-stamps';

const T1 = '2027-02-01T10:00:00.000Z';
const T2 = '2027-02-02T10:00:00.000Z';

describe('domain/oparl/publication-stamps', () => {
  it('creates an object now, keeps its times while its content stays, and moves only modified when it changes', () => {
    assert.deepEqual(stampFor(undefined, 'a', T1), { created: T1, modified: T1, change: 'created' });
    const published = { hash: 'a', created: T1, modified: T1, deleted: false };
    assert.deepEqual(stampFor(published, 'a', T2), { created: T1, modified: T1, change: 'unchanged' });
    assert.deepEqual(stampFor(published, 'b', T2), { created: T1, modified: T2, change: 'changed' });
  });

  it('brings a deleted object back as changed, with its first created', () => {
    const gone = { hash: '', created: T1, modified: T1, deleted: true };
    assert.deepEqual(stampFor(gone, 'a', T2), { created: T1, modified: T2, change: 'changed' });
  });

  it('never dates a change or a deletion at or before the last change, even when a clock lags', () => {
    const published = { hash: 'a', created: T1, modified: T2, deleted: false };
    assert.equal(stampFor(published, 'b', T1).modified, '2027-02-02T10:00:00.001Z');
    assert.equal(stampFor(published, 'b', T2).modified, '2027-02-02T10:00:00.001Z');
    assert.equal(deletionTime(published, T1), '2027-02-02T10:00:00.001Z');
    assert.equal(deletionTime(published, '2027-03-01T00:00:00.000Z'), '2027-03-01T00:00:00.000Z');
  });
});
