import assert from 'node:assert/strict';
import { extraSequencesOf, formatSessionNumber, parseSessionNumber } from '../../../src/domain/sessions/session-number';

describe('domain/sessions/session-number', () => {
  it('reads regular and extra numbers as people type them', () => {
    assert.deepEqual(parseSessionNumber('2027/1'), { year: 2027, sequence: 1, extra: false });
    assert.deepEqual(parseSessionNumber(' 2027 / 12 '), { year: 2027, sequence: 12, extra: false });
    assert.deepEqual(parseSessionNumber('2027/S1'), { year: 2027, sequence: 1, extra: true });
    assert.deepEqual(parseSessionNumber('2027/s 2'), { year: 2027, sequence: 2, extra: true });
  });

  it('refuses anything else', () => {
    for (const text of ['', '2027', '2027/0', '2027/S0', '27/1', '2027/E1', '2027/SS1', '2027/123', '2027-1', 'S1']) {
      assert.equal(parseSessionNumber(text), undefined, text);
    }
  });

  it('writes what it reads', () => {
    for (const text of ['2027/1', '2027/3', '2027/S1', '2028/S12'])
      assert.equal(formatSessionNumber(parseSessionNumber(text)!), text);
  });

  it('counts only the extra sessions of the year asked for', () => {
    assert.deepEqual(extraSequencesOf(['2027/1', '2027/S1', '2027/4', '2027/S3', '2028/S2'], 2027), [1, 3]);
  });
});
