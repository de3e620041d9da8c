import { ROSTER_DOCUMENT_ID } from '../../domain/ids';
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
import { revokeLinksOf } from '../links/revoke-links';
import { PERSONAL_DATA_TYPES, sameName } from './personal-data-types';

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
 * The name an erased person keeps in every record: their institution, not who they were. It is
 * stored in German, the committee's working language, like every other record text.
 */
export function pseudonymFor(institution: string | undefined): string {
  return institution ? `ehemaliges Mitglied, ${institution}` : 'ehemaliges Mitglied';
}

/** Rewriting a record is tried this often with a fresh read before the erasure gives up. */
const WRITE_ATTEMPTS = 3;

/**
 * Erases a person on the secretariat's request (Art. 17 GDPR). Their name becomes a pseudonym
 * in every record of the partition (attendance, minutes and their versions, submissions, action
 * items, messages and delivery labels), their 1:1 conversation references and pending data
 * exports are deleted, the team contact is dropped, their seats are freed and the person stays
 * as an inactive, roleless document under the same id, so that every reference (answers,
 * history entries, invitations) still points at one consistent, now nameless person. Minutes
 * keep every line and every objection, so counts and agreements do not change.
 *
 * Records are rewritten first, each with its ETag, and the person last, in one batch with the
 * roster's next revision: if anything fails halfway, the person still has their name and the
 * same card can erase again; once the batch is written, the card is outdated.
 */
export async function erasePerson(deps: AppDependencies, actor: Actor, submission: ErasureSubmission): Promise<Result<ErasureOutcome, ErasureRefusal>> {
  if (!mayUse('members', actor)) return fail({ kind: 'notAllowed' });
  const loaded = await loadRoster(deps.store, actor.committeeId);
  if (submission.revision !== loaded.revision) return fail({ kind: 'outdated' });
  const person = loaded.people.find((candidate) => candidate.aadObjectId === submission.personId);
  if (!person || person.erasedAt) return fail({ kind: 'outdated' });
  if (person.aadObjectId === actor.identity.aadObjectId) return fail({ kind: 'self' });

  const personId = person.aadObjectId;
  const heldSeats = loaded.seats.filter((seat) => seat.memberId === personId || seat.deputyId === personId);
  const pseudonym = pseudonymFor(person.institution ?? heldSeats.find((seat) => seat.memberId === personId)?.institution ?? heldSeats[0]?.institution);
  const scrub = scrubber(personId, person.displayName, pseudonym);

  for (const type of PERSONAL_DATA_TYPES) {
    if (type === 'person' || type === 'seat') continue;
    for (const document of await deps.store.query<Document>(actor.committeeId, { type })) await rewrite(deps, document, scrub);
  }

  await revokeLinksOf(deps, actor.committeeId, personId);
  const now = deps.clock.now().toUTC().toISO()!;
  const { contact: _contact, institution: _institution, _etag: personEtag, ...kept } = person;
  const erased: PersonDocument = { ...kept, displayName: pseudonym, roles: [], active: false, erasedAt: now };
  const roster: RosterDocument = { id: ROSTER_DOCUMENT_ID, committeeId: actor.committeeId, type: 'roster', revision: loaded.revision + 1, updatedAt: now, updatedBy: actor.identity.aadObjectId };
  const operations: BatchOperation[] = [
    loaded.document ? { op: 'replace', document: roster, ifMatch: loaded.document._etag } : { op: 'create', document: roster },
    { op: 'replace', document: erased, ifMatch: personEtag },
    ...heldSeats.map((seat): BatchOperation => {
      if (seat.memberId === personId) return { op: 'delete', id: seat.id, ifMatch: seat._etag };
      const { deputyId: _deputy, _etag: seatEtag, ...rest } = seat;
      return { op: 'replace', document: rest as SeatDocument, ifMatch: seatEtag };
    }),
  ];
  if (operations.length > MAX_BATCH_OPERATIONS) throw new Error(`An erasure touched ${operations.length} roster documents`);
  try {
    await deps.store.batch(actor.committeeId, operations);
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError) return fail({ kind: 'outdated' });
    throw error;
  }
  // Last, the audit trail, which holds the name in the values it recorded, including those of
  // this erasure's own writes; only erasure may rewrite it.
  await auditContext.run({ ...auditContext.current(), erasing: true }, async () => {
    for (const record of await deps.store.query<Document>(actor.committeeId, { type: 'audit' })) await rewrite(deps, record, scrub);
  });
  return ok({ view: rosterView(await loadRoster(deps.store, actor.committeeId)), pseudonym });
}

/** What a record becomes: a rewritten document, `'delete'`, or undefined when it does not name the person. */
type Scrub = (document: Stored<Document>) => Document | 'delete' | undefined;

/**
 * Replaces the person's name wherever a field holds it (attendance lines, participants, labels,
 * message data, and free text that mentions it), drops their user ids from
 * conversation addresses and outbox contacts, and deletes what exists only for them.
 */
function scrubber(personId: string, name: string, pseudonym: string): Scrub {
  // Inside free text (a delegate "in place of …", a comment) the name is replaced too, unless it
  // is so short that it would hit ordinary words.
  const inText = name.trim().length >= 5 ? new RegExp(name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu') : undefined;
  const renamed = (value: unknown): unknown => {
    if (typeof value === 'string') return sameName(value, name) ? pseudonym : inText ? value.replace(inText, pseudonym) : value;
    if (Array.isArray(value)) return value.map(renamed);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, renamed(inner)]));
    return value;
  };
  const recipientWithoutContact = (recipient: Recipient): Recipient =>
    recipient.kind === 'person' && recipient.aadObjectId === personId ? { kind: 'person', aadObjectId: personId } : recipient;
  return (stored) => {
    const { _etag: _ignored, ...document } = stored as Stored<Document> & Record<string, unknown>;
    if (document.type === 'dataExport' && document.personId === personId) return 'delete';
    if (document.type === 'conversation') {
      const conversation = document as unknown as ConversationDocument;
      if (conversation.kind === 'personal' && conversation.aadObjectId === personId) return 'delete';
      if (conversation.address.userAadObjectId === personId) {
        const { userId: _id, userAadObjectId: _aad, userName: _name, ...address } = conversation.address;
        return renamed({ ...conversation, address }) as Document;
      }
    }
    let next = renamed(document) as Document & Record<string, unknown>;
    if (next.type === 'outbox') next = { ...next, recipient: recipientWithoutContact(next.recipient as Recipient) };
    if (next.type === 'dispatch') next = { ...next, drafts: (next.drafts as OutboxDraft[]).map((draft) => ({ ...draft, recipient: recipientWithoutContact(draft.recipient) })) };
    return JSON.stringify(next) === JSON.stringify(document) ? undefined : next;
  };
}

/** Rewrites one record with its ETag; a record changed meanwhile is read again and scrubbed anew. */
async function rewrite(deps: AppDependencies, first: Stored<Document>, scrub: Scrub): Promise<void> {
  let current: Stored<Document> | undefined = first;
  for (let attempt = 1; current; attempt += 1) {
    const next = scrub(current);
    if (!next) return;
    try {
      if (next === 'delete') await deps.store.delete(current.committeeId, current.id, current._etag);
      else await deps.store.replace(next, current._etag);
      return;
    } catch (error) {
      if (error instanceof NotFoundError) return;
      if (!(error instanceof ConcurrencyError) || attempt >= WRITE_ATTEMPTS) throw error;
      current = await deps.store.get<Document>(current.committeeId, current.id);
    }
  }
}
