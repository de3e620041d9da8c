import type { Document, DocumentStore, Query, Stored } from './ports/document-store';
import { ConcurrencyError, NotFoundError } from './ports/store-errors';

/** A document that one instance at a time may work on: outbox records and deadline jobs. */
export interface LeasedDocument extends Document {
  readonly status: string;
  /** Until when an instance holds it; the epoch when nobody does. */
  readonly leaseUntil: string;
  readonly leaseOwner?: string;
}

/** No lease: the epoch, which every due time compares after. */
export const UNCLAIMED = new Date(0).toISOString();

/**
 * Documents of every committee in `status` whose due time has come and that nobody holds.
 * Ordered by due time, so the oldest work goes first after downtime.
 */
export function dueAndUnclaimed(type: string, status: string, dueField: string, nowIso: string, limit: number): Query {
  return {
    type,
    where: [
      { field: 'status', op: '=', value: status },
      { field: dueField, op: '<=', value: nowIso },
      { field: 'leaseUntil', op: '<=', value: nowIso },
    ],
    orderBy: { field: dueField },
    limit,
  };
}

/**
 * Takes the document for `owner` until `leaseUntil`, if nobody changed it since it was read. A
 * lost race (or a document removed meanwhile) answers undefined: another instance has it.
 */
export async function claimLease<T extends LeasedDocument>(
  store: DocumentStore,
  document: Stored<T>,
  owner: string,
  leaseUntil: string,
): Promise<Stored<T> | undefined> {
  const { _etag: etag, ...rest } = document;
  try {
    return await store.replace<T>({ ...(rest as unknown as T), leaseOwner: owner, leaseUntil }, etag);
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof NotFoundError) return undefined;
    throw error;
  }
}
