import type { Document } from '../ports/document-store';
import type { PublishedAgenda } from '../agenda/agenda-document';
import type { PlannedSession } from '../../domain/sessions/plan-year';
import type { InvitedSeat } from '../../domain/sessions/invited-seat';
import type { SessionState } from '../../domain/sessions/session-state';

/** A session of the committee as stored: what planning proposed plus the secretariat's edits. */
export interface SessionDocument extends Document {
  readonly type: 'session';
  readonly number: string;
  readonly year: number;
  readonly sequence: number;
  readonly extra: boolean;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly chair?: string;
  readonly place?: string;
  readonly onlineLink?: string;
  readonly state: SessionState;
  /**
   * The secretariat's reason when it cancelled the session; the Outlook event's cancellation
   * carries it to the attendees.
   */
  readonly cancellationReason?: string;
  /**
   * Increases with every change; cards showing an older revision are outdated, and it is the
   * calendar event's SEQUENCE, so calendars take the newest version.
   */
  readonly revision: number;
  /** The seats as they were when the invitations went out; set by inviting. */
  readonly invitedSeats?: readonly InvitedSeat[];
  readonly invitedAt?: string;
  /**
   * When the call for topics went out; absent while it has not. A track of its own beside the
   * state, so the call is possible before and after the invitation (see `takesCallForTopics`).
   */
  readonly topicsCalledAt?: string;
  /** The agenda as last published, which every invitation shows; none before the first version. */
  readonly agenda?: PublishedAgenda;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy?: string;
}

/**
 * One id per session number, so planning a year twice finds the sessions it made before and
 * adding an extra session twice at once makes one: `session-2027-1` for 2027/1,
 * `session-2027-s1` for 2027/S1. Look sessions up by number with `sessionByNumber`, not by this
 * id: an extra session stored before extra sessions had numbers of their own may hold a regular
 * session's id (see `planSessions`).
 */
export function sessionDocumentId(year: number, sequence: number, extra = false): string {
  return `session-${year}-${extra ? 's' : ''}${sequence}`;
}

/**
 * Where a regular session is stored when its own id is held by such an earlier extra session.
 * Derived, so that planning again finds it.
 */
export function displacedSessionDocumentId(year: number, sequence: number): string {
  return `${sessionDocumentId(year, sequence)}-regular`;
}

/**
 * A planned session as it is first stored: state `planned`, revision 1; under its number's id unless another `id` is given.
 */
export function newSessionDocument(
  committeeId: string,
  planned: PlannedSession,
  nowIso: string,
  by: string,
  id = sessionDocumentId(planned.year, planned.sequence, planned.extra),
): SessionDocument {
  return {
    id,
    committeeId,
    type: 'session',
    number: planned.number,
    year: planned.year,
    sequence: planned.sequence,
    extra: planned.extra,
    startsAt: planned.startsAt,
    endsAt: planned.endsAt,
    ...(planned.chair ? { chair: planned.chair } : {}),
    state: 'planned',
    revision: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
    updatedBy: by,
  };
}
