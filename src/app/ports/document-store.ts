/**
 * The one storage port of Gremium, shaped after Cosmos DB for NoSQL because Cosmos is the
 * production engine. Everything about one committee lives in one logical partition
 * (`committeeId`), so reads, queries and transactional batches never cross committees. The one
 * exception is `queryAcrossCommittees`, for background work that must find due items in every
 * committee (see there).
 *
 * Both adapters (Cosmos and the embedded SQLite store) pass the same contract suite
 * (`test/infra/document-store.contract.ts`), so use cases can rely on these semantics, and on
 * nothing an engine happens to do beyond them:
 * - `create` fails with `ConflictError` when the id exists in the partition;
 * - `replace` and `delete` fail with `NotFoundError` when there is no such document, and, given
 *   an ETag, with `ConcurrencyError` when the stored document has changed since;
 * - `batch` applies all operations or none;
 * - a request that is malformed (an invalid id, field path, operator, value or limit; see the
 *   types below) fails with `InvalidRequestError` before anything is read or written.
 *
 * Document shape: data is plain JSON. Top-level fields whose name starts with `_` are system
 * fields: they are never stored, whatever a written document carries, and reads return only one
 * of them, `_etag`, set by the store (so a document read from one place, `_etag` and all, may be
 * written back without its old ETag shadowing the new one).
 */
export interface Document {
  /**
   * Unique inside the committee's partition. Non-empty and free of `/`, `\`, `?` and `#`
   * (Cosmos DB cannot address such ids); any other id is refused with `InvalidRequestError`.
   */
  readonly id: string;
  /** Partition key: the committee the document belongs to; a non-empty string. */
  readonly committeeId: string;
  /** Discriminator of the document's shape, used by queries; a non-empty string. */
  readonly type: string;
}

/**
 * A document as read back from the store: it carries the ETag of its current version, and no
 * other `_`-prefixed top-level field.
 */
export type Stored<T extends Document> = T & { readonly _etag: string };

/** A JSON value that may be compared in a query (numbers finite). */
export type QueryValue = string | number | boolean | null;

/** Comparison operators every adapter supports with the same meaning (see `QueryCondition`). */
export type QueryOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A parameterised query, inside one partition (`query`) or over all of them
 * (`queryAcrossCommittees`, with the same meaning): the documents of `type` that meet every condition
 * of `where` (AND). Field paths are dotted property names (`session.number`; each name of ASCII
 * letters, digits and `_`, not starting with a digit), anything else is an `InvalidRequestError`;
 * values are always bound as parameters, never spliced into query text, so user input cannot
 * change a query's meaning.
 */
export interface Query {
  /**
   * The document type to read, or several (at most `MAX_QUERY_TYPES`) to read in one request
   * where a turn would otherwise send one query per type: the documents of any of them. Each
   * answered document still meets every condition of `where`, so a condition on a field one of
   * the types lacks leaves that type's documents out (by the null rules of `QueryCondition`), and
   * `orderBy` and `limit` apply to the result as a whole, not per type. Each document carries its
   * own `type`, by which a caller sorts them apart. A type named twice counts once. Each type is a
   * non-empty string, the list is not empty; else `InvalidRequestError`, with nothing read.
   */
  readonly type: string | readonly string[];
  readonly where?: readonly QueryCondition[];
  /**
   * Sorts by one field, ascending unless `desc`. Documents lacking the field are left out of the
   * result (a field holding `null` is present). Without `orderBy` the order is unspecified; so is
   * the order among values of different JSON types, which a well-typed field never holds.
   */
  readonly orderBy?: { readonly field: string; readonly direction?: 'asc' | 'desc' };
  /**
   * At most this many documents, counted after ordering. A whole number ≥ 0 (`0` answers `[]`);
   * anything else is an `InvalidRequestError`.
   */
  readonly limit?: number;
}

/**
 * One comparison of a field with a value. It matches only values of the same JSON type as
 * `value`: `age = "42"` does not match the number 42, and `!=` is no exception (`age != "x"`
 * matches nothing, and `note != "x"` no document lacking `note` or holding null there).
 *
 * `null` is the exception to that rule: `= null` matches a field that is null or missing,
 * `!= null` one that is present and not null; any other operator with `null` is an
 * `InvalidRequestError`, as are unknown operators and values that are not JSON (NaN, objects).
 */
export interface QueryCondition {
  readonly field: string;
  readonly op: QueryOperator;
  readonly value: QueryValue;
}

/** One operation of a transactional batch; all operations of a batch share a partition. */
export type BatchOperation =
  | { readonly op: 'create'; readonly document: Document }
  | { readonly op: 'upsert'; readonly document: Document }
  | { readonly op: 'replace'; readonly document: Document; readonly ifMatch: string }
  | { readonly op: 'delete'; readonly id: string; readonly ifMatch?: string };

