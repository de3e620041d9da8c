import { nowUtcIso, toUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import { silentLogger } from '../ports/logger';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { jobDocumentId, type JobDocument } from '../scheduling/job';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { newJobDocument, scheduleJobs } from '../scheduling/schedule-jobs';
import { invitationStatus } from '../sessions/invitation-view';
import type { SessionDocument } from '../sessions/session-document';
import { OUTLOOK_ANSWERS_JOB, readOutlookAnswers } from './read-outlook-answers';
import { SESSION_MEETING_TYPE, type SessionMeetingDocument } from './session-meeting-document';

export { OUTLOOK_ANSWERS_JOB };

/** The one such job of a committee is about the committee as a whole, not one session. */
export const OUTLOOK_ANSWERS_SUBJECT = 'outlook-answers';

/** How often the answers are read while a session takes them. */
export const OUTLOOK_ANSWERS_EVERY_MINUTES = 60;

/**
 * Makes sure the committee's hourly read of Outlook answers is scheduled, due now. Called when
 * invitations go out with Graph configured (and wherever a session gets its Outlook event); a
 * job already scheduled stays as it is, one done, cancelled or failed is started again. Nothing
 * happens without Graph, so committees without it never get the job.
 */
export async function ensureOutlookAnswerJob(deps: AppDependencies, committeeId: string): Promise<void> {
  if (!deps.organiserMailbox || !deps.organiserCalendar) return;
  const nowIso = nowUtcIso(deps.clock);
  const id = jobDocumentId(OUTLOOK_ANSWERS_JOB, OUTLOOK_ANSWERS_SUBJECT);
  const job = newJobDocument(
    committeeId,
    OUTLOOK_ANSWERS_SUBJECT,
    { kind: OUTLOOK_ANSWERS_JOB, dueAt: nowIso },
    nowIso,
  );
  const existing = await deps.store.get<JobDocument>(committeeId, id);
  try {
    if (!existing) await deps.store.create(job);
    else if (existing.status !== 'scheduled') await deps.store.replace(job, existing._etag);
  } catch (error) {
    // Another request or instance started it meanwhile.
    if (!(error instanceof ConflictError || error instanceof ConcurrencyError)) throw error;
  }
}

/**
 * The hourly read: every session of the committee whose Outlook answers still count (invited, not
 * begun) has its event's answers read. The next read is scheduled first, so a failure of this one
 * never stops the hourly reads; a Graph failure is logged and leaves that session as it was. Once
 * no session takes answers any more, no further read is scheduled, and the job costs nothing until
 * the next invitation starts it again.
 */
export const OUTLOOK_ANSWER_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [OUTLOOK_ANSWERS_JOB]: async (job, deps) => {
    if (!deps.organiserMailbox || !deps.organiserCalendar) return;
    const logger = deps.logger ?? silentLogger;
    const committee = await deps.store.get<CommitteeDocument>(job.committeeId, COMMITTEE_DOCUMENT_ID);
    if (!committee) return;
    const nowIso = nowUtcIso(deps.clock);
    const meetings = await deps.store.query<SessionMeetingDocument>(job.committeeId, { type: SESSION_MEETING_TYPE });
    const sessions = (
      await Promise.all(meetings.map((meeting) => deps.store.get<SessionDocument>(job.committeeId, meeting.sessionId)))
    ).filter((session): session is Stored<SessionDocument> => {
      if (!session) return false;
      const status = invitationStatus(session, committee.timeZone, nowIso);
      return status === 'open' || status === 'closed';
    });
    if (sessions.length === 0) return;
    const nextAt = toUtcIso(deps.clock.now().plus({ minutes: OUTLOOK_ANSWERS_EVERY_MINUTES }));
    await scheduleJobs(deps, job.committeeId, OUTLOOK_ANSWERS_SUBJECT, [{ kind: OUTLOOK_ANSWERS_JOB, dueAt: nextAt }]);
    for (const session of sessions) {
      try {
        await readOutlookAnswers(deps, committee, session);
      } catch (error) {
        logger.error({ err: error, committeeId: job.committeeId, sessionId: session.id }, 'outlook answers failed');
      }
    }
  },
};
