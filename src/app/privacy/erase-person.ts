import { nowUtcIso } from '../../domain/clock';
import { directoryOfPartition, isTenantDirectory, personDocumentId, ROSTER_DOCUMENT_ID } from '../../domain/ids';
import {
  COMMITTEE_ROUTE_TYPE,
  PERSON_COMMITTEES_TYPE,
  type PersonCommitteesDocument,
} from '../committees/directory-documents';
import { dropMembership, personCommitteesDocumentId } from '../committees/person-committees';
import { nameFinder } from '../../domain/name-finder';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { ConversationDocument, PersonDocument, SeatDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { OutboxDraft, Recipient } from '../delivery/outbox-record';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type Document, type Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import { loadRoster, rosterView, type RosterView } from '../roster/load-roster';
import type { RosterDocument } from '../roster/roster-document';
import { auditContext } from '../audit/audit-context';
import { AUDIT_TYPE } from '../audit/audit-record';
import { revokeLinksOf } from '../links/revoke-links';
import { deleteFeedsOf } from '../feed/issue-feed-link';
import { LANGUAGE_PREFERENCE_TYPE } from '../preferences/language-preference';
import { SESSION_MEETING_TYPE } from '../meetings/session-meeting-document';
import { withMentionsReplaced } from './name-mentions';
import { ERASED_PSEUDONYM } from './pseudonym';
import { DOCUMENT_TYPES } from './retention-rules';
import { rewriteDocument, type DocumentChange } from './rewrite-document';

export { ERASED_PSEUDONYM };

/** The erasure card's submission: the roster revision it showed and whom it names (untrusted). */
export interface ErasureSubmission {
  readonly revision: unknown;
  readonly personId: unknown;
}

export type ErasureRefusal =
  | { readonly kind: 'notAllowed' }
  /** The card is older than the roster, names nobody of it, or the person is already erased. */
  | { readonly kind: 'outdated' }
  /** The secretariat cannot erase itself: it would lock itself out by a slip of the finger. */
  | { readonly kind: 'self' };

export interface ErasureOutcome {
  readonly view: RosterView;
  readonly pseudonym: string;
}

/**
 * Erases a person on the secretariat's request (Art. 17 GDPR). Their name becomes the pseudonym
 * "ehemalige Person" (see `ERASED_PSEUDONYM`) in every free-text field of every record of the
 * partition, wherever it is mentioned as a whole name (see `nameFinder`): attendance, agenda
 * presenters, the chair, minutes and all their versions, submissions, working groups' member
 * lists, action items and their history, messages and delivery labels, the audit trail. Their 1:1
 * conversation references, pending data exports and language choice are deleted, the team contact is dropped,
 * their seats are freed and the person stays as an inactive, roleless document under the same
 * id, so that every reference (answers, history entries, invitations) still points at one
 * consistent, now nameless person. Minutes keep every line and every objection, so counts and
 * agreements do not change.
 *
 * Records are rewritten first, each with its ETag, and the person last, in one batch with the
 * roster's next revision: if anything fails halfway, the person still has their name and the
 * same card can erase again; once the batch is written, the card is outdated.
 */
export async function erasePerson(
  deps: AppDependencies,
  actor: Actor,
  submission: ErasureSubmission,
): Promise<Result<ErasureOutcome, ErasureRefusal>> {
  if (!mayUse('members', actor)) return fail({ kind: 'notAllowed' });
  const loaded = await loadRoster(deps.store, actor.committeeId);
  if (submission.revision !== loaded.revision) return fail({ kind: 'outdated' });
  const person = loaded.people.find((candidate) => candidate.aadObjectId === submission.personId);
  if (!person || person.erasedAt) return fail({ kind: 'outdated' });
  if (person.aadObjectId === actor.identity.aadObjectId) return fail({ kind: 'self' });

  const personId = person.aadObjectId;
  const heldSeats = loaded.seats.filter((seat) => seat.memberId === personId || seat.deputyId === personId);
  const pseudonym = ERASED_PSEUDONYM;

  // The person last, in one batch with the roster's next revision and their seats.
  const writeErasedPerson = async (): Promise<boolean> => {
    const now = nowUtcIso(deps.clock);
    const { contact: _contact, institution: _institution, email: _email, _etag: personEtag, ...kept } = person;
    const erased: PersonDocument = { ...kept, displayName: pseudonym, roles: [], active: false, erasedAt: now };
    const roster: RosterDocument = {
      id: ROSTER_DOCUMENT_ID,
      committeeId: actor.committeeId,
      type: 'roster',
      revision: loaded.revision + 1,
      updatedAt: now,
      updatedBy: actor.identity.aadObjectId,
    };
    const operations: BatchOperation[] = [
      loaded.document
        ? { op: 'replace', document: roster, ifMatch: loaded.document._etag }
        : { op: 'create', document: roster },
      { op: 'replace', document: erased, ifMatch: personEtag },
      ...heldSeats.map((seat): BatchOperation => {
        if (seat.memberId === personId) return { op: 'delete', id: seat.id, ifMatch: seat._etag };
        const { deputyId: _deputy, _etag: seatEtag, ...rest } = seat;
        return { op: 'replace', document: rest as SeatDocument, ifMatch: seatEtag };
      }),
    ];
    if (operations.length > MAX_BATCH_OPERATIONS)
      throw new Error(`An erasure touched ${operations.length} roster documents`);
    try {
      await deps.store.batch(actor.committeeId, operations);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError)
        return false;
      throw error;
    }
  };
  await revokeLinksOf(deps, actor.committeeId, personId);
  const written = await forgetPerson(deps, actor.committeeId, person, pseudonym, writeErasedPerson);
  if (!written) return fail({ kind: 'outdated' });
  await forgetInDirectory(deps, actor.committeeId, person, pseudonym);
  return ok({ view: rosterView(await loadRoster(deps.store, actor.committeeId)), pseudonym });
}

