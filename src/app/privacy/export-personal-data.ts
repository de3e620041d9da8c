import { nowUtcIso, toUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import {
  COMMITTEE_DOCUMENT_ID,
  directoryOfPartition,
  isSafeIdPart,
  isTenantDirectory,
  languagePreferenceDocumentId,
  personDocumentId,
  tenantDirectoryId,
} from '../../domain/ids';
import { PERSON_COMMITTEES_TYPE, type PersonCommitteesDocument } from '../committees/directory-documents';
import { personCommitteesDocumentId } from '../committees/person-committees';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationDocument, PersonDocument, SeatDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { SubmissionDocument } from '../agenda/submission-document';
import type { OutboxRecord } from '../delivery/outbox-record';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { MinutesResponseDocument } from '../minutes/minutes-response-document';
import type { Document, DocumentStore, Stored } from '../ports/document-store';
import type { AttendanceDocument } from '../sessions/attendance';
import type { RsvpDocument } from '../sessions/rsvp-document';
import type { IssuedLink } from '../links/issue-link';
import { issueLinkAlong } from '../links/issue-link-along';
import { openLink } from '../links/open-link';
import { linksOf } from '../links/revoke-links';
import { feedsOf } from '../feed/issue-feed-link';
import { LANGUAGE_PREFERENCE_TYPE, type LanguagePreferenceDocument } from '../preferences/language-preference';
import {
  DATA_EXPORT_HOURS,
  newDataExportDocumentId,
  type CommitteeDataExport,
  type DataExportDocument,
  type DirectoryDataExport,
  type PersonalDataExport,
  type PersonMention,
} from './data-export-document';
import { nameFinder, type NameFinder } from '../../domain/name-finder';
import { expiringAfterDays } from './lifetimes';
import { mentionsIn, partitionDocuments } from './name-mentions';
import { DOCUMENT_TYPES } from './retention-rules';

/** A stored export's link: its token (the only copy), its address, and until when it works. */
export type DataExportLink = IssuedLink;

/**
 * The acting person's request for everything the organisation's records hold about them (Art. 15
 * GDPR): in each committee they belong or belonged to (their index of committees, the committee
 * they act in, and the tenant's committee of before homes), and in the tenant's directory (their
 * 1:1 chat, their committees and choice). The request is kept in the directory behind a secret
 * link for a day, issued to them alone, and the file is collected when the link is opened (see
 * `dataExportFile`). Anyone may ask, with or without a role, and only ever about themselves: the
 * person is the activity's actor, never an id from a card. Undefined when no link may be issued
 * (a person who has left).
 */
export async function exportPersonalData(deps: AppDependencies, actor: Actor): Promise<DataExportLink | undefined> {
  const { tenantId, aadObjectId } = actor.identity;
  return storeExport(deps, tenantId, aadObjectId, actor.committee ? actor.committeeId : undefined);
}

export type ExportForRefusal = { readonly kind: 'notAllowed' | 'unknownPerson' | 'hasTeams' | 'noLink' };

/**
 * The same export for a person without Teams, made by the secretariat on their request: they
 * cannot ask Gremium themselves. Only for such a person (a Teams member asks with „meine daten“,
 * and nobody else may read their file), in every committee of the tenant they belong to, as their
 * own request would. The link is issued to the person, like theirs; the secretariat passes it on.
 */
export async function exportForPersonWithoutTeams(
  deps: AppDependencies,
  actor: Actor,
  personId: unknown,
): Promise<Result<{ readonly link: DataExportLink; readonly name: string }, ExportForRefusal>> {
  if (!mayUse('members', actor)) return fail({ kind: 'notAllowed' });
  if (typeof personId !== 'string' || !isSafeIdPart(personId)) return fail({ kind: 'unknownPerson' });
  const person = await deps.store.get<PersonDocument>(actor.committeeId, personDocumentId(personId));
  if (person?.type !== 'person' || person.erasedAt) return fail({ kind: 'unknownPerson' });
  if (!person.withoutTeams) return fail({ kind: 'hasTeams' });
  const link = await storeExport(deps, actor.identity.tenantId, person.aadObjectId, actor.committeeId);
  return link ? ok({ link, name: person.displayName }) : fail({ kind: 'noLink' });
}

/**
 * Records the request in the tenant's directory, for a day, with the link to it issued to the
 * person, both in one write. The data are collected when the link is opened (see
 * `dataExportFile`): what the turn stores is who asked, where, and until when.
 */
async function storeExport(
  deps: AppDependencies,
  tenantId: string,
  aadObjectId: string,
  askedInCommitteeId: string | undefined,
): Promise<DataExportLink | undefined> {
  const now = deps.clock.now().toUTC();
  // Cosmos DB removes it by itself a day later; the retention run does the same on any store.
  const document: DataExportDocument = expiringAfterDays(
    {
      id: newDataExportDocumentId(),
      committeeId: tenantDirectoryId(tenantId),
      type: 'dataExport',
      personId: aadObjectId,
      createdAt: toUtcIso(now),
      expiresAt: toUtcIso(now.plus({ hours: DATA_EXPORT_HOURS })),
      ...(askedInCommitteeId ? { askedInCommitteeId } : {}),
    } satisfies DataExportDocument,
    DATA_EXPORT_HOURS / 24,
  );
  return issueLinkAlong(deps, document, {
    recipient: { kind: 'person', id: aadObjectId },
    target: { kind: 'export', exportId: document.id },
    slot: `export|${document.id}`,
  });
}

/**
 * Everything the organisation's records hold about the person now: in each committee of their
 * index of committees, the one the request was made in, and the tenant's committee of before
 * homes, and in the tenant's directory.
 */
async function collectPersonalData(deps: AppDependencies, request: DataExportDocument): Promise<PersonalDataExport> {
  const { store } = deps;
  const directory = request.committeeId;
  const personId = request.personId;
  const [index, directoryCommittee] = await Promise.all([
    store.get<PersonCommitteesDocument>(directory, personCommitteesDocumentId(personId)),
    store.get(directory, COMMITTEE_DOCUMENT_ID),
  ]);
  const committees = new Set<string>(index?.type === PERSON_COMMITTEES_TYPE ? index.committeeIds : []);
  if (request.askedInCommitteeId && directoryOfPartition(request.askedInCommitteeId) === directory)
    committees.add(request.askedInCommitteeId);
  if (directoryCommittee) committees.add(directory);
  return {
    exportedAt: nowUtcIso(deps.clock),
    personId,
    committees: await Promise.all(
      [...committees].sort().map((committeeId) => collectCommitteeData(store, committeeId, personId)),
    ),
    directory: await collectDirectoryData(store, directory, personId, index),
  };
}

/**
 * What the tenant's directory holds about the person: their 1:1 chat, their index of committees,
 * their language, and whether they have a calendar subscription.
 */
async function collectDirectoryData(
  store: DocumentStore,
  directory: string,
  personId: string,
  index: Stored<PersonCommitteesDocument> | undefined,
): Promise<DirectoryDataExport> {
  const [conversations, languagePreference, feeds] = await Promise.all([
    store.query<ConversationDocument>(directory, {
      type: 'conversation',
      where: [{ field: 'aadObjectId', op: '=', value: personId }],
    }),
    store.get<LanguagePreferenceDocument>(directory, languagePreferenceDocumentId(personId)),
    feedsOf(store, directory, personId),
  ]);
  const feed = feeds.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0];
  return {
    conversations: conversations.filter((conversation) => conversation.kind === 'personal').map(plain),
    committees: index?.type === PERSON_COMMITTEES_TYPE ? plain(index) : null,
    languagePreference: languagePreference?.type === LANGUAGE_PREFERENCE_TYPE ? plain(languagePreference) : null,
    calendarFeed: feed ? { issuedAt: feed.issuedAt } : null,
  };
}

