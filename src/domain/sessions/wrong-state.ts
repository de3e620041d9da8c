import { hasMinutes, isBeforeHeld, isBeforeInvitation, isCancelled, type SessionState } from './session-state';

/**
 * What was asked of the session, as far as the person's message goes, so that the answer can say
 * what to do instead: a change of the session itself (edit, move, cancel), the call for topics,
 * the invitation, its agenda (topics, items, publication), its attendance, something that needs
 * the invitations out (answers, reminders), or its minutes.
 */
export type WrongStateConcern =
  'session' | 'callForTopics' | 'invite' | 'agenda' | 'attendance' | 'invitation' | 'minutes';

/**
 * Why the session's state does not allow what was asked, as a person would put it: it was
 * cancelled, it has already taken place, it has not taken place yet, nobody was invited yet, its
 * minutes are out (so what they record is fixed), or, where none of these says it, not now.
 */
export type WrongStateReason = 'cancelled' | 'alreadyHeld' | 'notYetHeld' | 'notInvited' | 'minutesOut' | 'notNow';

/**
 * The one refusal of every use case that finds the session in a state that does not allow what
 * was asked. It carries what the bot needs to put it into words (the session's number, why in a
 * person's terms, what was asked, and where the same would be possible instead), so no caller has
 * to look the session up again and every such refusal reads the same. The state itself is there
 * for logs and tests; the words never show it.
 */
export interface WrongState {
  readonly kind: 'wrongState';
  readonly sessionId: string;
  readonly number: string;
  readonly state: SessionState;
  readonly concerns: WrongStateConcern;
  readonly reason: WrongStateReason;
  /** The number of the next session where what was asked is possible, when the use case looked for one. */
  readonly next?: string;
}

/** Why, in a person's terms, the state refuses what was asked (see `WrongStateReason`). */
export function wrongStateReason(state: SessionState, concerns: WrongStateConcern): WrongStateReason {
  if (isCancelled(state)) return 'cancelled';
  if (concerns === 'minutes') return isBeforeHeld(state) ? 'notYetHeld' : 'notNow';
  if ((concerns === 'invitation' || concerns === 'attendance') && isBeforeInvitation(state)) return 'notInvited';
  if (concerns === 'attendance' && hasMinutes(state)) return 'minutesOut';
  return hasMinutes(state) ? 'alreadyHeld' : 'notNow';
}

/** The refusal for a session whose state does not allow what was asked (see `WrongState`). */
export function wrongState(
  session: { readonly id: string; readonly number: string; readonly state: SessionState },
  concerns: WrongStateConcern = 'session',
  next?: { readonly number: string },
): WrongState {
  return {
    kind: 'wrongState',
    sessionId: session.id,
    number: session.number,
    state: session.state,
    concerns,
    reason: wrongStateReason(session.state, concerns),
    ...(next ? { next: next.number } : {}),
  };
}