/** The roster's own documents, which the caller writes itself (the person, their seats), and the trail, last. */
const NOT_SCRUBBED_FIRST: ReadonlySet<string> = new Set(['person', 'seat', 'roster', AUDIT_TYPE]);

/**
 * The documents a tenant's directory holds for all its committees at once. A committee of before
 * homes shares its partition with the directory; erasing someone there must not take from the
 * others what they hold of the person (their 1:1 chat, their index): `forgetInDirectory` decides.
 */
const DIRECTORY_TYPES: ReadonlySet<string> = new Set([
  'conversation',
  COMMITTEE_ROUTE_TYPE,
  PERSON_COMMITTEES_TYPE,
  LANGUAGE_PREFERENCE_TYPE,
]);

/**
 * The directory's part of erasing a person from one committee: the committee leaves their index,
 * and their pending data exports (their requests; one stored before files were collected on
 * opening holds a copy of that committee's records) and the links to them go. Where the person
 * belongs to no other committee of the organisation (their index, each entry checked in its
 * committee), the directory forgets them altogether: their 1:1 chat's reference, their index,
 * their language choice and their calendar subscription are deleted and their name leaves the
 * other references. Where they still belong to another, that committee
 * keeps reaching them, and their subscription keeps showing that committee's sessions only (see
 * `feedCommittees`).
 */
export async function forgetInDirectory(
  deps: AppDependencies,
  committeeId: string,
  person: Pick<PersonDocument, 'aadObjectId' | 'displayName'>,
  pseudonym: string,
): Promise<void> {
  const directory = directoryOfPartition(committeeId);
  if (!directory) return;
  const personId = person.aadObjectId;
  await dropMembership(deps, committeeId, personId);
  const index = await deps.store.get<PersonCommitteesDocument>(directory, personCommitteesDocumentId(personId));
  let elsewhere = false;
  for (const other of index?.committeeIds ?? []) {
    if (other === committeeId) continue;
    const entry = await deps.store.get<PersonDocument>(other, personDocumentId(personId));
    if (entry && !entry.erasedAt) elsewhere = true;
  }
  const exports = await deps.store.query<Document>(directory, {
    type: 'dataExport',
    where: [{ field: 'personId', op: '=', value: personId }],
  });
  for (const document of exports) await rewriteDocument(deps.store, document, () => 'delete');
  await revokeLinksOf(deps, directory, personId);
  if (elsewhere) return;
  // Their calendar subscription: its address answers like an unknown one from now on.
  await deleteFeedsOf(deps, directory, personId);
  const scrub = scrubber(personId, person.displayName, pseudonym);
  for (const type of ['conversation', PERSON_COMMITTEES_TYPE, LANGUAGE_PREFERENCE_TYPE]) {
    for (const document of await deps.store.query<Document>(directory, { type })) {
      const forgotten = (stored: Stored<Document>) =>
        stored.type === PERSON_COMMITTEES_TYPE
          ? (stored as unknown as PersonCommitteesDocument).personId.toLowerCase() === personId.toLowerCase()
            ? 'delete'
            : undefined
          : scrub(stored);
      await rewriteDocument(deps.store, document, forgotten);
    }
  }
}

