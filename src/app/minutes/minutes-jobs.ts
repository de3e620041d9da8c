import { nowUtcIso } from '../../domain/clock';
import { minutesSettingsOf } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation, draftsForPeople } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { scheduleJobs } from '../scheduling/schedule-jobs';
import type { SessionDocument } from '../sessions/session-document';
import { SCHEDULER } from '../agenda/publish-agenda';
import { NO_QUESTIONS } from '../../domain/confirmation/go-ahead';
import { approveMinutes } from './approve-minutes';
import { minutesDocumentId, type MinutesDocument } from './minutes-document';
import { responsesTo } from './open-minutes';

/** The job that ends the objection period of circulated minutes. */
export const MINUTES_DEADLINE_JOB = 'minutesObjectionDeadline';

/** Tells the secretariat that the objection period ended without approving by itself. */
export const MINUTES_OBJECTIONS_MESSAGE_KIND = 'minutesObjections';

export interface MinutesObjectionsMessage {
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly objections: number;
  /** Whether a revision waits to be circulated. */
  readonly revisionPending: boolean;
}

/**
 * The minutes' jobs live under a subject of their own, so that the session's deadline jobs,
 * which are rescheduled with the session, never cancel them.
 */
export function minutesJobSubject(sessionId: string): string {
  return `minutes-${sessionId}`;
}

/** Schedules (or moves, for a new round) the end of the objection period. */
export async function scheduleMinutesJob(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  dueAt: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await scheduleJobs(deps, committeeId, minutesJobSubject(sessionId), [
        { kind: MINUTES_DEADLINE_JOB, dueAt },
      ]);
    } catch (error) {
      if (attempt >= 5 || !(error instanceof ConflictError || error instanceof ConcurrencyError)) throw error;
    }
  }
}

/**
 * At the end of the objection period: when the committee approves by silence, nobody objected
 * to the circulated version and no revision waits, the minutes are approved automatically;
 * otherwise the secretariat is told 1:1 how many objections wait. A job of an earlier round
 * (the deadline moved with a new circulation) does nothing.
 */
export const MINUTES_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [MINUTES_DEADLINE_JOB]: async (job, deps) => {
    const sessionId = job.subjectId.slice('minutes-'.length);
    const [committee, session, head] = await Promise.all([
      deps.store.get<CommitteeDocument>(job.committeeId, COMMITTEE_DOCUMENT_ID),
      deps.store.get<SessionDocument>(job.committeeId, sessionId),
      deps.store.get<MinutesDocument>(job.committeeId, minutesDocumentId(sessionId)),
    ]);
    if (
      !committee ||
      !session ||
      !head ||
      head.status !== 'circulated' ||
      head.circulation?.objectionDeadline !== job.dueAt
    )
      return;
    const objections = (await responsesTo(deps, committee.committeeId, sessionId, head.circulation.version)).filter(
      (response) => response.answer === 'object',
    ).length;
    const revisionPending = head.version !== head.circulation.version;
    if (minutesSettingsOf(committee).autoApprove && objections === 0 && !revisionPending) {
      await approveMinutes(deps, committee, session, SCHEDULER, { goAhead: NO_QUESTIONS, automatic: true });
      return;
    }
    const secretariat = (await deps.store.query<PersonDocument>(committee.committeeId, { type: 'person' })).filter(
      (person) => person.active && person.roles.includes('secretariat'),
    );
    const dispatchId = `minutes-deadline:${sessionId}:r${head.circulation.round}`;
    const message: MinutesObjectionsMessage = { sessionId, sessionNumber: session.number, objections, revisionPending };
    try {
      await deps.store.batch(committee.committeeId, [
        enqueueOperation(
          committee.committeeId,
          dispatchId,
          draftsForPeople(dispatchId, secretariat, { kind: MINUTES_OBJECTIONS_MESSAGE_KIND, data: { ...message } }),
          nowUtcIso(deps.clock),
          { kind: 'minutesObjections', audience: 'secretariat', sessionNumber: session.number },
        ),
      ]);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  },
};
