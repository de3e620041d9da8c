import { COMMITTEE_ROUTE_TYPE, PERSON_COMMITTEES_TYPE } from '../committees/directory-documents';
import { monotonicFactory } from 'ulid';
import type { Document } from '../ports/document-store';
import type { AuditActor, AuditSource } from './audit-context';

/** The document type of audit records. */
export const AUDIT_TYPE = 'audit';

/** Ids of audit records start so; no other document's id does, so a write naming one is refused unread. */
export const AUDIT_ID_PREFIX = 'audit-';

/**
 * Makes the part of a record id after the prefix: a ULID (48-bit time, then 80 random bits,
 * sortable as text) from a monotonic factory, which within this process makes every id greater
 * than the one before, also within one millisecond, where it counts the random part up. Records
 * of the same instant, say the writes of one batch, therefore sort by id in the order they were
 * made; the random part keeps ids of several instances apart.
 */
const nextRecordUlid = monotonicFactory();

/**
 * A new audit record's id: ordered after every record this process made before, and carrying the
 * record's time (`atIso`, from the injected clock) in its first characters.
 */
export function auditRecordId(atIso: string): string {
  return `${AUDIT_ID_PREFIX}${nextRecordUlid(Date.parse(atIso))}`;
}

/**
 * The trail's one order, newest first: by `at`, and among records of the same instant by id,
 * the later written first (see `auditRecordId`). Ids are compared as plain text, never by locale,
 * so both stores and every instance list the same records alike.
 */
export function newestFirst(a: Pick<AuditRecord, 'at' | 'id'>, b: Pick<AuditRecord, 'at' | 'id'>): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Document types whose changes are not recorded, and why. Everything else is audited, so a
 * document type added later is recorded without anyone remembering to:
 * - `outbox`, `dispatch`: the delivery machinery; every dispatch is written in the same batch
 *   as the audited change that caused it, and `zustellung` reports delivery itself;
 * - `job`: deadline jobs and their leases; what a job changes is audited under the scheduler;
 * - `conversation`: conversation references, refreshed on every sighting, not a decision;
 * - `roster`: the roster's revision counter, changed with every audited seat or person change;
 * - `extraSessionClaim`: the marker that makes adding an extra session idempotent, written
 *   beside the audited session it names;
 * - `link`: a download link issued with every card that carries one, and deleted when it expires
 *   or is revoked; the message or turn that carried it is the record, and the trail, kept far
 *   longer, would otherwise grow by one record per card shown;
 * - `oparlObject`, `oparlCommittee`: the published OParl record and its directory, copies the
 *   interface's refresh derives from audited records (see app/oparl) and rewrites whenever they change;
 * - `committeeRoute`, `personCommittees`: the tenant directory's routes and people's indexes of
 *   committees, derived from the audited committee and roster documents and repaired from them;
 *   the committee a person works with in their personal chat is a view, changing no record;
 * - `audit`: the records themselves, which are only ever created (see `auditedStore`).
 */
export const UNAUDITED_TYPES: ReadonlySet<string> = new Set([
  'outbox',
  'dispatch',
  'job',
  'conversation',
  'roster',
  'extraSessionClaim',
  'link',
  'oparlObject',
  'oparlCommittee',
  COMMITTEE_ROUTE_TYPE,
  PERSON_COMMITTEES_TYPE,
  AUDIT_TYPE,
]);

/** Whether writes of documents of this type leave an audit record. */
export function isAudited(type: string): boolean {
  return !UNAUDITED_TYPES.has(type);
}

/** What happened to the document, as its before and after states show. */
export type AuditOperation = 'created' | 'changed' | 'deleted';

/** A value as the trail keeps it: capped, so that records stay small (see `auditValue`). */
export type AuditValue = string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown };

/** One changed top-level field; `before` is missing for a new field, `after` for a removed one. */
export interface AuditChange {
  readonly field: string;
  readonly before?: AuditValue;
  readonly after?: AuditValue;
}

/**
 * One change of one document, written in the same batch as the change where the store allows
 * (see `auditedStore`), with an id that orders it after the records written before it (see
 * `auditRecordId`), and never replaced or deleted through the bot.
 *
 * To find records by session and by person with the store's plain queries, the record carries
 * flat fields: `sessionId` (the document's session, see `sessionOf`) and `subject1`–`subject3`
 * (the people the document is about, see `PERSON_FIELDS`), beside `actorId`.
 */
export interface AuditRecord extends Document {
  readonly type: typeof AUDIT_TYPE;
  /** UTC instant of the change. */
  readonly at: string;
  readonly actorId: string;
  readonly source: AuditSource;
  readonly reason?: string;
  readonly operation: AuditOperation;
  readonly documentType: string;
  readonly documentId: string;
  readonly sessionId?: string;
  readonly subject1?: string;
  readonly subject2?: string;
  readonly subject3?: string;
  /** Changed top-level fields, in field-name order; bookkeeping fields (`id`, `committeeId`, `type`) left out. */
  readonly changes: readonly AuditChange[];
}

