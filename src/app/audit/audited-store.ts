import { type Clock, nowUtcIso } from '../../domain/clock';
import {
  MAX_BATCH_OPERATIONS,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Stored,
} from '../ports/document-store';
import { ConcurrencyError, ConflictError, InvalidRequestError, NotFoundError } from '../ports/store-errors';
import { auditContext, type AuditActor } from './audit-context';
import { AUDIT_ID_PREFIX, AUDIT_TYPE, auditRecordFor, isAudited, type AuditRecord } from './audit-record';

/** A write that would change or remove an audit record, or create one by hand: refused, nothing written. */
export class AuditRecordWriteRefused extends InvalidRequestError {}

/**
 * How often a write is tried again when a document changed between reading its before state and
 * writing. Only writes the caller made unconditional (`upsert`, `delete` without ETag) are
 * retried: the audited store adds the condition, so the race is its own, not the caller's.
 */
const UNCONDITIONAL_WRITE_ATTEMPTS = 5;

/**
 * The audit trail as a decorator of the store port: every write of an audited document type
 * (see `isAudited`) leaves one audit record per changed document, saying who (the ambient
 * `auditContext`), when (`clock`), what, and the changed fields before and after. Wrapping the
 * port once, in the composition root, means no use case records anything itself and none can be
 * missed; a write that changes nothing leaves no record.
 *
 * Atomicity: the records go into the same transactional batch as the change. A single `create`,
 * `replace`, `upsert` or `delete` becomes a batch of itself plus its record; a `batch` gets one
 * extra create per changed document. A failing or refused write therefore leaves no record, and
 * a record never claims a change that did not happen. The one exception is a batch so large that
 * change and records exceed Cosmos DB's 100 operations: then the change is written first and the
 * records right after, in batches of their own; a crash between the two would lose those records.
 *
 * Exactness of "before": the before state is read first, and the write is made conditional on
 * exactly that version (a replace keeps its own ETag; an upsert becomes a create or an ETag
 * replace; a delete gets the read ETag). A write that races another is thus never recorded
 * against a stale before; unconditional writes are retried on such a race, conditional ones fail
 * as they would unaudited.
 *
 * Append only: writing a document of type `audit`, or any write naming an `audit-…` id, is
 * refused with `AuditRecordWriteRefused`, except the replaces with which erasing a person
 * pseudonymises the records naming them (see `AuditActor.erasing`), and the replaces and deletes
 * of the retention run (see `AuditActor.retaining`). Records are created by this decorator alone, through
 * the inner store. Reads pass through unchanged.
 */