/**
 * The most types one query may name. Turns merge a handful; the bound keeps one query's text and
 * parameter list small whatever a caller passes.
 */
export const MAX_QUERY_TYPES = 10;

/** Cosmos DB allows at most 100 operations in one transactional batch; so do we. */
export const MAX_BATCH_OPERATIONS = 100;

/** Where a document lives: its committee's partition and its id there (see `Document`). */
export interface DocumentKey {
  readonly committeeId: string;
  readonly id: string;
}

/**
 * The most keys one `getMany` may name. A turn reads a handful; the bound keeps one request's
 * size (and, on Cosmos DB, its query text and fan-out) small whatever a caller passes.
 */
export const MAX_GET_MANY_KEYS = 100;

export interface DocumentStore {
  /** The document, or `undefined` when there is none with that id in the partition. */
  get<T extends Document>(committeeId: string, id: string): Promise<Stored<T> | undefined>;
  /**
   * Several documents by key, possibly of several committees, in one request at the port: what
   * `get` would answer for each key, in key order (`undefined` for a missing one; a key named
   * twice is answered twice). `[]` for no keys. At most `MAX_GET_MANY_KEYS` keys, each a valid
   * key as for `get`; else `InvalidRequestError`, with nothing read.
   *
   * It reads what a turn needs before it starts, in one round trip instead of one per document.
   * The embedded store answers with one SELECT. Cosmos DB's JavaScript SDK has no multi-item
   * read, so there it is one request per committee named, sent in parallel: a point read for a
   * committee with one key, a query by id inside the committee's partition for several. No
   * snapshot across keys is promised (nor is one by `get`s in a row): each document is as it was
   * at some moment during the call, with its own `_etag` guarding a later write.
   */
  getMany<T extends Document = Document>(keys: readonly DocumentKey[]): Promise<Array<Stored<T> | undefined>>;
  /**
   * All documents of the partition matching the query (see `Query`), in `orderBy` order when
   * given; `[]` when none match.
   */
  query<T extends Document>(committeeId: string, query: Query): Promise<Array<Stored<T>>>;
  /**
   * The same query as `query` (same conditions, typing and null rules, order and limit), over
   * every committee's partition at once. It exists for background work only: the outbox sender
   * and the deadline scheduler poll for due records and jobs, which live in their committee's
   * partition, without knowing which committees exist. On Cosmos DB it is a fan-out query that
   * visits every physical partition and costs accordingly, so it is never used in a user's turn
   * (there the committee is known: use `query`).
   *
   * `orderBy` and `limit` apply to the result as a whole, not per partition: `limit: 10` with
   * `orderBy: dueAt` answers the ten earliest over all committees. Each document comes with its
   * `_etag` and `committeeId`, so it can be replaced (claimed) in its own partition.
   */
  queryAcrossCommittees<T extends Document>(query: Query): Promise<Array<Stored<T>>>;
  /** Creates the document; `ConflictError` when its id is taken. */
  create<T extends Document>(document: T): Promise<Stored<T>>;
  /**
   * Replaces the document if its stored ETag is still `ifMatch`: `ConcurrencyError` when it has
   * moved on, `NotFoundError` when there is no such document (replace never creates one).
   */
  replace<T extends Document>(document: T, ifMatch: string): Promise<Stored<T>>;
  /** Creates or overwrites the document unconditionally. */
  upsert<T extends Document>(document: T): Promise<Stored<T>>;
  /** Deletes the document; `NotFoundError` when missing, `ConcurrencyError` on an ETag mismatch. */
  delete(committeeId: string, id: string, ifMatch?: string): Promise<void>;
  /**
   * Applies every operation inside one partition atomically: all or none. A failing operation
   * raises the error it would raise alone (`ConflictError`, `ConcurrencyError`, `NotFoundError`).
   * Returns the written documents in operation order (`undefined` for deletes); an empty batch
   * writes nothing and returns `[]`. A batch holds at most `MAX_BATCH_OPERATIONS` operations,
   * all for documents of `committeeId`; else `InvalidRequestError`, with nothing written.
   */
  batch(committeeId: string, operations: readonly BatchOperation[]): Promise<Array<Stored<Document> | undefined>>;
  /** Resolves when the store answers; used by the readiness probe. */
  ping(): Promise<void>;
  /** Releases connections and file handles; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** The document as it is written back: the store's ETag travels beside it, not inside. */
export function withoutEtag<T extends Document>(stored: Stored<T>): T {
  const { _etag: _written, ...document } = stored;
  return document as unknown as T;
}
