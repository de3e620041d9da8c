import type { SessionState } from './session-state';

/**
 * What was asked of the session, as far as the person's message goes: a step or change of the
 * session itself, something about its minutes (which it does not have in this state), or
 * something about its invitation (which is not out in this state).
 */
export type WrongStateConcern = 'session' | 'minutes' | 'invitation';

/**
 * The one refusal of every use case that finds the session in a state that does not allow what
 * was asked. It carries what the bot needs to put it into words (the session's number, its state
 * for a localised label, and what was asked), so no caller has to look the session up again and
 * every such refusal reads the same.
 */
export interface WrongState {
  readonly kind: 'wrongState';
  readonly sessionId: string;
  readonly number: string;
  readonly state: SessionState;
  readonly concerns: WrongStateConcern;
}

/** The refusal for a session whose state does not allow what was asked (see `WrongState`). */
export function wrongState(
  session: { readonly id: string; readonly number: string; readonly state: SessionState },
  concerns: WrongStateConcern = 'session',
): WrongState {
  return { kind: 'wrongState', sessionId: session.id, number: session.number, state: session.state, concerns };
}
