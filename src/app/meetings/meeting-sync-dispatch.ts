import type { AppDependencies } from '../dependencies';
import { enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { BatchOperation } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';

/** The outbox message kind of a session's Outlook event being brought up to date. */
export const MEETING_SYNC_MESSAGE_KIND = 'organiserCalendar';

/** The recipient label the delivery report replaces with words; a marker, not text for a reader. */
export const ORGANISER_CALENDAR_LABEL = 'organiser calendar';

/**
 * The batch operation that queues bringing the session's Outlook event up to date, for the
 * caller to write in the same batch as the change that causes it; none when no organiser
 * mailbox is configured. The record carries no event data: the sender reconciles the event with
 * the session as it is when the record is sent, so a late or repeated record never undoes a
 * newer change. `cause` makes the dispatch id unique per change (`r3` for revision 3,
 * `deputy:<id>` for a deputy called in), so a re-delivered action queues nothing twice.
 */
export function meetingSyncOperations(
  deps: Pick<AppDependencies, 'organiserMailbox'>,
  session: Pick<SessionDocument, 'id' | 'committeeId' | 'number' | 'revision'>,
  nowIso: string,
  cause: string = `r${session.revision}`,
): BatchOperation[] {
  if (!deps.organiserMailbox) return [];
  const dispatchId = meetingSyncDispatchId(session.id, cause);
  const draft: OutboxDraft = {
    key: dispatchId,
    recipient: { kind: 'organiserCalendar', sessionId: session.id },
    recipientLabel: ORGANISER_CALENDAR_LABEL,
    message: { kind: MEETING_SYNC_MESSAGE_KIND, data: { sessionId: session.id } },
  };
  return [
    enqueueOperation(session.committeeId, dispatchId, [draft], nowIso, {
      kind: 'outlookEvent',
      audience: 'organiserMailbox',
      sessionNumber: session.number,
    }),
  ];
}

export function meetingSyncDispatchId(sessionId: string, cause: string): string {
  return `meeting:${sessionId}:${cause}`;
}
