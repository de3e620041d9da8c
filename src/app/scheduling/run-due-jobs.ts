import { nowUtcIso, toUtcIso } from '../../domain/clock';
import { auditContext } from '../audit/audit-context';
import type { AppDependencies } from '../dependencies';
import { claimLease, dueAndUnclaimed, UNCLAIMED } from '../leases';
import type { Logger } from '../ports/logger';
import type { Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { expiringAfterDays, FINISHED_JOB_DAYS } from '../privacy/lifetimes';
import type { JobDocument } from './job';

/** What a job of one kind does when it falls due; it should be idempotent (use outbox keys). */
export type JobHandler = (job: Stored<JobDocument>, deps: AppDependencies) => Promise<void>;

export interface SchedulerDependencies extends AppDependencies {
  readonly logger: Logger;
  readonly instanceId: string;
}

export interface SchedulerOptions {
  /** Longer than a handler runs; a crashed instance's jobs become free after it. */
  readonly leaseMs?: number;
  /** Attempts before a failing job is given up and marked failed. */
  readonly maxAttempts?: number;
}

/**
 * Runs every job that is due now, each exactly once across all instances: a job is claimed by
 * replacing it with an ETag (a lost race means another instance has it), run, and marked done.
 * After downtime every overdue job is simply due: it runs once, not once per missed tick.
 * Returns the ids of the jobs this instance ran.
 */
export async function runDueJobs(
  deps: SchedulerDependencies,
  handlers: Readonly<Record<string, JobHandler>>,
  options: SchedulerOptions = {},
): Promise<string[]> {
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const nowIso = nowUtcIso(deps.clock);
  const due = await deps.store.queryAcrossCommittees<JobDocument>(
    dueAndUnclaimed('job', 'scheduled', 'dueAt', nowIso, 100),
  );
  const ran: string[] = [];
  for (const job of due) {
    const handler = handlers[job.kind];
    const claimed = await claimLease(
      deps.store,
      job,
      deps.instanceId,
      toUtcIso(deps.clock.now().plus({ milliseconds: leaseMs })),
    );
    if (!claimed) continue;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      // What the job changes is recorded in the audit trail as the scheduler's, with the job kind as the reason.
      await auditContext.run({ actorId: 'scheduler', source: 'scheduler', reason: job.kind }, () =>
        handler(claimed, deps),
      );
      await release(deps, claimed, {
        status: 'done',
        doneAt: nowUtcIso(deps.clock),
        attempts: claimed.attempts + 1,
      });
      ran.push(job.id);
    } catch (error) {
      const attempts = claimed.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.error({ err: error, job: job.id, kind: job.kind }, 'job failed');
      const retryAt = toUtcIso(deps.clock.now().plus({ minutes: 2 ** attempts }));
      await release(
        deps,
        claimed,
        attempts >= maxAttempts
          ? { status: 'failed', attempts, lastError: message }
          : { attempts, lastError: message, leaseUntil: retryAt },
      );
    }
  }
  return ran;
}

/**
 * Records the outcome. If the job was rescheduled while it ran, the ETag no longer matches and
 * the new schedule wins: the job will run again at its new time.
 */
async function release(
  deps: SchedulerDependencies,
  job: Stored<JobDocument>,
  changes: Partial<JobDocument>,
): Promise<void> {
  const { _etag: etag, ...rest } = job;
  try {
    const next: JobDocument = {
      ...rest,
      leaseOwner: undefined,
      leaseUntil: UNCLAIMED,
      ...changes,
      updatedAt: nowUtcIso(deps.clock),
    };
    // A finished job is kept a while for an operator, then Cosmos DB removes it (see RETENTION_RULES).
    await deps.store.replace<JobDocument>(
      next.status === 'scheduled' ? next : expiringAfterDays(next, FINISHED_JOB_DAYS),
      etag,
    );
  } catch (error) {
    if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
  }
}
