import { createHash } from 'node:crypto';
import type { LeasedDocument } from '../leases';

/**
 * A deadline to act on: "send the agenda of session 2027/1", due at an instant. Jobs are
 * documents in their committee's partition, so they survive restarts and every instance sees
 * them; a lease decides which instance runs one.
 */
export interface JobDocument extends LeasedDocument {
  readonly type: 'job';
  readonly kind: string;
  /** What the job is about, e.g. a session id; with the kind it identifies the job. */
  readonly subjectId: string;
  readonly dueAt: string;
  readonly status: 'scheduled' | 'done' | 'failed' | 'cancelled';
  readonly attempts: number;
  readonly updatedAt: string;
  readonly doneAt?: string;
  readonly lastError?: string;
}

/** One job per kind and subject: rescheduling replaces it instead of adding another. */
export function jobDocumentId(kind: string, subjectId: string): string {
  return `job-${createHash('sha256').update(`${kind}\n${subjectId}`).digest('hex').slice(0, 40)}`;
}
