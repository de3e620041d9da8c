import assert from 'node:assert/strict';
import {
  nextState,
  SESSION_STATES,
  type SessionState,
  type SessionStep,
} from '../../../src/domain/sessions/session-state';

describe('domain/sessions/session-state', () => {
  it('follows the cycle from planned to closed', () => {
    const steps: SessionStep[] = ['openTopics', 'invite', 'hold', 'circulateMinutes', 'approveMinutes', 'close'];
    let state: SessionState = 'planned';
    for (const step of steps) {
      const result = nextState(state, step);
      assert.ok(result.ok, `${step} from ${state}`);
      state = result.value;
    }
    assert.equal(state, 'closed');
  });

  it('may invite without a call for topics', () => {
    assert.deepEqual(nextState('planned', 'invite'), { ok: true, value: 'invited' });
  });

  it('cancels and reschedules only before the session is held', () => {
    for (const state of SESSION_STATES) {
      const beforeHeld = ['planned', 'topicsOpen', 'invited'].includes(state);
      assert.equal(nextState(state, 'cancel').ok, beforeHeld, `cancel from ${state}`);
      assert.equal(nextState(state, 'reschedule').ok, beforeHeld, `reschedule from ${state}`);
    }
    assert.deepEqual(nextState('invited', 'reschedule'), { ok: true, value: 'invited' });
  });

  it('names the current state when a step is not possible', () => {
    assert.deepEqual(nextState('held', 'invite'), { ok: false, error: { step: 'invite', current: 'held' } });
    assert.deepEqual(nextState('cancelled', 'hold'), { ok: false, error: { step: 'hold', current: 'cancelled' } });
  });
});
