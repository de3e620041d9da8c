import {
  MAX_BATCH_OPERATIONS,
  MAX_GET_MANY_KEYS,
  MAX_QUERY_TYPES,
  type BatchOperation,
  type Document,
  type DocumentKey,
  type Query,
  type QueryCondition,
  type QueryOperator,
} from '../app/ports/document-store';
import { InvalidRequestError } from '../app/ports/store-errors';

/*
 * The request checks every DocumentStore adapter makes before it touches its engine. They live in
 * one place so the adapters cannot drift apart: a request the embedded store accepts in
 * development must be one Cosmos DB accepts in production, and be refused with the same error
 * when it is not. What stays in the adapters is only how a valid request is spelt for the engine.
 */

/**
 * Dotted property names, nothing else. Because no quote, bracket or `$` can pass, an adapter may
 * write a checked path into its engine's query text (`$.a.b` for SQLite, `c["a"]["b"]` for
 * Cosmos) without any escaping rules of its own.
 */
const FIELD_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Cosmos DB refuses these in ids, and in a URL path they would address another resource. The
 * embedded store refuses them too, so data written in development can move to Cosmos.
 */
const CHARACTERS_COSMOS_REFUSES_IN_IDS = /[/\\?#]/;

const QUERY_OPERATORS: ReadonlySet<string> = new Set<QueryOperator>(['=', '!=', '<', '<=', '>', '>=']);

/**
 * The property names of a field path (`session.number` → `['session', 'number']`), each safe to
 * embed in query text; `InvalidRequestError` for anything but dotted property names.
 */
export function fieldPathSegments(field: string): string[] {
  if (typeof field !== 'string' || !FIELD_PATH_PATTERN.test(field)) {
    throw new InvalidRequestError(`"${String(field)}" is not a valid field path.`);
  }
  return field.split('.');
}

/**
 * A query condition after its checks, in the two shapes adapters translate differently: a null
 * test (`= null`: null or missing; `!= null`: present and not null) or a comparison that matches
 * only values of `valueType`, the JSON type of its parameter.
 */
export type CheckedCondition =
  | { readonly kind: 'null-test'; readonly path: readonly string[]; readonly op: '=' | '!=' }
  | {
      readonly kind: 'comparison';
      readonly path: readonly string[];
      readonly op: QueryOperator;
      readonly value: string | number | boolean;
      readonly valueType: 'string' | 'number' | 'boolean';
    };

/**
 * Checks field path, operator and value at run time, because callers in plain JavaScript (or with
 * `as any`) must not reach an engine that would read the condition its own way: an unknown
 * operator, `< null`, a NaN or an object each raise `InvalidRequestError`.
 */
export function checkedCondition(condition: QueryCondition): CheckedCondition {
  const { field, op, value } = condition;
  const path = fieldPathSegments(field);
  if (!QUERY_OPERATORS.has(op)) throw new InvalidRequestError(`Unknown query operator "${String(op)}".`);
  if (value === null) {
    if (op !== '=' && op !== '!=') {
      throw new InvalidRequestError(`"${field} ${op} null" has no meaning; only = and != compare with null.`);
    }
    return { kind: 'null-test', path, op };
  }
  if (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    return { kind: 'comparison', path, op, value, valueType: typeof value as 'string' | 'number' | 'boolean' };
  }
  throw new InvalidRequestError(`The value compared with "${field}" is not a JSON string, number, boolean or null.`);
}

/**
 * The types a query reads, checked and without repeats: every query names the types it reads
 * (one, or up to MAX_QUERY_TYPES), so documents of a shape the caller did not ask for never
 * answer it. A single type comes back as a list of one, so adapters spell both forms one way.
 */
export function checkedQueryTypes(query: Query): readonly string[] {
  const { type } = query;
  if (typeof type === 'string') {
    if (type === '') throw new InvalidRequestError('A query needs the document type it looks for.');
    return [type];
  }
  if (!Array.isArray(type) || type.length === 0) {
    throw new InvalidRequestError('A query needs the document type it looks for, or a non-empty list of them.');
  }
  if (type.length > MAX_QUERY_TYPES) {
    throw new InvalidRequestError(`A query may name at most ${MAX_QUERY_TYPES} types, not ${type.length}.`);
  }
  for (const one of type as readonly unknown[]) {
    if (typeof one !== 'string' || one === '') {
      throw new InvalidRequestError('Each type a query names must be a non-empty string.');
    }
  }
  return [...new Set(type)];
}

/** The types of a valid query as one readable label for error messages: `session`, `seat, person`. */
export function queryTypeLabel(query: Query): string {
  return checkedQueryTypes(query).join(', ');
}

/**
 * The limit of a query, checked: `undefined` for none, else a whole number ≥ 0. Engines disagree
 * on fractions and negatives (rounding, ignoring, failing), so none of them gets to see one.
 */
export function checkedLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new InvalidRequestError(`A query limit must be a whole number of at least 0, not ${limit}.`);
  }
  return limit;
}