/**
 * Takes a person's name out of every record of the partition: every document type but the
 * roster's (and, in a committee of before homes, the directory's it shares its partition with:
 * see `forgetInDirectory`) is rewritten (see `scrubber`), then `writePerson` writes the person's own document,
 * and last the audit trail, which holds the name in the values it recorded, including those of
 * the writes just made; only this may rewrite it. Answers false, with the trail untouched, when
 * `writePerson` could not write (the person changed meanwhile). Used by erasure, and by
 * retention for a person who left the team longer than the retention period ago.
 */
export async function forgetPerson(
  deps: AppDependencies,
  committeeId: string,
  person: Pick<PersonDocument, 'aadObjectId' | 'displayName' | 'email'>,
  pseudonym: string,
  writePerson: () => Promise<boolean>,
): Promise<boolean> {
  const scrub = scrubber(person.aadObjectId, person.displayName, pseudonym, person.email);
  const inDirectory = isTenantDirectory(committeeId);
  for (const type of DOCUMENT_TYPES) {
    if (NOT_SCRUBBED_FIRST.has(type) || (inDirectory && DIRECTORY_TYPES.has(type))) continue;
    const documents = await deps.store.query<Document>(committeeId, { type });
    for (const document of documents) await rewriteDocument(deps.store, document, scrub);
  }
  if (!(await writePerson())) return false;
  await auditContext.run({ ...auditContext.current(), erasing: true }, async () => {
    const trail = await deps.store.query<Document>(committeeId, { type: AUDIT_TYPE });
    for (const record of trail) await rewriteDocument(deps.store, record, scrub);
  });
  return true;
}

/**
 * Replaces the person's name wherever a free-text field mentions it (see `withMentionsReplaced`),
 * drops their user ids from conversation addresses and outbox contacts, and deletes what exists
 * only for them: their data exports, their 1:1 conversation, their language choice. Their e-mail
 * address leaves the attendee lists of the sessions' Outlook events (the next sync of an event
 * then takes them off it, as someone who can no longer answer).
 */
function scrubber(personId: string, name: string, pseudonym: string, email?: string): DocumentChange {
  const finder = nameFinder([name]);
  const renamed = <T>(value: T): T => (finder ? withMentionsReplaced(value, finder, pseudonym) : value);
  const recipientWithoutContact = (recipient: Recipient): Recipient =>
    recipient.kind === 'person' && recipient.aadObjectId === personId
      ? { kind: 'person', aadObjectId: personId }
      : recipient;
  return (stored) => {
    const { _etag: _ignored, ...document } = stored as Stored<Document> & Record<string, unknown>;
    if (document.type === 'dataExport' && document.personId === personId) return 'delete';
    if (document.type === LANGUAGE_PREFERENCE_TYPE && document.personId === personId) return 'delete';
    if (document.type === 'conversation') {
      const conversation = document as unknown as ConversationDocument;
      if (conversation.kind === 'personal' && conversation.aadObjectId === personId) return 'delete';
      if (conversation.address.userAadObjectId === personId) {
        const { userId: _id, userAadObjectId: _aad, userName: _name, ...address } = conversation.address;
        return renamed({ ...conversation, address }) as Document;
      }
    }
    let next = renamed(document) as Document & Record<string, unknown>;
    if (next.type === SESSION_MEETING_TYPE && email && Array.isArray(next.attendeeEmails))
      next = {
        ...next,
        attendeeEmails: (next.attendeeEmails as string[]).filter(
          (address) => address.toLowerCase() !== email.trim().toLowerCase(),
        ),
      };
    if (next.type === 'outbox') next = { ...next, recipient: recipientWithoutContact(next.recipient as Recipient) };
    if (next.type === 'dispatch')
      next = {
        ...next,
        drafts: (next.drafts as OutboxDraft[]).map((draft) => ({
          ...draft,
          recipient: recipientWithoutContact(draft.recipient),
        })),
      };
    return JSON.stringify(next) === JSON.stringify(document) ? undefined : next;
  };
}
