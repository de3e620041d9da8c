/**
 * The one storage port of Gremium, shaped after Cosmos DB for NoSQL because Cosmos is the
 * production engine. Everything about one committee lives in one logical partition
 * (`committeeId`), so reads, queries and transactional batches never cross committees.
 *
 * Both adapters (Cosmos and the embedded SQLite store) pass the same contract suite
 * (`test/infra/document-store.contract.ts`), so use cases can rely on these semantics:
 * - `create` fails with `ConflictError` when the id exists in the partition;
 * - `replace` with an ETag fails with `ConcurrencyError` when the stored document changed;
 * - `batch` applies all operations or none.
 */
export interface Document {
  /** Unique inside the committee's partition. */
  readonly id: string;
  /** Partition key: the committee the document belongs to. */
  readonly committeeId: string;
  /** Discriminator of the document's shape, used by queries. */
  readonly type: string;
}

/** A document as read back from the store: it carries the ETag of its current version. */
export type Stored<T extends Document> = T & { readonly _etag: string };

/** A JSON value that may be compared in a query. */
export type QueryValue = string | number | boolean | null;

/** Comparison operators every adapter supports with the same meaning. */
export type QueryOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A parameterised query inside one partition. Field paths are dotted property names
 * (`session.number`) and are validated; values are always bound as parameters, never spliced
 * into query text, so user input cannot change a query's meaning.
 */
export interface Query {
  readonly type: string;
  readonly where?: readonly QueryCondition[];
  readonly orderBy?: { readonly field: string; readonly direction?: 'asc' | 'desc' };
  readonly limit?: number;
}

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

/** Cosmos DB allows at most 100 operations in one transactional batch; so do we. */
export const MAX_BATCH_OPERATIONS = 100;

export interface DocumentStore {
  /** The document, or `undefined` when there is none with that id in the partition. */
  get<T extends Document>(committeeId: string, id: string): Promise<Stored<T> | undefined>;
  /** All documents of the partition matching the query, in `orderBy` order when given. */
  query<T extends Document>(committeeId: string, query: Query): Promise<Array<Stored<T>>>;
  /** Creates the document; `ConflictError` when its id is taken. */
  create<T extends Document>(document: T): Promise<Stored<T>>;
  /** Replaces the document if its stored ETag is still `ifMatch`; else `ConcurrencyError`. */
  replace<T extends Document>(document: T, ifMatch: string): Promise<Stored<T>>;
  /** Creates or overwrites the document unconditionally. */
  upsert<T extends Document>(document: T): Promise<Stored<T>>;
  /** Deletes the document; `NotFoundError` when missing, `ConcurrencyError` on an ETag mismatch. */
  delete(committeeId: string, id: string, ifMatch?: string): Promise<void>;
  /**
   * Applies every operation inside one partition atomically: all or none. A failing operation
   * raises the error it would raise alone (`ConflictError`, `ConcurrencyError`, `NotFoundError`).
   * Returns the written documents in operation order (`undefined` for deletes).
   */
  batch(committeeId: string, operations: readonly BatchOperation[]): Promise<Array<Stored<Document> | undefined>>;
  /** Resolves when the store answers; used by the readiness probe. */
  ping(): Promise<void>;
  /** Releases connections and file handles; the store is unusable afterwards. */
  close(): Promise<void>;
}
