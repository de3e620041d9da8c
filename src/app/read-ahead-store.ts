import {
  MAX_GET_MANY_KEYS,
  type BatchOperation,
  type Document,
  type DocumentKey,
  type DocumentStore,
  type Query,
  type Stored,
} from './ports/document-store';

/** A store for one turn whose first reads of known documents were fetched together, up front. */
export interface ReadAheadStore {
  /** The store the turn's use cases read and write through. */
  readonly store: DocumentStore;
  /**
   * Fetches the documents at `keys` in one `getMany`, so the turn's first read of each of them
   * is answered without a request of its own. Best effort: when the fetch fails, it rejects, and
   * every read goes to the store as if nothing had been fetched. Reads made while it runs wait
   * for it.
   */
  prefetch(keys: readonly DocumentKey[]): Promise<void>;
}

export interface ReadAheadOptions {
  /**
   * Documents of a committee the turn is known to read once it acts on that committee, where the
   * turn's start cannot tell the committee yet (a typed command finds it in the person's index).
   * They are read along with the turn's first read of many from that committee's partition that
   * goes to the store (the committee and the person's roster entry, `actorIn`), in the same
   * request, and then answer their first read like fetched documents. Keys of other partitions
   * are ignored, so a read never reaches beyond the committee the turn reads anyway.
   */
  readonly readAlong?: (committeeId: string) => readonly DocumentKey[];
}

/**
 * A decorator over the store for one turn. The turn's start knows which documents the turn will
 * read first (the person's language choice, their personal chat, their committees, the
 * committee and roster entry a click names, the session it names), and fetches them in one
 * request instead of one after another.
 *
 * What keeps this safe:
 * - each fetched document answers only the first read of its key (`get` or `getMany`) and is then
 *   forgotten: any later read of it (a retry after a `ConcurrencyError`, a re-read after a
 *   conflict) goes to the store and sees what others wrote meanwhile;
 * - a key the turn writes (create, replace, upsert, delete, or a batch naming it) loses its
 *   fetched copy at once, so the turn never reads its own write's old version;
 * - a document fetched as absent answers `undefined` once, as a read at the turn's start would;
 * - queries always go to the store.
 * A fetched document is therefore exactly what a read at the start of the turn would have
 * answered, `_etag` and all, and every write stays guarded by that ETag as before: the store
 * refuses a write on a version someone else has replaced since.
 *
 * It lives for one turn only and is never shared: nothing is cached across turns.
 */
