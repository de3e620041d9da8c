import { nowUtcIso } from '../../domain/clock';
import { invitationsAreOut } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import { ConcurrencyError } from '../ports/store-errors';
import { saveSessionChange } from '../sessions/save-session-change';
import type { SessionDocument } from '../sessions/session-document';
import { changeMeeting } from './change-meeting';

/** Rounds of reading and writing the session before a busy session is left to the next sync. */
const ATTEMPTS = 5;

/**
 * Makes the Teams meeting's join link the session's online link, so that everything showing
 * the link (the invitation card, the calendar file, the calendar feed, the session card) shows
 * the one Outlook sends, without each of them knowing of Graph.
 *
 * Before the invitations are out nobody holds the link yet: it is written without a new
 * revision, so the secretariat's open cards stay current. Once they are out (the event was made
 * late, or made again after someone deleted it in Outlook), the link is a change like any other:
 * a new revision, and every invitee gets their card again marked as changed, through
 * `saveSessionChange`. The event itself does not show the link as text, so it stays as synced.
 */
export async function adoptJoinLink(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  sessionId: string,
  joinUrl: string,
): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const session = await deps.store.get<SessionDocument>(committee.committeeId, sessionId);
    if (session?.type !== 'session' || session.onlineLink === joinUrl) return;
    const { _etag: etag, ...rest } = session;
    if (!invitationsAreOut(session.state)) {
      try {
        await deps.store.replace<SessionDocument>({ ...rest, onlineLink: joinUrl }, etag);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        continue;
      }
    }
    const changed: SessionDocument = {
      ...rest,
      onlineLink: joinUrl,
      revision: session.revision + 1,
      updatedAt: nowUtcIso(deps.clock),
    };
    const saved = await saveSessionChange(deps, committee, session, changed, {
      dispatchId: `update:${session.id}:r${changed.revision}`,
      banner: 'rescheduled',
    });
    if (!saved.ok) continue;
    await changeMeeting(deps, committee.committeeId, sessionId, (meeting) =>
      meeting.syncedRevision === session.revision ? { ...meeting, syncedRevision: changed.revision } : meeting,
    );
    return;
  }
}
