import type { Document } from '../ports/document-store';
import type { PublishedAgenda } from '../agenda/agenda-document';
import type { PlannedSession } from '../../domain/sessions/plan-year';
import type { InvitedSeat } from '../../domain/sessions/invitation';
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
   * Increases with every change; cards showing an older revision are outdated, and it is the
   * calendar event's SEQUENCE, so calendars take the newest version.
   */
  readonly revision: number;
  /** The seats as they were when the invitations went out; set by inviting. */
  readonly invitedSeats?: readonly InvitedSeat[];
  readonly invitedAt?: string;
  /** The agenda as last published, which every invitation shows; none before the first version. */
  readonly agenda?: PublishedAgenda;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy?: string;
}

/** One id per session number, so planning a year twice finds the sessions it made before. */
export function sessionDocumentId(year: number, sequence: number): string {
  return `session-${year}-${sequence}`;
}

/** A planned session as it is first stored: state `planned`, revision 1. */
export function newSessionDocument(committeeId: string, planned: PlannedSession, nowIso: string, by: string): SessionDocument {
  return {
    id: sessionDocumentId(planned.year, planned.sequence),
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