export function readAheadStore(inner: DocumentStore, options: ReadAheadOptions = {}): ReadAheadStore {
  /** Fetched and not yet read: the document, or `undefined` for one that was absent. */
  const fetched = new Map<string, Stored<Document> | undefined>();
  /** Keys written since the turn began: a fetch still on its way must not bring their old versions back. */
  const written = new Set<string>();
  let inFlight: Promise<void> = Promise.resolve();
  /** Committees whose documents to read along were asked for already (once per committee). */
  const readAlongAsked = new Set<string>();

  /** The keys to read along with a read of `missing`: new ones, of the partitions read, within the limit. */
  const alongWith = (missing: readonly DocumentKey[]): DocumentKey[] => {
    if (!options.readAlong) return [];
    const named = new Set(missing.map(keyText));
    const along: DocumentKey[] = [];
    for (const committeeId of new Set(missing.map((key) => key.committeeId))) {
      if (readAlongAsked.has(committeeId)) continue;
      readAlongAsked.add(committeeId);
      for (const key of options.readAlong(committeeId)) {
        const text = keyOf(key);
        if (text === undefined || key.committeeId !== committeeId) continue;
        if (named.has(text) || written.has(text) || fetched.has(text)) continue;
        if (missing.length + along.length >= MAX_GET_MANY_KEYS) return along;
        named.add(text);
        along.push(key);
      }
    }
    return along;
  };

  const take = (key: string): { readonly hit: boolean; readonly document?: Stored<Document> } => {
    if (!fetched.has(key)) return { hit: false };
    const document = fetched.get(key);
    fetched.delete(key);
    return document ? { hit: true, document } : { hit: true };
  };
  const forget = (committeeId: string, id: string): void => {
    const key = keyText({ committeeId, id });
    written.add(key);
    fetched.delete(key);
  };
  const forgetBatch = (committeeId: string, operations: readonly BatchOperation[]): void => {
    for (const operation of operations)
      forget(committeeId, operation.op === 'delete' ? operation.id : operation.document.id);
  };

  const store: DocumentStore = {
    async get<T extends Document>(committeeId: string, id: string): Promise<Stored<T> | undefined> {
      await inFlight;
      const taken = take(keyText({ committeeId, id }));
      if (taken.hit) return taken.document as Stored<T> | undefined;
      return inner.get<T>(committeeId, id);
    },
    async getMany<T extends Document = Document>(keys: readonly DocumentKey[]): Promise<Array<Stored<T> | undefined>> {
      await inFlight;
      if (!Array.isArray(keys)) return inner.getMany<T>(keys);
      const answers = new Map<string, { readonly hit: boolean; readonly document?: Stored<Document> }>();
      for (const key of keys) {
        const text = keyOf(key);
        if (text !== undefined && !answers.has(text)) answers.set(text, take(text));
      }
      const missing = keys.filter((key) => {
        const text = keyOf(key);
        return text === undefined || !answers.get(text)!.hit;
      });
      // Keys the store would refuse are passed on, so the store refuses them as usual.
      if (missing.some((key) => keyOf(key) === undefined)) return inner.getMany<T>(keys);
      const along = missing.length > 0 ? alongWith(missing) : [];
      if (missing.length === keys.length && along.length === 0) return inner.getMany<T>(keys);
      const read = missing.length > 0 ? await inner.getMany<T>([...missing, ...along]) : [];
      along.forEach((key, index) => {
        const text = keyText(key);
        if (!written.has(text) && !fetched.has(text)) fetched.set(text, read[missing.length + index]);
      });
      const readByKey = new Map(missing.map((key, index) => [keyOf(key)!, read[index]]));
      return keys.map((key) => {
        const text = keyOf(key)!;
        const answer = answers.get(text);
        return answer?.hit ? (answer.document as Stored<T> | undefined) : readByKey.get(text);
      });
    },
    query: <T extends Document>(committeeId: string, query: Query) => inner.query<T>(committeeId, query),
    queryAcrossCommittees: <T extends Document>(query: Query) => inner.queryAcrossCommittees<T>(query),
    create<T extends Document>(document: T) {
      forget(document.committeeId, document.id);
      return inner.create(document);
    },
    replace<T extends Document>(document: T, ifMatch: string) {
      forget(document.committeeId, document.id);
      return inner.replace(document, ifMatch);
    },
    upsert<T extends Document>(document: T) {
      forget(document.committeeId, document.id);
      return inner.upsert(document);
    },
    delete(committeeId: string, id: string, ifMatch?: string) {
      forget(committeeId, id);
      return inner.delete(committeeId, id, ifMatch);
    },
    batch(committeeId: string, operations: readonly BatchOperation[]) {
      if (Array.isArray(operations)) forgetBatch(committeeId, operations);
      return inner.batch(committeeId, operations);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };

  const prefetch = (keys: readonly DocumentKey[]): Promise<void> => {
    const unique = [...new Map(keys.map((key) => [keyText(key), key])).values()].filter(
      (key) => !written.has(keyText(key)) && !fetched.has(keyText(key)),
    );
    if (unique.length === 0) return Promise.resolve();
    const fetching = inner.getMany(unique).then((documents) => {
      unique.forEach((key, index) => {
        const text = keyText(key);
        if (!written.has(text)) fetched.set(text, documents[index]);
      });
    });
    const previous = inFlight;
    inFlight = Promise.all([previous, fetching.catch(() => undefined)]).then(() => undefined);
    return fetching;
  };

  return { store, prefetch };
}

/** A key as one string; ids hold no `/` (the store refuses such ids), so it cannot be ambiguous. */
function keyText(key: DocumentKey): string {
  return `${key.committeeId}/${key.id}`;
}

/** The key's text, or undefined for something that is no key (left to the store to refuse). */
function keyOf(key: DocumentKey): string | undefined {
  return typeof key === 'object' && key !== null && typeof key.committeeId === 'string' && typeof key.id === 'string'
    ? keyText(key)
    : undefined;
}
