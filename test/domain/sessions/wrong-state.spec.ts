import assert from 'node:assert/strict';
import { SESSION_STATES } from '../../../src/domain/sessions/session-state';
import { wrongState, wrongStateReason, type WrongStateConcern } from '../../../src/domain/sessions/wrong-state';

describe('domain/sessions/wrong-state', () => {
  const session = { id: 'session-2027-1', number: '2027/1', state: 'held', revision: 4 } as const;

  it('carries the session, its state, that the session itself was asked of by default, and why', () => {
    assert.deepEqual(wrongState(session), {
      kind: 'wrongState',
      sessionId: 'session-2027-1',
      number: '2027/1',
      state: 'held',
      concerns: 'session',
      reason: 'alreadyHeld',
    });
  });

  it('says what was asked of, and names the next session where the same is possible', () => {
    assert.equal(wrongState(session, 'minutes').concerns, 'minutes');
    assert.equal(wrongState(session, 'invitation').concerns, 'invitation');
    assert.equal(wrongState(session, 'callForTopics', { number: '2027/2' }).next, '2027/2');
    assert.equal('next' in wrongState(session, 'callForTopics'), false);
  });

  it('says why in a person’s terms for every state and everything that can be asked', () => {
    const concerns: WrongStateConcern[] = [
      'session',
      'callForTopics',
      'invite',
      'agenda',
      'attendance',
      'invitation',
      'minutes',
    ];
    const table = Object.fromEntries(
      concerns.map((concern) => [
        concern,
        Object.fromEntries(SESSION_STATES.map((state) => [state, wrongStateReason(state, concern)])),
      ]),
    );
    const always = (reason: string, held: string, notInvited = reason) => ({
      planned: notInvited,
      topicsOpen: notInvited,
      invited: reason,
      held,
      minutesCirculated: held,
      minutesApproved: held,
      closed: held,
      cancelled: 'cancelled',
    });
    assert.deepEqual(table, {
      session: always('notNow', 'alreadyHeld'),
      callForTopics: always('notNow', 'alreadyHeld'),
      invite: always('notNow', 'alreadyHeld'),
      agenda: always('notNow', 'alreadyHeld'),
      attendance: { ...always('notNow', 'minutesOut', 'notInvited'), held: 'minutesOut' },
      invitation: always('notNow', 'alreadyHeld', 'notInvited'),
      minutes: always('notYetHeld', 'notNow'),
    });
  });
});
