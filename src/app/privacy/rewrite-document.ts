import type { Document, DocumentStore, Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';

/** What a change makes of a document: a rewritten one, `'delete'`, or undefined to leave it. */
export type DocumentChange = (document: Stored<Document>) => Document | 'delete' | undefined;

/** What a rewrite did: the state it replaced and what it wrote (`'delete'` for a delete). */
export interface Rewritten {
  readonly before: Document;
  readonly after: Document | 'delete';
}

/** A document changed meanwhile is read again and changed anew this often before giving up. */
const WRITE_ATTEMPTS = 3;

/**
 * Writes one change with the ETag it was read with, so data protection never overwrites a
 * change someone made meanwhile: on a lost race the document is read again and the change
 * decided anew. Answers what it wrote, or undefined when the change left the document alone or
 * the document is gone.
 */
export async function rewriteDocument(
  store: DocumentStore,
  first: Stored<Document>,
  change: DocumentChange,
): Promise<Rewritten | undefined> {
  let current: Stored<Document> | undefined = first;
  for (let attempt = 1; current; attempt += 1) {
    const next = change(current);
    if (!next) return undefined;
    const { _etag: etag, ...before } = current;
    try {
      if (next === 'delete') await store.delete(current.committeeId, current.id, etag);
      else await store.replace(withoutEtag(next), etag);
      return { before, after: next };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      if (!(error instanceof ConcurrencyError) || attempt >= WRITE_ATTEMPTS) throw error;
      current = await store.get<Document>(current.committeeId, current.id);
    }
  }
  return undefined;
}

function withoutEtag(document: Document): Document {
  const { _etag: _ignored, ...rest } = document as Stored<Document>;
  return rest;
}
