import { fail, ok, type Result } from '../result';

/**
 * The life of a session, in the order of the cycle. Every rule about which states allow what
 * lives in this file, as a named predicate: code elsewhere asks a predicate and never lists
 * states itself, so that a rule is changed in one place (a test keeps it that way).
 *
 * The state is the session's life (prepared, held, its minutes, closed, cancelled) and whether
 * the invitations are out. The other tracks of a prepared session keep their own facts beside
 * it, so that no track blocks another: the call for topics is its time (`topicsCalledAt`, see
 * `callForTopicsIsOut`) and its deadline, the agenda its published version, the attendance its
 * window on the session day. `topicsOpen` is what releases before that wrote when the call went
 * out: it reads as a planned session whose call is out, and nothing writes it any more.
 */
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
export type SessionStep = 'invite' | 'hold' | 'circulateMinutes' | 'approveMinutes' | 'close' | 'cancel' | 'reschedule';

/**
 * Before it is held, a session is still being prepared: it can be moved or cancelled, its agenda
 * built, changed and published, topics decided, and working groups can still plan to report at
 * it. Once held, what happened is recorded in its minutes instead.
 */
export function isBeforeHeld(state: SessionState): boolean {
  return state === 'planned' || state === 'topicsOpen' || state === 'invited';
}

/**
 * A session takes topic submissions for its agenda as long as the agenda can change, that is
 * until it is held (or cancelled). The topic deadline narrows this further in time (see
 * `takesTopicsAt`); the state alone answers whether it can take topics at all.
 */
export function takesTopics(state: SessionState): boolean {
  return isBeforeHeld(state);
}

/**
 * Nobody is invited yet: the session can still be invited, whether or not its call for topics
 * is out (the call is a track of its own, see `takesCallForTopics`).
 */
export function isBeforeInvitation(state: SessionState): boolean {
  return state === 'planned' || state === 'topicsOpen';
}

/**
 * The invitations are out and the session has not taken place: invitees hold a card that any
 * change (a move, the agenda, a cancellation) must reach, answers are taken and reminders sent.
 */
export function invitationsAreOut(state: SessionState): boolean {
  return state === 'invited';
}

/**
 * From the invitation until the minutes go out, the secretariat follows the answers and records
 * who attended; recording attendance marks an invited session as held.
 */
export function isBetweenInvitationAndMinutes(state: SessionState): boolean {
  return state === 'invited' || state === 'held';
}

/**
 * Once a session is held it has minutes (opened, circulated, approved), until and after it is
 * closed. A cancelled session never has any.
 */
export function hasMinutes(state: SessionState): boolean {
  return state === 'held' || state === 'minutesCirculated' || state === 'minutesApproved' || state === 'closed';
}

/**
 * The session's record is finished: its minutes are approved (or it is closed), or it was
 * cancelled. Nothing about it will be asked or answered again, so its retention period runs.
 */
export function isFinished(state: SessionState): boolean {
  return state === 'minutesApproved' || state === 'closed' || state === 'cancelled';
}

/** The session was called off: cards and calendar events say so, and it reports nothing. */
export function isCancelled(state: SessionState): boolean {
  return state === 'cancelled';
}

/**
 * A call for topics can go out while the session is prepared, invited or not: topics are
 * collected until it is held, whenever the invitation went out ("save the date" often goes out
 * first). The topic deadline narrows this in time, and a call goes out once
 * (`callForTopicsIsOut`).
 */
export function takesCallForTopics(state: SessionState): boolean {
  return isBeforeHeld(state);
}

/** What the call-for-topics track of a stored session holds. */
export interface CallForTopicsFacts {
  readonly state: SessionState;
  /** When the call for topics went out; absent while it has not. */
  readonly topicsCalledAt?: string;
}

/**
 * The call for topics went out: its time is recorded, or the session was stored in the state
 * that releases before the tracks wrote for it (`topicsOpen`).
 */
export function callForTopicsIsOut(session: CallForTopicsFacts): boolean {
  return session.topicsCalledAt !== undefined || session.state === 'topicsOpen';
}

/**
 * A session as it is written from now on: one stored in the former state `topicsOpen` becomes
 * planned with its call recorded. When that call went out was not stored; the session's last
 * change (`updatedAt`, not before the call) stands in for it. Every other session is unchanged.
 */
export function withCallAsFact<S extends CallForTopicsFacts & { readonly updatedAt: string }>(session: S): S {
  if (session.state !== 'topicsOpen') return session;
  return { ...session, state: 'planned', topicsCalledAt: session.topicsCalledAt ?? session.updatedAt };
}

/** Where a session stands in its life, as the list of sessions says it beside its tracks. */
export type SessionLife = 'prepared' | 'held' | 'minutesCirculated' | 'minutesApproved' | 'closed' | 'cancelled';

/** The session's life without the invitation: prepared (invited or not), held, its minutes, closed, cancelled. */
export function lifeOf(state: SessionState): SessionLife {
  switch (state) {
    case 'planned':
    case 'topicsOpen':
    case 'invited':
      return 'prepared';
    default:
      return state;
  }
}

/**
 * The states each step may start from. Cancelling and rescheduling are possible only while the
 * session is being prepared (see `isBeforeHeld`).
 */
const ALLOWED_FROM: Readonly<Record<SessionStep, (state: SessionState) => boolean>> = {
  invite: isBeforeInvitation,
  hold: (state) => state === 'invited',
  circulateMinutes: (state) => state === 'held',
  approveMinutes: (state) => state === 'minutesCirculated',
  close: (state) => state === 'minutesApproved',
  cancel: isBeforeHeld,
  reschedule: isBeforeHeld,
};

const RESULT_OF: Readonly<Record<Exclude<SessionStep, 'reschedule'>, SessionState>> = {
  invite: 'invited',
  hold: 'held',
  circulateMinutes: 'minutesCirculated',
  approveMinutes: 'minutesApproved',
  close: 'closed',
  cancel: 'cancelled',
};

/** Whether the session's state allows the step now. */
export function allowsStep(state: SessionState, step: SessionStep): boolean {
  return ALLOWED_FROM[step](state);
}

/**
 * Whether the session stands exactly where the step leads, so that taking it now would repeat
 * it: a second invitation is answered as already done (sending nothing twice), not as a step
 * the state forbids, and circulating the minutes again sends a revision. (A second call for
 * topics is asked of `callForTopicsIsOut`.)
 */
export function isRepeatOf(state: SessionState, step: Exclude<SessionStep, 'reschedule'>): boolean {
  return RESULT_OF[step] === state;
}

export interface IllegalStep {
  readonly step: SessionStep;
  readonly current: SessionState;
}

/**
 * The state after the step, or why the step is not possible now: the bot names the current
 * state to the person instead of failing. Rescheduling keeps the state.
 */
export function nextState(current: SessionState, step: SessionStep): Result<SessionState, IllegalStep> {
  if (!allowsStep(current, step)) return fail({ step, current });
  return ok(step === 'reschedule' ? current : RESULT_OF[step]);
}
