import { performance } from 'node:perf_hooks';
import { auditedStore } from '../src/app/audit/audited-store';
import type { ActorIdentity } from '../src/app/identify-actor';
import { silentLogger } from '../src/app/ports/logger';
import type { JobDocument } from '../src/app/scheduling/job';
import { JOB_HANDLERS } from '../src/app/scheduling/job-handlers';
import type { JobHandler } from '../src/app/scheduling/run-due-jobs';
import { createSchedulerTick } from '../src/app/scheduling/scheduler-tick';
import { DateTime } from 'luxon';
import { ManualClock } from '../test/support/manual-clock';
import { setUpCommittees } from './many-committees';
import { NOW, SECRETARIAT, TENANT } from './rsvp-answers';
import { withStore } from './store-requests';

/** Milliseconds per due job fired: median and spread over the measured ticks or set-ups. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface DueTickFigures {
  /** Time per due job with `committees` committees over the same with one: medians. */
  readonly dueTickMs: number;
  readonly dueTick: {
    readonly committees: number;
    readonly manyCommitteesMsPerJob: Spread;
    readonly oneCommitteeMsPerJob: Spread;
    /** The kind of the jobs fired, the same in both cases: the first due after planning. */
    readonly kind: string;
    readonly jobsFired: number;
  };
}

export interface DueTickOptions {
  readonly committees?: number;
  /** Set-ups of a single committee, each firing its one due job (one more runs first, as warm-up). */
  readonly runs?: number;
}

/**
 * What firing a due job costs when 500 committees share the store, against one committee: each
 * committee is set up with 2027 planned, the clock is moved to the first instant a job falls due
 * (the same instant and kind in every committee, as they share their settings), and the server's
 * scheduler step runs until nothing is due. Each tick's time over the jobs it fired is one figure
 * for many committees (a tick fires up to 100); each single committee's set-up gives one figure
 * for one. The job's own work is the same in both; only what grows with the store can differ
 * (the due query, the claim, the handler's reads in its partition).
 */
export async function schedulerDueTicks(options: DueTickOptions = {}): Promise<DueTickFigures> {
  const committees = options.committees ?? 500;
  const runs = options.runs ?? 5;
  const one: number[] = [];
  let kind = '';
  for (let run = 0; run <= runs; run += 1) {
    const fired = await fireFirstDueJobs(1);
    if (run > 0) one.push(...fired.msPerJob);
    kind = fired.kind;
  }
  const many = await fireFirstDueJobs(committees);
  if (many.kind !== kind) throw new Error(`the first due job differs: ${many.kind} against ${kind}`);
  const manySpread = spread(many.msPerJob);
  const oneSpread = spread(one);
  return {
    dueTickMs: round(manySpread.median / oneSpread.median),
    dueTick: {
      committees,
      manyCommitteesMsPerJob: manySpread,
      oneCommitteeMsPerJob: oneSpread,
      kind,
      jobsFired: many.jobsFired,
    },
  };
}

async function fireFirstDueJobs(
  committees: number,
): Promise<{ readonly msPerJob: number[]; readonly kind: string; readonly jobsFired: number }> {
  return withStore(async (store) => {
    const clock = new ManualClock(NOW);
    const deps = { store: auditedStore(store, clock), clock };
    const secretariat: ActorIdentity = { tenantId: TENANT, aadObjectId: SECRETARIAT, displayName: 'Geschäftsstelle' };
    await setUpCommittees(deps, secretariat, committees);
    const kinds: string[] = [];
    const handlers = Object.fromEntries(
      Object.entries(JOB_HANDLERS).map(([name, handler]): [string, JobHandler] => [
        name,
        (job, jobDeps) => {
          kinds.push(job.kind);
          return handler(job, jobDeps);
        },
      ]),
    );
    const tick = createSchedulerTick({ deps, logger: silentLogger, instanceId: 'bench', jobHandlers: handlers });
    // The retention jobs each committee gets are due at once: let them run, then nothing is due.
    while (await tick());
    const [next] = await store.queryAcrossCommittees<JobDocument>({
      type: 'job',
      where: [{ field: 'status', op: '=', value: 'scheduled' }],
      orderBy: { field: 'dueAt' },
      limit: 1,
    });
    if (!next) throw new Error('no job is scheduled after planning');
    clock.advance(Math.max(0, DateTime.fromISO(next.dueAt).toMillis() - clock.now().toMillis()));
    kinds.length = 0;
    const msPerJob: number[] = [];
    for (;;) {
      const before = kinds.length;
      const start = performance.now();
      const ran = await tick();
      const elapsed = performance.now() - start;
      if (!ran) break;
      msPerJob.push(elapsed / (kinds.length - before));
    }
    const distinct = [...new Set(kinds)];
    if (distinct.length !== 1) throw new Error(`the due jobs are of several kinds: ${distinct.join(', ')}`);
    if (kinds.length !== committees) throw new Error(`${kinds.length} jobs fired for ${committees} committees`);
    return { msPerJob, kind: distinct[0]!, jobsFired: kinds.length };
  });
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (require.main === module) {
  const committees = Number(process.argv[2] ?? 500);
  schedulerDueTicks({ committees }).then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
