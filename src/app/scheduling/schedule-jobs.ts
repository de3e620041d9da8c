import { nowUtcIso } from '../../domain/clock';
import type { AppDependencies } from '../dependencies';
import { UNCLAIMED } from '../leases';
import { expiringAfterDays, FINISHED_JOB_DAYS } from '../privacy/lifetimes';
import type { DocumentStore, Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { jobDocumentId, type JobDocument } from './job';

export interface PlannedJob {
  readonly kind: string;
  readonly dueAt: string;
}

/**
 * Makes the stored jobs of a subject match the plan: new ones are added, moved ones get their
 * new due time (and run again if they had run for the old one), and kinds no longer planned are
 * cancelled. An old due time can never fire, because the job document it lived in now holds the
 * new one. Called whenever a session's date or the committee's lead times change. A job that an
 * instance claims meanwhile raises a ConcurrencyError (or ConflictError for a parallel plan):
 * the caller schedules again, so no change is lost.
 * `readJobs`: jobs the caller has just read in one query with other subjects' (planning a year);
 * the subject's are taken from them instead of being read again. A write on a job that changed
 * since fails as above, and the caller's next try reads again.
 */
export async function scheduleJobs(
  { store, clock }: AppDependencies,
  committeeId: string,
  subjectId: string,
  plan: readonly PlannedJob[],
  readJobs?: ReadonlyArray<Stored<JobDocument>>,
): Promise<void> {
  const nowIso = nowUtcIso(clock);
  const existing =
    readJobs?.filter((job) => job.type === 'job' && job.subjectId === subjectId) ??
    (await store.query<JobDocument>(committeeId, {
      type: 'job',
      where: [{ field: 'subjectId', op: '=', value: subjectId }],
    }));
  const planned = new Map(plan.map((job) => [jobDocumentId(job.kind, subjectId), job]));

  for (const [id, job] of planned) {
    const current = existing.find((document) => document.id === id);
    if (current && current.dueAt === job.dueAt && current.status !== 'cancelled') continue;
    const next = newJobDocument(committeeId, subjectId, job, nowIso);
    if (current) await store.replace(next, current._etag);
    else await createUnlessPlannedAlike(store, next);
  }
  for (const current of existing) {
    if (planned.has(current.id) || current.status !== 'scheduled') continue;
    const { _etag: etag, ...rest } = current;
    await store.replace<JobDocument>(
      expiringAfterDays({ ...rest, status: 'cancelled' as const, updatedAt: nowIso }, FINISHED_JOB_DAYS),
      etag,
    );
  }
}

/**
 * Creates the job; when a parallel plan created it first, with the same due time and still
 * planned, that is the job this plan wanted, and the plan goes on with the next one. Without
 * this, two plans in step (both read, both create) would collide on every job in turn and the
 * slower one would run out of tries. A job that differs raises the ConflictError as before.
 */
async function createUnlessPlannedAlike(store: DocumentStore, next: JobDocument): Promise<void> {
  try {
    await store.create(next);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const found = await store.get<JobDocument>(next.committeeId, next.id);
    if (found?.dueAt !== next.dueAt || found.status === 'cancelled') throw error;
  }
}

/** A job as first scheduled: due at its time, unclaimed, not yet tried. */
export function newJobDocument(committeeId: string, subjectId: string, job: PlannedJob, nowIso: string): JobDocument {
  return {
    id: jobDocumentId(job.kind, subjectId),
    committeeId,
    type: 'job',
    kind: job.kind,
    subjectId,
    dueAt: job.dueAt,
    status: 'scheduled',
    leaseUntil: UNCLAIMED,
    attempts: 0,
    updatedAt: nowIso,
  };
}
