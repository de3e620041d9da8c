import assert from 'node:assert/strict';
import {
  allowsStep,
  hasMinutes,
  invitationsAreOut,
  isBeforeHeld,
  isBeforeInvitation,
  isBetweenInvitationAndMinutes,
  isCancelled,
  isFinished,
  isRepeatOf,
  nextState,
  SESSION_STATES,
  takesTopics,
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

describe('domain/sessions/session-state: the rules of which state allows what', () => {
  /** Expected answers, written out per state so that a changed rule shows up here. */
  const EXPECTED: Record<
    SessionState,
    {
      beforeHeld: boolean;
      beforeInvitation: boolean;
      invitationsOut: boolean;
      betweenInvitationAndMinutes: boolean;
      minutes: boolean;
      finished: boolean;
      cancelled: boolean;
    }
  > = {
    planned: {
      beforeHeld: true,
      beforeInvitation: true,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: false,
      finished: false,
      cancelled: false,
    },
    topicsOpen: {
      beforeHeld: true,
      beforeInvitation: true,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: false,
      finished: false,
      cancelled: false,
    },
    invited: {
      beforeHeld: true,
      beforeInvitation: false,
      invitationsOut: true,
      betweenInvitationAndMinutes: true,
      minutes: false,
      finished: false,
      cancelled: false,
    },
    held: {
      beforeHeld: false,
      beforeInvitation: false,
      invitationsOut: false,
      betweenInvitationAndMinutes: true,
      minutes: true,
      finished: false,
      cancelled: false,
    },
    minutesCirculated: {
      beforeHeld: false,
      beforeInvitation: false,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: true,
      finished: false,
      cancelled: false,
    },
    minutesApproved: {
      beforeHeld: false,
      beforeInvitation: false,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: true,
      finished: true,
      cancelled: false,
    },
    closed: {
      beforeHeld: false,
      beforeInvitation: false,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: true,
      finished: true,
      cancelled: false,
    },
    cancelled: {
      beforeHeld: false,
      beforeInvitation: false,
      invitationsOut: false,
      betweenInvitationAndMinutes: false,
      minutes: false,
      finished: true,
      cancelled: true,
    },
  };

  it('covers every state', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...SESSION_STATES].sort());
  });

  for (const state of SESSION_STATES) {
    it(`answers every rule for a session that is ${state}`, () => {
      const expected = EXPECTED[state];
      assert.deepEqual(
        {
          beforeHeld: isBeforeHeld(state),
          beforeInvitation: isBeforeInvitation(state),
          invitationsOut: invitationsAreOut(state),
          betweenInvitationAndMinutes: isBetweenInvitationAndMinutes(state),
          minutes: hasMinutes(state),
          finished: isFinished(state),
          cancelled: isCancelled(state),
        },
        expected,
      );
      assert.equal(takesTopics(state), expected.beforeHeld, 'topics are taken until the session is held');
    });
  }

  it('allows each step from exactly the states of the cycle', () => {
    const allowedFrom: Record<SessionStep, SessionState[]> = {
      openTopics: ['planned'],
      invite: ['planned', 'topicsOpen'],
      hold: ['invited'],
      circulateMinutes: ['held'],
      approveMinutes: ['minutesCirculated'],
      close: ['minutesApproved'],
      cancel: ['planned', 'topicsOpen', 'invited'],
      reschedule: ['planned', 'topicsOpen', 'invited'],
    };
    for (const [step, states] of Object.entries(allowedFrom) as Array<[SessionStep, SessionState[]]>) {
      for (const state of SESSION_STATES) {
        assert.equal(allowsStep(state, step), states.includes(state), `${step} from ${state}`);
        assert.equal(nextState(state, step).ok, states.includes(state), `${step} from ${state}`);
      }
    }
  });

  it('recognises a repeated step by the state it leads to', () => {
    const repeats: Array<[Exclude<SessionStep, 'reschedule'>, SessionState]> = [
      ['openTopics', 'topicsOpen'],
      ['invite', 'invited'],
      ['hold', 'held'],
      ['circulateMinutes', 'minutesCirculated'],
      ['approveMinutes', 'minutesApproved'],
      ['close', 'closed'],
      ['cancel', 'cancelled'],
    ];
    for (const [step, reached] of repeats)
      for (const state of SESSION_STATES)
        assert.equal(isRepeatOf(state, step), state === reached, `${step} repeated from ${state}`);
  });
});
