import type { AppDependencies } from '../dependencies';
import type { Document, Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';

/**
 * Fields in which earlier versions kept one shared link token per session or minutes, in plain
 * text. No address leads to them any more; the retention job removes them, so the store holds
 * no usable-looking secret. Expired links themselves go by the `link` row of the retention table.
 */
const SHARED_TOKEN_FIELDS: ReadonlyArray<{ readonly type: string; readonly fields: readonly string[] }> = [
  { type: 'session', fields: ['calendarToken'] },
  { type: 'minutes', fields: ['fileToken', 'extractToken'] },
];

/**
 * Removes the shared tokens earlier versions stored on sessions and minutes, for the daily
 * retention job. A document changed meanwhile is left for the next run. Answers how many
 * documents lost a token.
 */
export async function removeSharedLinkTokens(deps: AppDependencies, committeeId: string): Promise<number> {
  let removed = 0;
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
          removed += 1;
        } catch (error) {
          if (!(error instanceof NotFoundError || error instanceof ConcurrencyError)) throw error;
        }
      }
    }
  }
  return removed;
}