/**
 * The export behind a link, collected now: a file opened hours after it was asked for shows the
 * records as they are when it is opened (`exportedAt` says as of when). Undefined for a wrong,
 * malformed, revoked or expired token, and for an export whose day has passed: all the same to
 * the caller, so the link route answers each with the same 404. A request stored before files
 * were collected on opening holds its file, which is served as it was stored.
 */
export async function dataExportFile(
  deps: AppDependencies,
  committeeId: string,
  token: string,
): Promise<{ readonly fileName: string; readonly content: string } | undefined> {
  if (!isTenantDirectory(committeeId)) return undefined;
  const link = await openLink(deps, committeeId, token, ['export']);
  if (!link?.exportId) return undefined;
  const found = await deps.store.get<DataExportDocument>(committeeId, link.exportId);
  if (found?.type !== 'dataExport' || found.personId !== link.recipientId) return undefined;
  if (found.expiresAt <= nowUtcIso(deps.clock)) return undefined;
  const content = found.content ?? (await collectPersonalData(deps, found));
  return {
    fileName: `gremium-meine-daten-${content.exportedAt.slice(0, 10)}.json`,
    content: JSON.stringify(content, null, 2),
  };
}

/**
 * Every record of one committee's partition that names the person, each reduced to what concerns
 * them: an attendance list contributes the person's own line, not the other institutions' lines.
 * Records that name people as free text are searched with the same finder erasure uses (see
 * `nameFinder`), so the export shows every mention that an erasure would replace: under
 * `mentions`, each field with the passage around the name, the audit trail's included.
 */
