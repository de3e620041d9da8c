import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { parseSessionNumber } from '../../domain/sessions/session-number';
import type { AppDependencies } from '../dependencies';
import type { PersonDocument, SeatDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { DocumentStore, Stored } from '../ports/document-store';
import { sessionByNumber } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import type { AuditSource } from './audit-context';
import { AUDIT_TYPE, newestFirst, type AuditChange, type AuditOperation, type AuditRecord } from './audit-record';

/** Records per page of the audit card, so that a page stays well inside Teams' message size. */
export const AUDIT_PAGE_SIZE = 10;
/** Pages one can leaf back; older records stay in the store, for an export by the operator. */
export const AUDIT_MAX_PAGES = 25;
/** Longest query text taken from a command or a card. */
export const AUDIT_QUERY_MAX = 200;
/** People listed when a name matches several. */
const LISTED_CANDIDATES = 8;

/** What the trail is shown for: a session by number, or a person of the roster. */
export type AuditSubject =
  | { readonly kind: 'session'; readonly number: string; readonly sessionId: string }
  | { readonly kind: 'person'; readonly name: string; readonly aadObjectId: string };

/** One record as the secretariat reads it: names resolved from the roster. */
export interface AuditEntry {
  readonly at: string;
  /** The acting person's name; undefined when no person acted (see `source`) or they left the roster. */
  readonly actorName?: string;
  readonly source: AuditSource;
  readonly reason?: string;
  readonly operation: AuditOperation;
  readonly documentType: string;
  readonly documentId: string;
  /** The session the changed document belongs to, if any. */
  readonly sessionId?: string;
  readonly changes: readonly AuditChange[];
}

export interface AuditTrailView {
  readonly timeZone: string;
  readonly subject: AuditSubject;
  /** The query text that found the subject, which the paging buttons send again. */
  readonly query: string;
  readonly page: number;
  readonly hasMore: boolean;
  readonly entries: readonly AuditEntry[];
  /**
   * Names by object id, of everyone on the roster, and session numbers by session id: the card
   * writes people and sessions a record names by id as a reader knows them.
   */
  readonly names: Readonly<Record<string, string>>;
  readonly sessions: Readonly<Record<string, string>>;
  /** Institutions by seat id, for the seat an answer or attendance is for. */
  readonly seats: Readonly<Record<string, string>>;
}

export type AuditTrailRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'queryRequired' | 'invalidQuery' }
  | { readonly kind: 'unknownSession'; readonly number: string }
  | { readonly kind: 'unknownPerson'; readonly name: string }
  | { readonly kind: 'ambiguousPerson'; readonly name: string; readonly candidates: readonly string[] };

/**
 * The audit trail (`protokollierung` / `audit`), newest first, for a session (`2027/1`: every
 * record of a document of that session, see `AuditRecord.sessionId`) or a person named as on
 * the roster (records where they acted or that are about them). Secretariat only; read only:
 * there is no way to change or remove a record (see `auditedStore`). Records of the same instant
 * are listed the later written first (see `newestFirst`), so every page is the same each time.
 */
