import type { AppDependencies } from '../dependencies';
import type { Stored } from '../ports/document-store';
import { ConcurrencyError } from '../ports/store-errors';
import { sessionMeetingDocumentId, type SessionMeetingDocument } from './session-meeting-document';

/** Rounds of reading and writing the meeting document before another writer is given up on. */
const WRITE_ATTEMPTS = 5;

/**
 * Changes the meeting document over the version read; another writer (the reading of Outlook
 * answers keeps `answersReadAt` in it) makes it read again and apply the change once more.
 */
export async function changeMeeting(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  change: (stored: SessionMeetingDocument) => SessionMeetingDocument,
): Promise<Stored<SessionMeetingDocument>> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.store.get<SessionMeetingDocument>(committeeId, sessionMeetingDocumentId(sessionId));
    if (!stored) throw new Error('the meeting document vanished while the Outlook event was brought up to date');
    const { _etag: etag, ...rest } = stored;
    try {
      return await deps.store.replace(change(rest), etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}