/** Strings longer than this are cut, and larger arrays or objects summarised. */
export const AUDIT_VALUE_MAX_CHARS = 500;

/**
 * Fields whose values are secrets (the unguessable parts of calendar and minutes links): the
 * trail says that they changed, never what they are.
 */
const SECRET_FIELD = /token$/i;
export const REDACTED = '[redacted]';

/** Fields that name a person by Entra object id; `aadObjectId` only on person documents. */
const PERSON_FIELDS = ['personId', 'responsibleId', 'memberId', 'deputyId'] as const;
const SUBJECT_SLOTS = 3;
const BOOKKEEPING = new Set(['id', 'committeeId', 'type']);

type Fields = Readonly<Record<string, unknown>>;

/**
 * The audit record of one write, or undefined when the write changes no field (an idempotent
 * rewrite is no state change). `before` is the stored state the write replaces (undefined for
 * a new document), `after` the state written (undefined for a delete).
 */
export function auditRecordFor(
  committeeId: string,
  before: Document | undefined,
  after: Document | undefined,
  actor: AuditActor,
  atIso: string,
): AuditRecord | undefined {
  const subject = (after ?? before)!;
  const changes = changedFields(before, after);
  if (changes.length === 0) return undefined;
  const subjects = subjectsOf(after, before);
  const sessionId = sessionOf(after) ?? sessionOf(before);
  return {
    id: auditRecordId(atIso),
    committeeId,
    type: AUDIT_TYPE,
    at: atIso,
    actorId: actor.actorId,
    source: actor.source,
    ...(actor.reason ? { reason: actor.reason } : {}),
    operation: !before ? 'created' : !after ? 'deleted' : 'changed',
    documentType: subject.type,
    documentId: subject.id,
    ...(sessionId ? { sessionId } : {}),
    ...Object.fromEntries(subjects.slice(0, SUBJECT_SLOTS).map((person, index) => [`subject${index + 1}`, person])),
    changes,
  };
}

/** Top-level fields whose JSON differs between the two states, with capped values. */
export function changedFields(before: Document | undefined, after: Document | undefined): AuditChange[] {
  const a = (before ?? {}) as Fields;
  const b = (after ?? {}) as Fields;
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((name) => !BOOKKEEPING.has(name) && !name.startsWith('_'))
    .sort();
  const changes: AuditChange[] = [];
  for (const field of names) {
    const was = a[field];
    const is = b[field];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes.push({
      field,
      ...(was === undefined ? {} : { before: auditValue(field, was) }),
      ...(is === undefined ? {} : { after: auditValue(field, is) }),
    });
  }
  return changes;
}

/**
 * A value as the trail keeps it: strings over `AUDIT_VALUE_MAX_CHARS` cut with an ellipsis;
 * arrays and objects kept while their JSON fits that size, else summarised as
 * `{ omitted: 'array', entries }` or `{ omitted: 'object', fields }`; secrets redacted.
 */
export function auditValue(field: string, value: unknown): AuditValue {
  if (SECRET_FIELD.test(field)) return REDACTED;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return value.length > AUDIT_VALUE_MAX_CHARS ? `${value.slice(0, AUDIT_VALUE_MAX_CHARS)}…` : value;
  if (typeof value === 'object') {
    if (JSON.stringify(value).length <= AUDIT_VALUE_MAX_CHARS) return value as AuditValue;
    return Array.isArray(value)
      ? { omitted: 'array', entries: value.length }
      : { omitted: 'object', fields: Object.keys(value).length };
  }
  return String(value);
}

/** The session a document belongs to: its `sessionId`, a session's own id, or the session a working group reports at. */
function sessionOf(document: Document | undefined): string | undefined {
  if (!document) return undefined;
  const fields = document as unknown as Fields;
  if (typeof fields.sessionId === 'string') return fields.sessionId;
  if (document.type === 'session') return document.id;
  if (typeof fields.reportSessionId === 'string') return fields.reportSessionId;
  return undefined;
}

/** The people a document is about, after state first, without repeats. */
function subjectsOf(...documents: Array<Document | undefined>): string[] {
  const people: string[] = [];
  for (const document of documents) {
    if (!document) continue;
    const fields = document as unknown as Fields;
    const candidates = [
      document.type === 'person' ? fields.aadObjectId : undefined,
      ...PERSON_FIELDS.map((name) => fields[name]),
    ];
    for (const candidate of candidates)
      if (typeof candidate === 'string' && candidate && !people.includes(candidate)) people.push(candidate);
  }
  return people;
}