export async function auditTrail(
  { store }: AppDependencies,
  actor: Actor,
  queryText: unknown,
  pageInput: unknown = 1,
): Promise<Result<AuditTrailView, AuditTrailRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('audit', actor)) return fail({ kind: 'notAllowed' });
  if (typeof queryText !== 'string' || queryText.length > AUDIT_QUERY_MAX) return fail({ kind: 'invalidQuery' });
  const query = queryText.trim().replace(/\s+/g, ' ');
  if (!query) return fail({ kind: 'queryRequired' });
  const pageNumber = typeof pageInput === 'string' && /^\d{1,3}$/.test(pageInput) ? Number(pageInput) : pageInput;
  const page =
    Number.isInteger(pageNumber) && (pageNumber as number) >= 1 ? Math.min(pageNumber as number, AUDIT_MAX_PAGES) : 1;

  const [people, sessions, seats] = await Promise.all([
    store.query<PersonDocument>(actor.committeeId, { type: 'person' }),
    store.query<SessionDocument>(actor.committeeId, { type: 'session' }),
    store.query<SeatDocument>(actor.committeeId, { type: 'seat' }),
  ]);
  const subject = await subjectOf(store, actor.committeeId, query, people);
  if (!subject.ok) return subject;
  const wanted = page * AUDIT_PAGE_SIZE + 1;
  const found =
    subject.value.kind === 'session'
      ? await newestRecords(store, actor.committeeId, 'sessionId', subject.value.sessionId, wanted)
      : await recordsOfPerson(store, actor.committeeId, subject.value.aadObjectId, wanted);
  const unique = [...new Map(found.map((record) => [record.id, record])).values()].sort(newestFirst);
  const names = new Map(people.map((person) => [person.aadObjectId, person.displayName]));
  const shown = unique.slice((page - 1) * AUDIT_PAGE_SIZE, page * AUDIT_PAGE_SIZE);
  return ok({
    timeZone: actor.committee.timeZone,
    subject: subject.value,
    query,
    page,
    hasMore: unique.length > page * AUDIT_PAGE_SIZE && page < AUDIT_MAX_PAGES,
    entries: shown.map((record) => ({
      at: record.at,
      // Someone no longer on the roster is named as such on the card, never by their object id.
      ...(record.source === 'bot' && names.has(record.actorId) ? { actorName: names.get(record.actorId) } : {}),
      source: record.source,
      ...(record.reason ? { reason: record.reason } : {}),
      operation: record.operation,
      documentType: record.documentType,
      documentId: record.documentId,
      ...(record.sessionId ? { sessionId: record.sessionId } : {}),
      changes: record.changes,
    })),
    names: Object.fromEntries(names),
    sessions: Object.fromEntries(sessions.map((session) => [session.id, session.number])),
    seats: Object.fromEntries(seats.map((seat) => [seat.id, seat.institution])),
  });
}

/**
 * At least the `wanted` newest records whose `field` is `value`, in no particular order. The
 * store orders by one field only, so where its limit cuts through records of one instant, which
 * of them it returns is its choice: all records of that instant are read then, and `newestFirst`
 * decides among them.
 */
async function newestRecords(
  store: DocumentStore,
  committeeId: string,
  field: string,
  value: string,
  wanted: number,
): Promise<AuditRecord[]> {
  const where = [{ field, op: '=', value }] as const;
  const orderBy = { field: 'at', direction: 'desc' } as const;
  const newest = await store.query<AuditRecord>(committeeId, { type: AUDIT_TYPE, where, orderBy, limit: wanted });
  const oldest = newest.at(-1);
  if (newest.length < wanted || !oldest) return newest;
  const atThatInstant = [...where, { field: 'at', op: '=', value: oldest.at }] as const;
  const sameInstant = await store.query<AuditRecord>(committeeId, { type: AUDIT_TYPE, where: atThatInstant });
  return [...newest.filter((record) => record.at !== oldest.at), ...sameInstant];
}

/** The newest records where the person acted or that are about them (see `AuditRecord.subject1`). */
async function recordsOfPerson(
  store: DocumentStore,
  committeeId: string,
  aadObjectId: string,
  wanted: number,
): Promise<AuditRecord[]> {
  const fields = ['actorId', 'subject1', 'subject2', 'subject3'];
  const found = await Promise.all(fields.map((field) => newestRecords(store, committeeId, field, aadObjectId, wanted)));
  return found.flat();
}

async function subjectOf(
  store: AppDependencies['store'],
  committeeId: string,
  query: string,
  people: ReadonlyArray<Stored<PersonDocument>>,
): Promise<Result<AuditSubject, AuditTrailRefusal>> {
  const number = parseSessionNumber(query);
  if (number) {
    const session = await sessionByNumber(store, committeeId, number);
    if (!session) return fail({ kind: 'unknownSession', number: query });
    return ok({ kind: 'session', number: session.number, sessionId: session.id });
  }
  const wanted = query.toLocaleLowerCase('de');
  const exact = people.filter((person) => person.displayName.toLocaleLowerCase('de') === wanted);
  const matches =
    exact.length > 0 ? exact : people.filter((person) => person.displayName.toLocaleLowerCase('de').includes(wanted));
  if (matches.length === 0) return fail({ kind: 'unknownPerson', name: query });
  if (matches.length > 1)
    return fail({
      kind: 'ambiguousPerson',
      name: query,
      candidates: matches
        .map((person) => person.displayName)
        .sort()
        .slice(0, LISTED_CANDIDATES),
    });
  return ok({ kind: 'person', name: matches[0]!.displayName, aadObjectId: matches[0]!.aadObjectId });
}
