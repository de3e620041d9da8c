import type { Document, DocumentKey, DocumentStore, Stored } from './ports/document-store';

/**
 * The store as one read-only request sees it: each document is read at most once, so the checks
 * of a request and the answer built after them see the same version of it, and a large document
 * (the minutes head, a quarter of a megabyte for the largest minutes) is not read twice when both
 * need it. Queries are not kept; a write through it forgets everything read.
 *
 * Made anew for every request and dropped with it: it never answers from an earlier request, so
 * a revoked link or a new version takes effect at once.
 */
export function readsOnce(store: DocumentStore): DocumentStore {
  const read = new Map<string, Promise<Stored<Document> | undefined>>();
  const writing = async <R>(write: () => Promise<R>): Promise<R> => {
    read.clear();
    try {
      return await write();
    } finally {
      read.clear();
    }
  };
  const keyOf = ({ committeeId, id }: DocumentKey) => JSON.stringify([committeeId, id]);
  /** Keeps a read for its key; a failed read is not kept: the next one asks the store again. */
  const keep = (key: string, once: Promise<Stored<Document> | undefined>) => {
    read.set(key, once);
    once.catch(() => read.delete(key));
  };
  return {
    get: <T extends Document>(committeeId: string, id: string) => {
      const key = keyOf({ committeeId, id });
      if (!read.has(key)) keep(key, store.get(committeeId, id));
      return read.get(key) as Promise<Stored<T> | undefined>;
    },
    getMany: <T extends Document>(keys: readonly DocumentKey[]) => {
      // The keys not read yet in one request, each kept on its own.
      const unread = [...new Map(keys.map((key) => [keyOf(key), key])).entries()].filter(([key]) => !read.has(key));
      if (unread.length > 0) {
        const fetched = store.getMany(unread.map(([, key]) => key));
        unread.forEach(([key], index) =>
          keep(
            key,
            fetched.then((documents) => documents[index]),
          ),
        );
      }
      return Promise.all(keys.map((key) => read.get(keyOf(key)))) as Promise<Array<Stored<T> | undefined>>;
    },
    query: (committeeId, query) => store.query(committeeId, query),
    queryAcrossCommittees: (query) => store.queryAcrossCommittees(query),
    create: (document) => writing(() => store.create(document)),
    replace: (document, ifMatch) => writing(() => store.replace(document, ifMatch)),
    upsert: (document) => writing(() => store.upsert(document)),
    delete: (committeeId, id, ifMatch) => writing(() => store.delete(committeeId, id, ifMatch)),
    batch: (committeeId, operations) => writing(() => store.batch(committeeId, operations)),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