export function auditedStore(inner: DocumentStore, clock: Clock): DocumentStore {
  const writeBatch = async (
    committeeId: string,
    operations: readonly BatchOperation[],
  ): Promise<Array<Stored<Document> | undefined>> => {
    // Erasure pseudonymises the trail itself, and retention removes values from it and deletes
    // records past the period: those writes of audit records go straight through.
    if (maintainsTrail(operations, auditContext.current())) return inner.batch(committeeId, operations);
    for (const operation of operations) refuseAuditWrite(operation);
    for (let attempt = 1; ; attempt += 1) {
      const plan = await planWrite(inner, committeeId, operations, clock);
      if (!plan) return inner.batch(committeeId, operations);
      try {
        return await applyPlan(inner, committeeId, plan, operations.length);
      } catch (error) {
        const raced =
          error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError;
        if (!plan.unconditional || !raced || attempt >= UNCONDITIONAL_WRITE_ATTEMPTS) throw error;
      }
    }
  };
  const one = async <T extends Document>(committeeId: string, operation: BatchOperation): Promise<Stored<T>> => {
    const [written] = await writeBatch(committeeId, [operation]);
    return written as Stored<T>;
  };
  return {
    get: (committeeId, id) => inner.get(committeeId, id),
    getMany: (keys) => inner.getMany(keys),
    query: (committeeId, query) => inner.query(committeeId, query),
    queryAcrossCommittees: (query) => inner.queryAcrossCommittees(query),
    create: (document) => one(document.committeeId, { op: 'create', document }),
    replace: (document, ifMatch) => one(document.committeeId, { op: 'replace', document, ifMatch }),
    upsert: (document) => one(document.committeeId, { op: 'upsert', document }),
    async delete(committeeId, id, ifMatch) {
      await writeBatch(committeeId, [ifMatch === undefined ? { op: 'delete', id } : { op: 'delete', id, ifMatch }]);
    },
    batch: writeBatch,
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

/**
 * Whether the batch is data protection's own work on the trail: replaces of audit records while
 * erasing or retaining, and deletes of them while retaining; nothing else mixed in.
 */
function maintainsTrail(operations: readonly BatchOperation[], actor: AuditActor): boolean {
  if (operations.length === 0 || (actor.erasing !== true && actor.retaining !== true)) return false;
  return operations.every((operation) => {
    if (operation.op === 'replace')
      return operation.document.type === AUDIT_TYPE && operation.document.id.startsWith(AUDIT_ID_PREFIX);
    return operation.op === 'delete' && actor.retaining === true && operation.id.startsWith(AUDIT_ID_PREFIX);
  });
}

function refuseAuditWrite(operation: BatchOperation): void {
  const id = operation.op === 'delete' ? operation.id : operation.document.id;
  const type = operation.op === 'delete' ? undefined : operation.document.type;
  if (type === AUDIT_TYPE || (typeof id === 'string' && id.startsWith(AUDIT_ID_PREFIX))) {
    throw new AuditRecordWriteRefused(
      'audit records are written by the audit trail only, and never changed or deleted',
    );
  }
}

interface WritePlan {
  readonly operations: readonly BatchOperation[];
  readonly records: readonly AuditRecord[];
  /** Whether the plan made a caller's unconditional write conditional (then a race is retried). */
  readonly unconditional: boolean;
}

/**
 * The operations as they will be written (upserts and deletes made conditional on the state read)
 * and the audit records, or undefined when nothing in the batch is audited.
 */
async function planWrite(
  inner: DocumentStore,
  committeeId: string,
  operations: readonly BatchOperation[],
  clock: Clock,
): Promise<WritePlan | undefined> {
  const needsBefore = (operation: BatchOperation) =>
    operation.op === 'delete' || (operation.op !== 'create' && isAudited(operation.document.type));
  if (!operations.some((operation) => operation.op === 'delete' || isAudited(operation.document.type)))
    return undefined;
  const befores = await Promise.all(
    operations.map((operation) =>
      needsBefore(operation)
        ? inner.get(committeeId, operation.op === 'delete' ? operation.id : operation.document.id)
        : undefined,
    ),
  );
  const actor = auditContext.current();
  const atIso = nowUtcIso(clock);
  const planned: BatchOperation[] = [];
  const records: AuditRecord[] = [];
  let unconditional = false;
  operations.forEach((operation, index) => {
    const before = befores[index];
    if (before?.type === AUDIT_TYPE) throw new AuditRecordWriteRefused('audit records are never changed or deleted');
    const type = operation.op === 'delete' ? before?.type : operation.document.type;
    if (type === undefined || !isAudited(type)) return void planned.push(operation);
    if (operation.op === 'upsert') unconditional = true;
    if (operation.op === 'delete' && operation.ifMatch === undefined) unconditional = true;
    planned.push(conditional(operation, before));
    const after = operation.op === 'delete' ? undefined : operation.document;
    const record = auditRecordFor(
      committeeId,
      before && withoutSystemFields(before),
      after && withoutSystemFields(after),
      actor,
      atIso,
    );
    if (record) records.push(record);
  });
  return { operations: planned, records, unconditional };
}

/** The operation bound to the version read: an upsert becomes a create or an ETag replace; a delete gets the ETag. */
function conditional(operation: BatchOperation, before: Stored<Document> | undefined): BatchOperation {
  if (operation.op === 'upsert')
    return before
      ? { op: 'replace', document: operation.document, ifMatch: before._etag }
      : { op: 'create', document: operation.document };
  if (operation.op === 'delete' && operation.ifMatch === undefined && before)
    return { op: 'delete', id: operation.id, ifMatch: before._etag };
  return operation;
}

async function applyPlan(
  inner: DocumentStore,
  committeeId: string,
  plan: WritePlan,
  count: number,
): Promise<Array<Stored<Document> | undefined>> {
  if (plan.operations.length + plan.records.length <= MAX_BATCH_OPERATIONS) {
    const written = await inner.batch(committeeId, [
      ...plan.operations,
      ...plan.records.map((document) => ({ op: 'create' as const, document })),
    ]);
    return written.slice(0, count);
  }
  const written = await inner.batch(committeeId, plan.operations);
  for (let start = 0; start < plan.records.length; start += MAX_BATCH_OPERATIONS) {
    await inner.batch(
      committeeId,
      plan.records.slice(start, start + MAX_BATCH_OPERATIONS).map((document) => ({ op: 'create' as const, document })),
    );
  }
  return written;
}

/** The document without `_`-prefixed system fields, which the store never keeps. */
function withoutSystemFields<T extends Document>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([name]) => !name.startsWith('_'))) as unknown as T;
}
