import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import { jobDocumentId, type JobDocument } from '../scheduling/job';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { scheduleJobs } from '../scheduling/schedule-jobs';
import { applyRetention } from './apply-retention';

export const RETENTION_JOB = 'privacyRetention';
/** One retention job per committee, so its subject is the committee document. */
const SUBJECT = COMMITTEE_DOCUMENT_ID;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Plans the committee's next daily retention run, a day after `afterIso`. */
export async function scheduleRetention(deps: AppDependencies, committeeId: string, afterIso: string): Promise<void> {
  const dueAt = new Date(Date.parse(afterIso) + DAY_MS).toISOString();
  await scheduleJobs(deps, committeeId, SUBJECT, [{ kind: RETENTION_JOB, dueAt }]);
}

/**
 * Gives every committee a scheduled retention job if it has none (committees set up before the
 * job existed, or whose job failed for good). Background work, so it may look across committees.
 */
export async function ensureRetentionJobs(deps: AppDependencies): Promise<number> {
  const nowIso = deps.clock.now().toUTC().toISO()!;
  let scheduled = 0;
  for (const committee of await deps.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' })) {
    const job = await deps.store.get<JobDocument>(committee.committeeId, jobDocumentId(RETENTION_JOB, SUBJECT));
    if (job?.status === 'scheduled') continue;
    await scheduleJobs(deps, committee.committeeId, SUBJECT, [{ kind: RETENTION_JOB, dueAt: nowIso }]);
    scheduled += 1;
  }
  return scheduled;
}

/** Runs retention for the job's committee and plans the next run a day later. */
export const RETENTION_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [RETENTION_JOB]: async (job, deps) => {
    await applyRetention(deps, job.committeeId);
    const nowIso = deps.clock.now().toUTC().toISO()!;
    await scheduleRetention(deps, job.committeeId, job.dueAt > nowIso ? job.dueAt : nowIso);
  },
};
