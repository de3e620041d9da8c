import { DateTime } from 'luxon';
import { toUtcIso } from '../../domain/clock';
import { DEFAULT_RETENTION_MONTHS, retentionMonthsOf } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, isTenantDirectory } from '../../domain/ids';
import { noteMemberships } from '../committees/person-committees';
import { tenantView } from '../committees/tenant-view';
import { nameFinder } from '../../domain/name-finder';
import { isFinished } from '../../domain/sessions/session-state';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { SubmissionDocument } from '../agenda/submission-document';
import { auditContext } from '../audit/audit-context';
import { AUDIT_TYPE, changedFields, type AuditChange, type AuditRecord } from '../audit/audit-record';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../documents';
import { minutesDocumentId, type MinutesDocument, type MinutesVersionDocument } from '../minutes/minutes-document';
import type { Document, Stored } from '../ports/document-store';
import type { AttendanceDocument } from '../sessions/attendance';
import type { RsvpDocument } from '../sessions/rsvp-document';
import type { SessionDocument } from '../sessions/session-document';
import { forgetPerson } from './erase-person';
import { ERASED_PSEUDONYM } from './pseudonym';
import { RETENTION_RULES, sessionRetentionStart, type RetentionRule, type RetentionScope } from './retention-rules';
import { rewriteDocument, type Rewritten } from './rewrite-document';
import { removeSharedLinkTokens } from '../links/remove-shared-link-tokens';

/** What one run did, for the log and the tests. */
export interface RetentionOutcome {
  /** Finished sessions whose retention period has passed (whether or not anything was left to remove). */
  readonly sessions: number;
  /** Documents rewritten or deleted, audit records included. */
  readonly documents: number;
  /** The same, per document type. */
  readonly byType: Readonly<Record<string, number>>;
}

/** What an audit record shows where retention removed a value. */
export const REMOVED_VALUE = '[removed]';

/**
 * Applies the retention table (`RETENTION_RULES`) to one partition (Art. 5(1)(e) GDPR): every
 * document that has reached the end of its lifetime is deleted or loses its personal data, as
 * its row says. The audit trail follows: where a document lost values, the records of its
 * changes lose them too (that the field changed stays), and records older than the period go.
 * Works in a partition without a committee as well, with the default period. Idempotent: a
 * second run finds nothing left to remove; every write carries the ETag it read, so a change
 * made meanwhile is read again and judged anew, never overwritten.
 */
export async function applyRetention(deps: AppDependencies, committeeId: string): Promise<RetentionOutcome> {
  await removeSharedLinkTokens(deps, committeeId);
  const { scope, peopleNames } = await retentionScope(deps, committeeId);
  const candidates = new Map<RetentionRule, Array<Stored<Document>>>();
  for (const rule of RETENTION_RULES) {
    const found = new Map<string, Stored<Document>>();
    for (const query of rule.candidates(scope)) {
      for (const document of await deps.store.query<Document>(committeeId, query)) found.set(document.id, document);
    }
    candidates.set(rule, [...found.values()]);
  }
  const listed = namesInLists([...candidates.values()].flat(), scope.expiredSessions);
  const withNames: RetentionScope = { ...scope, names: nameFinder([...peopleNames, ...listed]) };

  const byType: Record<string, number> = {};
  const count = (type: string) => (byType[type] = (byType[type] ?? 0) + 1);
  const rewritten: Rewritten[] = [];
  await auditContext.run({ ...auditContext.current(), retaining: true }, async () => {
    for (const rule of RETENTION_RULES) {
      for (const document of candidates.get(rule) ?? []) {
        const atEnd = (fresh: Stored<Document>) => rule.atEndOf(withoutEtag(fresh), withNames);
        const write = () => rewriteDocument(deps.store, document, atEnd);
        let done: Rewritten | undefined;
        if (rule.forgetsName?.(withoutEtag(document), withNames)) {
          // A person who left long ago: their name goes from every record first, then from their own.
          const person = document as unknown as PersonDocument;
          const writePerson = async () => (done = await write()) !== undefined;
          await forgetPerson(deps, committeeId, person, ERASED_PSEUDONYM, writePerson);
        } else {
          done = await write();
        }
        if (!done) continue;
        count(rule.type);
        if (rule.type !== AUDIT_TYPE) rewritten.push(done);
      }
    }
    // The trail recorded the values these writes removed, when they were written and just now.
    // One read of the trail serves every document: a query per document would read it each time.
    const trail = rewritten.length > 0 ? await deps.store.query<AuditRecord>(committeeId, { type: AUDIT_TYPE }) : [];
    const recordsOf = new Map<string, Array<Stored<AuditRecord>>>();
    for (const record of trail) {
      const records = recordsOf.get(record.documentId) ?? [];
      records.push(record);
      recordsOf.set(record.documentId, records);
    }
    for (const { before, after } of rewritten) {
      const fields = after === 'delete' ? undefined : changedFields(before, after).map((change) => change.field);
      const removed = fields && new Set(fields);
      const emptied = (fresh: Stored<Document>) => withoutValues(fresh as Stored<AuditRecord>, removed);
      for (const record of recordsOf.get(before.id) ?? []) {
        if (await rewriteDocument(deps.store, record, emptied)) count(AUDIT_TYPE);
      }
    }
  });
  // The daily repair of the people's indexes: a roster change whose note was lost is noted now.
  if (scope.committee) {
    const kept = [...scope.people.values()].filter((person) => !person.erasedAt);
    await noteMemberships(
      deps,
      committeeId,
      kept.map((person) => person.aadObjectId),
    );
  }
  const documents = Object.values(byType).reduce((sum, value) => sum + value, 0);
  return { sessions: scope.expiredSessions.size, documents, byType };
}

