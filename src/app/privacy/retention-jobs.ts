import { nowUtcIso, toUtcIso } from '../../domain/clock';
import { DEFAULT_RETENTION_MONTHS } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, directoryOfPartition } from '../../domain/ids';
import { auditContext } from '../audit/audit-context';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Document } from '../ports/document-store';
import { jobDocumentId, type JobDocument } from '../scheduling/job';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { scheduleJobs } from '../scheduling/schedule-jobs';
import { applyRetention } from './apply-retention';
import { RETENTION_RULES } from './retention-rules';

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
 * job existed, or whose job failed for good), and applies retention right away in partitions
 * that hold records but no committee (see `applyRetentionWithoutCommittee`). Background work,
 * run once a day, so it may look across committees. Answers how many jobs it scheduled.
 */
export async function ensureRetentionJobs(deps: AppDependencies): Promise<number> {
  const nowIso = nowUtcIso(deps.clock);
  let scheduled = 0;
  const committees = await deps.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' });
  // One query for the scheduled jobs of all committees, not a read per committee: the daily
  // check costs the same few requests for one committee or five hundred.
  const jobId = jobDocumentId(RETENTION_JOB, SUBJECT);
  const scheduledIn = new Set(
    (
      await deps.store.queryAcrossCommittees<JobDocument>({
        type: 'job',
        where: [
          { field: 'kind', op: '=', value: RETENTION_JOB },
          { field: 'status', op: '=', value: 'scheduled' },
        ],
      })
    )
      .filter((job) => job.id === jobId)
      .map((job) => job.committeeId),
  );
  for (const committee of committees) {
    if (scheduledIn.has(committee.committeeId)) continue;
    await scheduleJobs(deps, committee.committeeId, SUBJECT, [{ kind: RETENTION_JOB, dueAt: nowIso }]);
    scheduled += 1;
  }
  const withCommittee = new Set(committees.map((committee) => committee.committeeId));
  // Every tenant directory without a committee of its own (the partition of a committee of before
  // homes is its directory too, and its job covers both): its references, routes and indexes.
  const asScheduler = { actorId: 'scheduler', source: 'scheduler', reason: RETENTION_JOB } as const;
  const directories = new Set(committees.flatMap((committee) => directoryOfPartition(committee.committeeId) ?? []));
  for (const directory of directories) {
    if (withCommittee.has(directory)) continue;
    await auditContext.run(asScheduler, () => applyRetention(deps, directory));
  }
  await applyRetentionWithoutCommittee(deps, new Set([...withCommittee, ...directories]));
  return scheduled;
}

/**
 * Retention for partitions without a committee document, which have no retention job: a tenant
 * where someone wrote to the bot or asked for "meine daten" before (or without) a committee was
 * set up keeps conversation references, data exports and the audit trail's records of them.
 * A query over all partitions per document type that can live there (`withoutCommittee` in
 * `RETENTION_RULES`) finds those with something due, and the run is applied to each, as the
 * scheduler. Several instances may do this at once: the run writes with ETags and is idempotent.
 * Answers the partitions it worked on.
 */
export async function applyRetentionWithoutCommittee(
  deps: AppDependencies,
  committees: ReadonlySet<string>,
): Promise<string[]> {
  const now = deps.clock.now().toUTC();
  const scope = {
    nowIso: toUtcIso(now),
    periodCutoff: toUtcIso(now.minus({ months: DEFAULT_RETENTION_MONTHS })),
    daysAgo: (days: number) => toUtcIso(now.minus({ days })),
  };
  const partitions = new Set<string>();
  for (const rule of RETENTION_RULES) {
    if (!rule.withoutCommittee) continue;
    for (const document of await deps.store.queryAcrossCommittees<Document>(rule.withoutCommittee(scope))) {
      if (!committees.has(document.committeeId)) partitions.add(document.committeeId);
    }
  }
  const worked: string[] = [];
  for (const committeeId of partitions) {
    // Set up meanwhile: its own job takes over.
    if (await deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID)) continue;
    const asScheduler = { actorId: 'scheduler', source: 'scheduler', reason: RETENTION_JOB } as const;
    await auditContext.run(asScheduler, () => applyRetention(deps, committeeId));
    worked.push(committeeId);
  }
  return worked;
}

/** Runs retention for the job's committee and plans the next run a day later. */
export const RETENTION_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [RETENTION_JOB]: async (job, deps) => {
    await applyRetention(deps, job.committeeId);
    const nowIso = nowUtcIso(deps.clock);
    await scheduleRetention(deps, job.committeeId, job.dueAt > nowIso ? job.dueAt : nowIso);
  },
};
