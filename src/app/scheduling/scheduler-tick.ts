import { upgradeLegacyCommittees } from '../committees/upgrade-legacy-committee';
import type { AppDependencies } from '../dependencies';
import type { Logger } from '../ports/logger';
import { ensureRetentionJobs } from '../privacy/retention-jobs';
import { runDueJobs, type JobHandler } from './run-due-jobs';

export interface SchedulerTickParts {
  readonly deps: AppDependencies;
  readonly logger: Logger;
  /** Which instance claims the jobs it runs (see `runDueJobs`). */
  readonly instanceId: string;
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
}

/**
 * One step of the server's scheduler loop, kept apart from the loop so that what a tick costs
 * can be counted: once per process the committees of before homes are upgraded, once a day
 * committees without a retention job get one, and every tick runs the jobs that are due. A tick
 * with nothing due is one query across committees, however many committees there are. Answers
 * whether any job ran, so the loop asks again at once.
 */
export function createSchedulerTick({
  deps,
  logger,
  instanceId,
  jobHandlers,
}: SchedulerTickParts): () => Promise<boolean> {
  let retentionCheckedOn: string | null | undefined;
  let legacyCommitteesUpgraded = false;
  return async () => {
    // Committees of before homes get theirs, once per process (idempotent; a failure retries).
    if (!legacyCommitteesUpgraded) {
      const { tenants, homeless } = await upgradeLegacyCommittees(deps);
      if (tenants.length > 0) logger.info({ tenants: tenants.length }, 'committees of before homes upgraded');
      for (const tenantId of homeless)
        logger.warn(
          { tenantId },
          'a committee of before homes has no home: its stored conversations name several teams; ' +
            'it works in personal chats and its working group conversation until its secretariat sets it up in its team',
        );
      legacyCommitteesUpgraded = true;
    }
    // Committees without a retention job get one, once a day at most.
    const today = deps.clock.now().toUTC().toISODate();
    if (retentionCheckedOn !== today) {
      await ensureRetentionJobs(deps);
      retentionCheckedOn = today;
    }
    return (await runDueJobs({ ...deps, logger, instanceId }, jobHandlers)).length > 0;
  };
}