export async function collectCommitteeData(
  store: DocumentStore,
  committeeId: string,
  personId: string,
): Promise<CommitteeDataExport> {
  const by = <T extends Document>(type: string, field: string) =>
    store.query<T>(committeeId, { type, where: [{ field, op: '=', value: personId }] });
  const all = <T extends Document>(type: string) => store.query<T>(committeeId, { type });
  const [
    committee,
    person,
    members,
    deputies,
    rsvps,
    attendances,
    minutes,
    submissions,
    answers,
    agreements,
    outbox,
    mails,
  ] = await Promise.all([
    store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
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
    // E-mails from the organiser mailbox to a person without Teams (their calendar address).
    by<OutboxRecord>('outbox', 'recipient.personId'),
  ]);
  const links = await linksOf(store, committeeId, personId);
  const trail = new Map<string, Stored<Document>>();
  for (const field of ['actorId', 'subject1', 'subject2', 'subject3'])
    for (const record of await by<Document>('audit', field)) trail.set(record.id, record);
  const finder = person && !person.erasedAt && !person.pseudonymisedAt ? nameFinder([person.displayName]) : undefined;
  const named = (name: string) => finder?.mentions(name) ?? false;
  const mentions = finder ? await mentionsOfPerson(store, committeeId, person!, finder) : [];
  return {
    committeeId,
    committeeName: committee?.type === 'committee' ? committee.name : '',
    person: person ? plain(person) : null,
    seats: [...members, ...deputies].map((seat) => ({
      seatId: seat.id,
      institution: seat.institution,
      as: seat.memberId === personId ? 'member' : 'deputy',
    })),
    rsvps: rsvps.map(plain),
    attendance: attendances.flatMap((attendance) =>
      attendance.entries
        .filter((entry) => named(entry.name))
        .map((entry) => ({ sessionId: attendance.sessionId, recordedAt: attendance.recordedAt, ...entry })),
    ),
    minutesParticipation: minutes.flatMap((head) =>
      head.participants
        .filter((participant) => named(participant.name))
        .map((participant) => ({ sessionId: head.sessionId, version: head.version, ...participant })),
    ),
    topicSubmissions: submissions.map(plain),
    minutesAnswers: answers.map(plain),
    actionItems: agreements.map(plain),
    messages: [...outbox, ...mails]
      .filter((record) => record.recipient.kind === 'person' || record.recipient.kind === 'organiserMail')
      .map((record) => ({
        id: record.id,
        key: record.key,
        kind: record.message.kind,
        recipient: record.recipient,
        recipientLabel: record.recipientLabel,
        status: record.status,
        createdAt: record.createdAt,
        sentAt: record.sentAt,
        attempts: record.attempts,
      })),
    auditTrail: [...trail.values()].map(plain),
    mentions,
    // What each link leads to and how long it works; never a token (the store has none).
    links: links.map(({ kind, sessionId, version, issuedAt, expiresAt }) => ({
      kind,
      sessionId,
      version,
      issuedAt,
      expiresAt,
    })),
  };
}

/**
 * Requests for exports name no one (those stored with their file, before files were collected on
 * opening, hold copies of the very mentions listed), and the roster's seats name institutions only.
 */
const NOT_SEARCHED: ReadonlySet<string> = new Set(['dataExport', 'seat']);

/** Every free-text field of the partition that mentions the person, but their own roster entry. */
async function mentionsOfPerson(
  store: DocumentStore,
  committeeId: string,
  person: PersonDocument,
  finder: NameFinder,
): Promise<PersonMention[]> {
  const documents = await partitionDocuments(
    store,
    committeeId,
    DOCUMENT_TYPES.filter((type) => !NOT_SEARCHED.has(type)),
  );
  return documents
    .filter((document) => document.id !== person.id)
    .flatMap((document) => {
      const sessionId = (document as unknown as { readonly sessionId?: unknown }).sessionId;
      const where = {
        documentType: document.type,
        documentId: document.id,
        ...(typeof sessionId === 'string' ? { sessionId } : {}),
      };
      return mentionsIn(document, finder).map((mention): PersonMention => ({
        ...where,
        field: mention.path,
        excerpt: mention.excerpt,
      }));
    });
}

/** The stored document without the store's bookkeeping. */
function plain<T extends Document>(stored: Stored<T> | T): Omit<T, '_etag'> {
  const { _etag: _ignored, ...rest } = stored as Stored<T>;
  return rest;
}
