import { DateTime } from 'luxon';
import { retentionMonthsOf } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import { minutesDocumentId, type MinutesDocument, type MinutesVersionDocument } from '../minutes/minutes-document';
import type { MinutesResponseDocument } from '../minutes/minutes-response-document';
import type { Document, Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { attendanceDocumentId, type AttendanceDocument } from '../sessions/attendance';
import type { RsvpDocument } from '../sessions/rsvp-document';
import type { SessionDocument } from '../sessions/session-document';
import type { DataExportDocument } from './data-export-document';
import { auditContext } from '../audit/audit-context';
import { AUDIT_TYPE, type AuditRecord } from '../audit/audit-record';
import { removeExpiredLinks } from '../links/remove-expired-links';

/** What one run removed, for the log and the tests. */
export interface RetentionOutcome {
  readonly sessions: number;
  readonly documents: number;
  readonly exports: number;
}

/** Sessions whose record is finished: nothing about them will be asked or answered again. */
const FINISHED = new Set<SessionDocument['state']>(['minutesApproved', 'closed', 'cancelled']);

/**
 * Removes the personal data of finished sessions once the committee's retention period has
 * passed (Art. 5(1)(e) GDPR): the names of delegates in replies, the names in the attendance and
 * in every version of the minutes, and the words of minutes answers (the answers and their
 * counts stay). The period runs from the approval of the minutes, or from the session's end for
 * a session without approved minutes (a cancelled one). Also deletes data exports whose link
 * has expired. Idempotent: a second run finds nothing left to remove.
 */
export async function applyRetention(deps: AppDependencies, committeeId: string): Promise<RetentionOutcome> {
  const committee = await deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  const now = deps.clock.now().toUTC();
  const nowIso = now.toISO()!;
  let exports = 0;
  for (const expired of await deps.store.query<DataExportDocument>(committeeId, { type: 'dataExport', where: [{ field: 'expiresAt', op: '<=', value: nowIso }] })) {
    if (await rewrite(deps, expired, () => 'delete')) exports += 1;
  }
  await removeExpiredLinks(deps, committeeId);
  if (!committee) return { sessions: 0, documents: 0, exports };
  const cutoff = now.minus({ months: retentionMonthsOf(committee) }).toISO()!;
  const sessions = (await deps.store.query<SessionDocument>(committeeId, { type: 'session' })).filter((session) => FINISHED.has(session.state));
  let due = 0;
  let documents = 0;
  for (const session of sessions) {
    const minutes = await deps.store.get<MinutesDocument>(committeeId, minutesDocumentId(session.id));
    const since = minutes?.approval?.at ?? (session.state === 'cancelled' || !minutes ? session.endsAt : undefined);
    if (!since || DateTime.fromISO(since, { zone: 'utc' }).toUTC().toISO()! > cutoff) continue;
    due += 1;
    const bySession = <T extends Document>(type: string) => deps.store.query<T>(committeeId, { type, where: [{ field: 'sessionId', op: '=', value: session.id }] });
    const attendance = await deps.store.get<AttendanceDocument>(committeeId, attendanceDocumentId(session.id));
    const candidates: Array<[Stored<Document>, (document: Document) => Document | undefined]> = [
      ...(await bySession<RsvpDocument>('rsvp')).map((rsvp): [Stored<Document>, (document: Document) => Document | undefined] => [rsvp, (document) => withoutField(document, 'delegateName')]),
      ...(attendance ? [[attendance, (document: Document) => withoutNames(document, 'entries')] as [Stored<Document>, (document: Document) => Document | undefined]] : []),
      ...(minutes ? [[minutes, (document: Document) => withoutNames(document, 'participants')] as [Stored<Document>, (document: Document) => Document | undefined]] : []),
      ...(await bySession<MinutesVersionDocument>('minutesVersion')).map((version): [Stored<Document>, (document: Document) => Document | undefined] => [version, (document) => withoutNames(document, 'participants')]),
      ...(await bySession<MinutesResponseDocument>('minutesResponse')).map((response): [Stored<Document>, (document: Document) => Document | undefined] => [response, (document) => withoutField(document, 'comment')]),
    ];
    for (const [document, change] of candidates) if (await rewrite(deps, document, change)) documents += 1;
    // The trail recorded the same names and comments when they were written; they go there too.
    await auditContext.run({ ...auditContext.current(), erasing: true }, async () => {
      for (const record of await bySession<AuditRecord>(AUDIT_TYPE)) if (await rewrite(deps, record, withoutRetainedValues)) documents += 1;
    });
  }
  return { sessions: due, documents, exports };
}

/** The fields whose values retention removes: delegate names, attendance and participant names, objection comments. */
const RETAINED_FIELDS: ReadonlySet<string> = new Set(['delegateName', 'entries', 'participants', 'comment']);

/** An audit record with the values of those fields removed (that they changed stays), or undefined when it has none. */
function withoutRetainedValues(document: Document): Document | undefined {
  const record = document as AuditRecord;
  if (!record.changes.some((change) => RETAINED_FIELDS.has(change.field) && (change.before !== REMOVED || change.after !== REMOVED))) return undefined;
  const changes = record.changes.map((change) => (RETAINED_FIELDS.has(change.field) ? { field: change.field, before: REMOVED, after: REMOVED } : change));
  return { ...record, changes } as AuditRecord;
}

/** What an audit record shows where retention removed a value. */
const REMOVED = '[removed]';

/** The document without one top-level field, or undefined when it has none. */
function withoutField(document: Document, field: string): Document | undefined {
  if (!(field in document)) return undefined;
  const { [field]: _removed, ...rest } = document as unknown as Record<string, unknown>;
  return rest as unknown as Document;
}

/** The document with the names of a list of people blanked, or undefined when none is left. */
function withoutNames(document: Document, list: 'entries' | 'participants'): Document | undefined {
  const lines = (document as unknown as Record<string, ReadonlyArray<{ readonly name: string }>>)[list] ?? [];
  if (lines.every((line) => line.name === '')) return undefined;
  return { ...document, [list]: lines.map((line) => ({ ...line, name: '' })) } as Document;
}

/** Writes one change with its ETag, reading again when the document moved on. Answers whether it wrote. */
async function rewrite(deps: AppDependencies, first: Stored<Document>, change: (document: Document) => Document | 'delete' | undefined): Promise<boolean> {
  let current: Stored<Document> | undefined = first;
  for (let attempt = 1; current; attempt += 1) {
    const { _etag: etag, ...document } = current;
    const next = change(document);
    if (!next) return false;
    try {
      if (next === 'delete') await deps.store.delete(current.committeeId, current.id, etag);
      else await deps.store.replace(next, etag);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      current = await deps.store.get<Document>(current.committeeId, current.id);
    }
  }
  return false;
}
