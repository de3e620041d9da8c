import { objectionsOpenAt } from '../minutes/objection-deadline';
import type { ConfirmReason } from './confirm-reason';

/** The circulated minutes as approving them asks about. */
export interface CirculatedMinutesFacts {
  /** The end of the objection period (UTC); an objection at this instant is late. */
  readonly objectionDeadline: string;
  /** Objections to the circulated version. */
  readonly objections: number;
}

/**
 * What to ask before a person approves circulated minutes at `nowIso`: that attendees may still
 * object (until the deadline's instant, which is the end of its last day), and that objections
 * wait. Approved minutes go to everyone and become final; the scheduler's approval by silence at
 * the deadline does not ask.
 */
export function reasonsBeforeApprovingMinutes(facts: CirculatedMinutesFacts, nowIso: string): ConfirmReason[] {
  return [
    ...(objectionsOpenAt(facts.objectionDeadline, nowIso)
      ? [{ kind: 'objectionPeriodRunning' as const, objectionDeadline: facts.objectionDeadline }]
      : []),
    ...(facts.objections > 0 ? [{ kind: 'objectionsRaised' as const, objections: facts.objections }] : []),
  ];
}