/** The scope of a run before the names are known: the committee, its period, sessions and people. */
async function retentionScope(
  deps: AppDependencies,
  committeeId: string,
): Promise<{ readonly scope: RetentionScope; readonly peopleNames: string[] }> {
  const committee = await deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  const now = deps.clock.now().toUTC();
  const months = committee ? retentionMonthsOf(committee) : DEFAULT_RETENTION_MONTHS;
  const periodCutoff = toUtcIso(now.minus({ months }));
  const notDone = { type: 'agreement', where: [{ field: 'status', op: '!=' as const, value: 'done' }] };
  const [sessions, people, seats, openAgreements] = await Promise.all([
    committee ? deps.store.query<SessionDocument>(committeeId, { type: 'session' }) : Promise.resolve([]),
    deps.store.query<PersonDocument>(committeeId, { type: 'person' }),
    deps.store.query<SeatDocument>(committeeId, { type: 'seat' }),
    deps.store.query<AgreementDocument>(committeeId, notDone),
  ]);
  const expiredSessions = new Set<string>();
  for (const session of sessions) {
    if (!isFinished(session.state)) continue;
    const minutes = await deps.store.get<MinutesDocument>(committeeId, minutesDocumentId(session.id));
    const since = sessionRetentionStart(session, minutes);
    const sinceUtc = since && toUtcIso(DateTime.fromISO(since, { zone: 'utc' }));
    if (sinceUtc && sinceUtc <= periodCutoff) expiredSessions.add(session.id);
  }
  const holders = seats.flatMap((seat) => [seat.memberId, ...(seat.deputyId ? [seat.deputyId] : [])]);
  const scope: RetentionScope = {
    committeeId,
    ...(committee ? { committee } : {}),
    ...(isTenantDirectory(committeeId) ? { directory: await tenantView(deps, committeeId) } : {}),
    nowIso: toUtcIso(now),
    periodCutoff,
    daysAgo: (days) => toUtcIso(now.minus({ days })),
    expiredSessions,
    people: new Map(people.map((person) => [person.aadObjectId, withoutEtag(person)])),
    stillNeeded: new Set([...holders, ...openAgreements.map((agreement) => agreement.responsibleId)]),
  };
  const named = people.filter((person) => !person.erasedAt && !person.pseudonymisedAt);
  return { scope, peopleNames: named.map((person) => person.displayName) };
}

/**
 * The names that the expired sessions' own lists give (delegates, attendance, participants,
 * submitters, those responsible for action items), so that a text naming a delegate or a guest
 * outside the roster loses that name as well.
 */
function namesInLists(documents: ReadonlyArray<Stored<Document>>, expiredSessions: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const document of documents) {
    const sessionId = (document as unknown as { readonly sessionId?: string }).sessionId;
    if (sessionId === undefined || !expiredSessions.has(sessionId)) continue;
    const as = <T>() => document as unknown as T;
    if (document.type === 'rsvp') names.push(as<RsvpDocument>().delegateName ?? '');
    if (document.type === 'attendance') names.push(...as<AttendanceDocument>().entries.map((entry) => entry.name));
    if (document.type === 'minutes' || document.type === 'minutesVersion') {
      names.push(...as<MinutesVersionDocument>().participants.map((participant) => participant.name));
    }
    if (document.type === 'topicSubmission') names.push(as<SubmissionDocument>().personName);
    if (document.type === 'agreement') names.push(as<AgreementDocument>().responsibleName ?? '');
  }
  return names.filter((name) => name.trim() !== '');
}

/**
 * An audit record without the values of the given fields (of all fields when undefined, for a
 * document that was deleted), or undefined when it holds none of them any more.
 */
function withoutValues(record: Stored<AuditRecord>, fields: ReadonlySet<string> | undefined): Document | undefined {
  const holds = (value: unknown) => value !== undefined && value !== REMOVED_VALUE;
  const named = (change: AuditChange) => fields === undefined || fields.has(change.field);
  const affected = (change: AuditChange) => named(change) && (holds(change.before) || holds(change.after));
  if (!record.changes.some(affected)) return undefined;
  const changes = record.changes.map((change): AuditChange => {
    if (!affected(change)) return change;
    return {
      field: change.field,
      ...(change.before !== undefined ? { before: REMOVED_VALUE } : {}),
      ...(change.after !== undefined ? { after: REMOVED_VALUE } : {}),
    };
  });
  return { ...withoutEtag(record), changes } as AuditRecord;
}

function withoutEtag<T extends Document>(document: Stored<T> | T): T {
  const { _etag: _ignored, ...rest } = document as Stored<T>;
  return rest as unknown as T;
}
