import type { AppDependencies } from '../dependencies';
import { MAX_BATCH_OPERATIONS, type Document, type Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { LINK_TYPE, type LinkDocument } from './link-document';

/**
 * Fields in which earlier versions kept one shared link token per session or minutes, in plain
 * text. No address leads to them any more; the retention job removes them, so the store holds
 * no usable-looking secret.
 */
const SHARED_TOKEN_FIELDS: ReadonlyArray<{ readonly type: string; readonly fields: readonly string[] }> = [
  { type: 'session', fields: ['calendarToken'] },
  { type: 'minutes', fields: ['fileToken', 'extractToken'] },
];

/**
 * Deletes the committee's links whose time is up, for the daily retention job, and removes the
 * shared tokens earlier versions stored (see `SHARED_TOKEN_FIELDS`). Revoked links need nothing
 * more: revoking deleted them. Deletes in batches with the ETags read; a batch that lost a race
 * (a link replaced or revoked meanwhile) is done one by one, skipping what is gone. Answers how
 * many links were deleted.
 */
export async function removeExpiredLinks(deps: AppDependencies, committeeId: string): Promise<number> {
  const nowIso = deps.clock.now().toUTC().toISO()!;
  const expired = await deps.store.query<LinkDocument>(committeeId, {
    type: LINK_TYPE,
    where: [{ field: 'expiresAt', op: '<=', value: nowIso }],
  });
  let removed = 0;
  for (let start = 0; start < expired.length; start += MAX_BATCH_OPERATIONS) {
    const chunk: Array<Stored<LinkDocument>> = expired.slice(start, start + MAX_BATCH_OPERATIONS);
    try {
      await deps.store.batch(
        committeeId,
        chunk.map((link) => ({ op: 'delete', id: link.id, ifMatch: link._etag })),
      );
      removed += chunk.length;
    } catch (error) {
      if (!lostRace(error)) throw error;
      for (const link of chunk) {
        try {
          await deps.store.delete(committeeId, link.id, link._etag);
          removed += 1;
        } catch (single) {
          if (!lostRace(single)) throw single;
        }
      }
    }
  }
  for (const { type, fields } of SHARED_TOKEN_FIELDS) {
    for (const field of fields) {
      const holding = await deps.store.query<Document>(committeeId, {
        type,
        where: [{ field, op: '!=', value: null }],
      });
      for (const document of holding) {
        const { _etag: etag, [field]: _token, ...rest } = document as Stored<Document> & Record<string, unknown>;
        try {
          await deps.store.replace(rest as unknown as Document, etag);
        } catch (error) {
          if (!lostRace(error)) throw error;
        }
      }
    }
  }
  return removed;
}

function lostRace(error: unknown): boolean {
  return error instanceof NotFoundError || error instanceof ConcurrencyError;
}
