import type { Document } from '../ports/document-store';

/** The document type of a session's Outlook event. */
export const SESSION_MEETING_TYPE = 'sessionMeeting';

/** One per session, beside it: what Graph made of it, so editing the session never races with this. */
export function sessionMeetingDocumentId(sessionId: string): string {
  return `meeting-${sessionId}`;
}

/**
 * A session's event in the organiser mailbox, kept apart from the session document so that
 * Graph's answers (the event id, the join link, Outlook answers read back) are written without
 * contending with the secretariat's edits of the session.
 */
export interface SessionMeetingDocument extends Document {
  readonly type: typeof SESSION_MEETING_TYPE;
  readonly sessionId: string;
  /** The transaction id of the create that is or was under way: a retried create finds its event. */
  readonly transactionId: string;
  /** Absent until Graph answered the create. */
  readonly eventId?: string;
  readonly joinUrl?: string;
  readonly webLink?: string;
  /** The session revision the event last showed. */
  readonly syncedRevision?: number;
  /** The e-mail addresses the event has as attendees. */
  readonly attendeeEmails?: readonly string[];
  readonly cancelled?: boolean;
  /** When a read of the Outlook answers last took over answers (ISO UTC); a read finding nothing new writes nothing. */
  readonly answersReadAt?: string;
  readonly updatedAt: string;
}
