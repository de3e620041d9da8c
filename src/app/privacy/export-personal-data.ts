import { personDocumentId } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { ConversationDocument, PersonDocument, SeatDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { SubmissionDocument } from '../agenda/submission-document';
import type { OutboxRecord } from '../delivery/outbox-record';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { MinutesResponseDocument } from '../minutes/minutes-response-document';
import type { Document, DocumentStore, Stored } from '../ports/document-store';
import type { AttendanceDocument } from '../sessions/attendance';
import type { RsvpDocument } from '../sessions/rsvp-document';
import { issueLink, type IssuedLink } from '../links/issue-link';
import { openLink } from '../links/open-link';
import { linksOf } from '../links/revoke-links';
import { DATA_EXPORT_HOURS, newDataExportDocumentId, type DataExportDocument, type PersonalDataExport } from './data-export-document';
import { sameName } from './personal-data-types';

/** A stored export's link: its token (the only copy), its address, and until when it works. */
export type DataExportLink = IssuedLink;

/**
 * Collects everything the committee's partition holds about the acting person (Art. 15 GDPR)
 * and stores it behind a secret link for a day, issued to them alone. Anyone may ask, with or
 * without a role, and only ever about themselves: the person is the activity's actor, never an
 * id from a card. Undefined when no link may be issued (a person who has left).
 */
export async function exportPersonalData(deps: AppDependencies, actor: Actor): Promise<DataExportLink | undefined> {
  const now = deps.clock.now().toUTC();
  const content = await collectPersonalData(deps.store, actor.committeeId, actor.identity.aadObjectId, now.toISO()!);
  const document: DataExportDocument = {
    id: newDataExportDocumentId(),
    committeeId: actor.committeeId,
    type: 'dataExport',
    personId: actor.identity.aadObjectId,
    createdAt: now.toISO()!,
    expiresAt: now.plus({ hours: DATA_EXPORT_HOURS }).toISO()!,
    content,
  };
  await deps.store.create(document);
  return issueLink(deps, {
    committeeId: actor.committeeId,
    recipient: { kind: 'person', id: actor.identity.aadObjectId },
    target: { kind: 'export', exportId: document.id },
    slot: `export|${document.id}`,
  });
}

/**
 * The export behind a link, or undefined for a wrong, malformed, revoked or expired token, and
 * for an export whose day has passed: all the same to the caller, so the link route answers
 * each with the same 404.
 */
export async function dataExportFile(deps: AppDependencies, committeeId: string, token: string): Promise<{ readonly fileName: string; readonly content: string } | undefined> {
  const link = await openLink(deps, committeeId, token, ['export']);
  if (!link?.exportId) return undefined;
  const found = await deps.store.get<DataExportDocument>(committeeId, link.exportId);
  if (found?.type !== 'dataExport' || found.personId !== link.recipientId) return undefined;
  if (found.expiresAt <= deps.clock.now().toUTC().toISO()!) return undefined;
  return { fileName: `gremium-meine-daten-${found.createdAt.slice(0, 10)}.json`, content: JSON.stringify(found.content, null, 2) };
}

/**
 * Every record of the partition that names the person, each reduced to what concerns them:
 * an attendance list contributes the person's own line, not the other institutions' lines.
 * Attendance and minutes name people as free text, so those lines are found by name.
 */
export async function collectPersonalData(store: DocumentStore, committeeId: string, personId: string, nowIso: string): Promise<PersonalDataExport> {
  const by = <T extends Document>(type: string, field: string) => store.query<T>(committeeId, { type, where: [{ field, op: '=', value: personId }] });
  const all = <T extends Document>(type: string) => store.query<T>(committeeId, { type });
  const [person, members, deputies, rsvps, attendances, minutes, submissions, answers, agreements, outbox, conversations] = await Promise.all([
    store.get<PersonDocument>(committeeId, personDocumentId(personId)),
    by<SeatDocument>('seat', 'memberId'),
    by<SeatDocument>('seat', 'deputyId'),
    by<RsvpDocument>('rsvp', 'personId'),
    all<AttendanceDocument>('attendance'),
    all<MinutesDocument>('minutes'),
    by<SubmissionDocument>('topicSubmission', 'personId'),
    by<MinutesResponseDocument>('minutesResponse', 'personId'),
    by<AgreementDocument>('agreement', 'responsibleId'),
    by<OutboxRecord>('outbox', 'recipient.aadObjectId'),
    by<ConversationDocument>('conversation', 'aadObjectId'),
  ]);
  const links = await linksOf(store, committeeId, personId);
  const trail = new Map<string, Stored<Document>>();
  for (const field of ['actorId', 'subject1', 'subject2', 'subject3']) for (const record of await by<Document>('audit', field)) trail.set(record.id, record);
  const name = person?.displayName ?? '';
  return {
    exportedAt: nowIso,
    committeeId,
    personId,
    person: person ? plain(person) : null,
    seats: [...members, ...deputies].map((seat) => ({ seatId: seat.id, institution: seat.institution, as: seat.memberId === personId ? 'member' : 'deputy' })),
    rsvps: rsvps.map(plain),
    attendance: attendances.flatMap((attendance) =>
      attendance.entries.filter((entry) => sameName(entry.name, name)).map((entry) => ({ sessionId: attendance.sessionId, recordedAt: attendance.recordedAt, ...entry })),
    ),
    minutesParticipation: minutes.flatMap((head) =>
      head.participants.filter((participant) => sameName(participant.name, name)).map((participant) => ({ sessionId: head.sessionId, version: head.version, ...participant })),
    ),
    topicSubmissions: submissions.map(plain),
    minutesAnswers: answers.map(plain),
    actionItems: agreements.map(plain),
    messages: outbox
      .filter((record) => record.recipient.kind === 'person')
      .map((record) => ({ id: record.id, key: record.key, kind: record.message.kind, recipient: record.recipient, recipientLabel: record.recipientLabel, status: record.status, createdAt: record.createdAt, sentAt: record.sentAt, attempts: record.attempts })),
    conversations: conversations.filter((conversation) => conversation.kind === 'personal').map(plain),
    auditTrail: [...trail.values()].map(plain),
    // What each link leads to and how long it works; never a token (the store has none).
    links: links.map(({ kind, sessionId, version, issuedAt, expiresAt }) => ({ kind, sessionId, version, issuedAt, expiresAt })),
  };
}

/** The stored document without the store's bookkeeping. */
function plain<T extends Document>(stored: Stored<T> | T): Omit<T, '_etag'> {
  const { _etag: _ignored, ...rest } = stored as Stored<T>;
  return rest;
}
