import { fail, ok, type Result } from '../result';

/** The life of a session, in the order of the cycle. */
export const SESSION_STATES = [
  'planned',
  'topicsOpen',
  'invited',
  'held',
  'minutesCirculated',
  'minutesApproved',
  'closed',
  'cancelled',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** What moves a session on. */
export type SessionStep =
  'openTopics' | 'invite' | 'hold' | 'circulateMinutes' | 'approveMinutes' | 'close' | 'cancel' | 'reschedule';

/** Before it is held, a session can still be moved or cancelled. */
const BEFORE_HELD: readonly SessionState[] = ['planned', 'topicsOpen', 'invited'];

const ALLOWED_FROM: Readonly<Record<SessionStep, readonly SessionState[]>> = {
  openTopics: ['planned'],
  invite: ['planned', 'topicsOpen'],
  hold: ['invited'],
  circulateMinutes: ['held'],
  approveMinutes: ['minutesCirculated'],
  close: ['minutesApproved'],
  cancel: BEFORE_HELD,
  reschedule: BEFORE_HELD,
};

const RESULT_OF: Readonly<Record<Exclude<SessionStep, 'reschedule'>, SessionState>> = {
  openTopics: 'topicsOpen',
  invite: 'invited',
  hold: 'held',
  circulateMinutes: 'minutesCirculated',
  approveMinutes: 'minutesApproved',
  close: 'closed',
  cancel: 'cancelled',
};

export interface IllegalStep {
  readonly step: SessionStep;
  readonly current: SessionState;
}

/**
 * The state after the step, or why the step is not possible now: the bot names the current
 * state to the person instead of failing. Rescheduling keeps the state.
 */
export function nextState(current: SessionState, step: SessionStep): Result<SessionState, IllegalStep> {
  if (!ALLOWED_FROM[step].includes(current)) return fail({ step, current });
  return ok(step === 'reschedule' ? current : RESULT_OF[step]);
}