/** The sort direction as both engines spell it; anything but `asc`, `desc` or none is refused. */
export function sortDirectionOf(direction: 'asc' | 'desc' | undefined): 'ASC' | 'DESC' {
  if (direction === undefined || direction === 'asc') return 'ASC';
  if (direction === 'desc') return 'DESC';
  throw new InvalidRequestError(`Unknown sort direction "${String(direction)}".`);
}

/** The partition key must name a committee; an empty one would be a partition of strays. */
export function assertCommitteeId(committeeId: string): void {
  if (typeof committeeId !== 'string' || committeeId === '') {
    throw new InvalidRequestError('A committee id must be a non-empty string.');
  }
}

/** Committee id and document id, as Cosmos DB can address them (see CHARACTERS_COSMOS_REFUSES_IN_IDS). */
export function assertDocumentKey(committeeId: string, id: string): void {
  assertCommitteeId(committeeId);
  if (typeof id !== 'string' || id === '' || CHARACTERS_COSMOS_REFUSES_IN_IDS.test(id)) {
    throw new InvalidRequestError(`"${String(id)}" is not a valid document id (non-empty, without / \\ ? #).`);
  }
}

/** A document to write: an object with a valid key and a type, since queries select by type. */
export function assertDocument(document: Document): void {
  if (typeof document !== 'object' || document === null) {
    throw new InvalidRequestError('A document must be an object.');
  }
  assertDocumentKey(document.committeeId, document.id);
  if (typeof document.type !== 'string' || document.type === '') {
    throw new InvalidRequestError(`Document "${document.id}" has no type.`);
  }
}

/**
 * The keys of a `getMany`, checked before anything is read: an array of at most
 * MAX_GET_MANY_KEYS keys, each one `get` would accept.
 */
export function assertKeys(keys: readonly DocumentKey[]): void {
  if (!Array.isArray(keys)) throw new InvalidRequestError('The keys to read must be an array.');
  if (keys.length > MAX_GET_MANY_KEYS) {
    throw new InvalidRequestError(`One read may name at most ${MAX_GET_MANY_KEYS} keys, not ${keys.length}.`);
  }
  for (const key of keys) {
    if (typeof key !== 'object' || key === null) throw new InvalidRequestError('A key must be an object.');
    assertDocumentKey(key.committeeId, key.id);
  }
}

/**
 * Checks a whole batch before any of it is sent or written, so that a request that could never
 * succeed is refused the same way everywhere and never starts a transaction: at most
 * MAX_BATCH_OPERATIONS operations (Cosmos' limit), all in the batch's partition, all well formed.
 */
export function assertBatch(committeeId: string, operations: readonly BatchOperation[]): void {
  assertCommitteeId(committeeId);
  if (operations.length > MAX_BATCH_OPERATIONS) {
    throw new InvalidRequestError(
      `A batch may hold at most ${MAX_BATCH_OPERATIONS} operations, not ${operations.length}.`,
    );
  }
  for (const operation of operations) {
    if (operation.op === 'delete') {
      assertDocumentKey(committeeId, operation.id);
      continue;
    }
    if (operation.document.committeeId !== committeeId) {
      throw new InvalidRequestError(`Document "${operation.document.id}" belongs to another committee than the batch.`);
    }
    assertDocument(operation.document);
  }
}

/**
 * The document without its top-level `_`-prefixed fields. Those are system fields (`_etag`, or
 * Cosmos' `_rid`, `_self`, `_ts`, `_attachments`): storing an incoming `_etag` as data would
 * shadow the real one on the next read, and the rest belong to the engine. Reads use it too, so
 * they hand out no system field but the `_etag` they set themselves.
 */
export function withoutSystemFields(document: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([name]) => !name.startsWith('_')));
}
