import assert from 'node:assert/strict';
import { wrongState } from '../../../src/domain/sessions/wrong-state';

describe('domain/sessions/wrong-state', () => {
  const session = { id: 'session-2027-1', number: '2027/1', state: 'held', revision: 4 } as const;

  it('carries the session, its state and that the session itself was asked of, by default', () => {
    assert.deepEqual(wrongState(session), {
      kind: 'wrongState',
      sessionId: 'session-2027-1',
      number: '2027/1',
      state: 'held',
      concerns: 'session',
    });
  });

  it('says when the minutes or the invitation were asked of', () => {
    assert.equal(wrongState(session, 'minutes').concerns, 'minutes');
    assert.equal(wrongState(session, 'invitation').concerns, 'invitation');
  });
});
