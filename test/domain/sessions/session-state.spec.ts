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
  callForTopicsIsOut,
  isRepeatOf,
  lifeOf,
  nextState,
  SESSION_STATES,
  takesCallForTopics,
  takesTopics,
  withCallAsFact,
  type SessionState,
  type SessionStep,
} from '../../../src/domain/sessions/session-state';

describe('domain/sessions/session-state', () => {
  it('follows the cycle from planned to closed', () => {
    const steps: SessionStep[] = ['invite', 'hold', 'circulateMinutes', 'approveMinutes', 'close'];
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

describe('domain/sessions/session-state: the call for topics is a track of its own', () => {
  it('can go out from every prepared session, invited or not, and never once it is held or cancelled', () => {
    for (const state of SESSION_STATES) assert.equal(takesCallForTopics(state), isBeforeHeld(state), state);
    assert.ok(takesCallForTopics('invited'), 'inviting first leaves the call possible');
    assert.ok(nextState('planned', 'invite').ok, 'calling first leaves the invitation possible');
  });

  it('is out once its time is recorded, or when the session was stored in the former state for it', () => {
    assert.equal(callForTopicsIsOut({ state: 'planned' }), false);
    assert.equal(callForTopicsIsOut({ state: 'invited' }), false);
    assert.equal(callForTopicsIsOut({ state: 'invited', topicsCalledAt: '2027-01-07T08:00:00.000Z' }), true);
    assert.equal(callForTopicsIsOut({ state: 'topicsOpen' }), true);
  });

  it('writes a session of the former state as planned with its call as a fact, and leaves others alone', () => {
    const stored = { state: 'topicsOpen' as const, updatedAt: '2027-01-07T08:00:00.000Z', number: '2027/1' };
    assert.deepEqual(withCallAsFact(stored), {
      state: 'planned',
      updatedAt: '2027-01-07T08:00:00.000Z',
      topicsCalledAt: '2027-01-07T08:00:00.000Z',
      number: '2027/1',
    });
    const known = {
      state: 'topicsOpen' as const,
      updatedAt: '2027-01-09T08:00:00.000Z',
      topicsCalledAt: '2027-01-07T08:00:00.000Z',
    };
    assert.equal(withCallAsFact(known).topicsCalledAt, '2027-01-07T08:00:00.000Z');
    const invited = { state: 'invited' as const, updatedAt: '2027-01-07T08:00:00.000Z' };
    assert.equal(withCallAsFact(invited), invited);
  });

  it('reads the life of a session without its invitation', () => {
    assert.deepEqual(
      SESSION_STATES.map((state) => [state, lifeOf(state)]),
      [
        ['planned', 'prepared'],
        ['topicsOpen', 'prepared'],
        ['invited', 'prepared'],
        ['held', 'held'],
        ['minutesCirculated', 'minutesCirculated'],
        ['minutesApproved', 'minutesApproved'],
        ['closed', 'closed'],
        ['cancelled', 'cancelled'],
      ],
    );
  });
});
