import { randomUUID } from 'node:crypto';
import { nowUtcIso } from '../../domain/clock';
import { personDocumentId, ROSTER_DOCUMENT_ID, seatDocumentId } from '../../domain/ids';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { Person, Seat } from '../../domain/roster';
import { applyRosterChange, type RosterChange, type RosterProblem } from '../../domain/roster-changes';
import { peopleWhoLostStanding } from '../../domain/roster-losses';
import { revokeLinksOf, withLinksRevoked } from '../links/revoke-links';
import type { AppDependencies } from '../dependencies';
import type { PersonDocument, SeatDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { MAX_BATCH_OPERATIONS, type BatchOperation } from '../ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import {
  loadRoster,
  personDocumentWith,
  personOf,
  rosterView,
  samePerson,
  sameSeat,
  seatOf,
  type LoadedRoster,
  type RosterView,
} from './load-roster';
import { noteMemberships } from '../committees/person-committees';
import { feedLinkMailOperations } from './feed-link-mail-dispatch';
import { personIdForEmail } from './person-without-teams-id';
import type { RosterDocument } from './roster-document';

/** A batch that also revokes links is tried this often, in case a link changed in between. */
const LINK_ATTEMPTS = 3;

/** What a roster card asks for; every id and value comes from card data and is untrusted. */
export type RosterRequest =
  /** Without a `seatId`, a new seat. */
  | {
      readonly kind: 'saveSeat';
      readonly seatId?: unknown;
      readonly institution: unknown;
      readonly memberId: unknown;
      readonly deputyId: unknown;
    }
  | { readonly kind: 'removeSeat'; readonly seatId: unknown }
  | { readonly kind: 'setRoles'; readonly personId: unknown; readonly roles: unknown }
  | { readonly kind: 'setActive'; readonly personId: unknown; readonly active: unknown }
  /** A person without a Teams account, by name, institution and e-mail address. */
  | {
      readonly kind: 'addPersonWithoutTeams';
      readonly displayName: unknown;
      readonly institution: unknown;
      readonly email: unknown;
    }
  | { readonly kind: 'setEmail'; readonly personId: unknown; readonly email: unknown };

/** A roster card's submission: the revision it was rendered from and what it asks for. */
export interface RosterSubmission {
  readonly revision: unknown;
  readonly request: RosterRequest;
}

export type ChangeRosterRefusal =
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'invalid'; readonly problems: readonly RosterProblem[] }
  /** Someone changed the roster in between, or the card was tampered with: nothing was changed. */
  | { readonly kind: 'outdated' };

/** What was done, so the card can say so in a line. */
export type RosterOutcome =
  | { readonly kind: 'seatAdded' | 'seatSaved' | 'seatRemoved'; readonly institution: string }
  | {
      readonly kind: 'rolesSaved' | 'activated' | 'deactivated' | 'personWithoutTeamsAdded' | 'emailSaved';
      readonly name: string;
      /**
       * For a person without Teams added or given a new address: the e-mail with their calendar
       * address is queued (an organiser mailbox is configured), or Gremium has no way to write to
       * them at all (`noOutlook`). Absent when the change sends no e-mail.
       */
      readonly feedMail?: 'queued' | 'noOutlook';
    };

/**
 * Changes the roster as the secretariat asked on the card: seats, roles, activity. The rules
 * are the domain's; this writes the changed documents and the roster's next revision in one
 * atomic batch, each with the ETag it was read with. Of two concurrent edits exactly one wins;
 * the other, like a card of an older revision, is refused as outdated and changes nothing. The
 * same batch revokes the secret links of everyone the change takes a seat, a role or activity
 * from (see `withLinksRevoked`).
 */
export async function changeRoster(
  deps: AppDependencies,
  actor: Actor,
  submission: RosterSubmission,
): Promise<Result<{ readonly view: RosterView; readonly outcome: RosterOutcome }, ChangeRosterRefusal>> {
  if (!mayUse('members', actor)) return fail({ kind: 'notAllowed' });
  const loaded = await loadRoster(deps.store, actor.committeeId);
  if (submission.revision !== loaded.revision) return fail({ kind: 'outdated' });

  const current = { people: loaded.people.map(personOf), seats: loaded.seats.map(seatOf) };
  const change = domainChange(submission.request);
  const applied = applyRosterChange(current, change);
  if (!applied.ok) return fail({ kind: 'invalid', problems: applied.error });

  const mailed = personToMail(change, current.people, applied.value.people);
  const changes = [
    rosterOperation(deps, actor, loaded),
    ...seatOperations(actor.committeeId, loaded, applied.value.seats),
    ...personOperations(actor.committeeId, loaded, applied.value.people, guarded(change)),
    // The e-mail with the calendar address goes out with the change, or not at all.
    ...(mailed
      ? feedLinkMailOperations(deps, actor.committeeId, mailed, loaded.revision + 1, nowUtcIso(deps.clock))
      : []),
  ];
  if (changes.length > MAX_BATCH_OPERATIONS) throw new Error(`A roster change touched ${changes.length} documents`);
  // Whoever loses a seat, a role or activity loses their links with it, in the same batch.
  const losing = peopleWhoLostStanding(current, applied.value);
  for (let attempt = 1; ; attempt += 1) {
    const operations = await withLinksRevoked(deps, actor.committeeId, losing, changes);
    try {
      await deps.store.batch(actor.committeeId, operations);
      break;
    } catch (error) {
      const lostRace =
        error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError;
      if (!lostRace) throw error;
      // A link replaced or revoked meanwhile is no reason to refuse the change: read the links again.
      if (operations.length === changes.length || attempt >= LINK_ATTEMPTS) return fail({ kind: 'outdated' });
    }
  }
  for (const personId of losing) await revokeLinksOf(deps, actor.committeeId, personId);
  // After the roster, as every write that adds people: a crash in between leaves a hint the daily repair restores.
  const added = applied.value.people.filter((person) => !current.people.some((before) => samePersonId(before, person)));
  if (added.length > 0)
    await noteMemberships(
      deps,
      actor.committeeId,
      added.map((person) => person.aadObjectId),
    );
  const view = rosterView(await loadRoster(deps.store, actor.committeeId));
  const outcome = outcomeOf(change, current.seats, applied.value.seats, applied.value.people, added);
  if (!mailed) return ok({ view, outcome });
  return ok({ view, outcome: { ...outcome, feedMail: deps.organiserMailbox ? 'queued' : 'noOutlook' } });
}

/**
 * The person without Teams who is to receive their calendar address by e-mail after this change:
 * the one just added, or the one whose address changed (to the new address, with a new calendar
 * address: the old one may have gone to a mistyped or former mailbox, and stops working).
 */
function personToMail(change: RosterChange, before: readonly Person[], after: readonly Person[]): Person | undefined {
  if (change.kind === 'addPersonWithoutTeams')
    return after.find((person) => person.withoutTeams && !before.some((old) => samePersonId(old, person)));
  if (change.kind !== 'setEmail') return undefined;
  const previous = before.find((person) => person.aadObjectId === change.personId);
  const next = after.find((person) => person.aadObjectId === change.personId);
  if (!previous || !next?.withoutTeams || !next.email) return undefined;
  return previous.email?.trim().toLowerCase() === next.email.trim().toLowerCase() ? undefined : next;
}

function domainChange(request: RosterRequest): RosterChange {
  switch (request.kind) {
    case 'saveSeat':
      return request.seatId === undefined || request.seatId === ''
        ? {
            kind: 'addSeat',
            seatId: seatDocumentId(randomUUID()),
            institution: request.institution,
            memberId: request.memberId,
            deputyId: request.deputyId,
          }
        : {
            kind: 'editSeat',
            seatId: request.seatId,
            institution: request.institution,
            memberId: request.memberId,
            deputyId: request.deputyId,
          };
    case 'addPersonWithoutTeams':
      return { ...request, personIdOf: personIdForEmail };
    default:
      return request;
  }
}

function samePersonId(a: Person, b: Person): boolean {
  return a.aadObjectId === b.aadObjectId;
}

/** The roster's next revision, created on the first change. */
function rosterOperation({ clock }: AppDependencies, actor: Actor, loaded: LoadedRoster): BatchOperation {
  const document: RosterDocument = {
    id: ROSTER_DOCUMENT_ID,
    committeeId: actor.committeeId,
    type: 'roster',
    revision: loaded.revision + 1,
    updatedAt: nowUtcIso(clock),
    updatedBy: actor.identity.aadObjectId,
  };
  return loaded.document ? { op: 'replace', document, ifMatch: loaded.document._etag } : { op: 'create', document };
}

function seatOperations(committeeId: string, loaded: LoadedRoster, next: readonly Seat[]): BatchOperation[] {
  const stored = new Map(loaded.seats.map((seat) => [seat.id, seat]));
  const operations: BatchOperation[] = [];
  for (const seat of next) {
    const before = stored.get(seat.id);
    const document: SeatDocument = { ...seat, committeeId, type: 'seat' };
    if (!before) operations.push({ op: 'create', document });
    else if (!sameSeat(seatOf(before), seat)) operations.push({ op: 'replace', document, ifMatch: before._etag });
  }
  const kept = new Set(next.map((seat) => seat.id));
  for (const seat of loaded.seats)
    if (!kept.has(seat.id)) operations.push({ op: 'delete', id: seat.id, ifMatch: seat._etag });
  return operations;
}

/**
 * Writes every changed person, and also the people a new seat assignment relies on, unchanged:
 * their ETag then proves that nobody deactivated them since the card was checked. A new person
 * (one without Teams) is created: should the same address have been added at the same moment,
 * the create fails and the change is refused as outdated.
 */
function personOperations(
  committeeId: string,
  loaded: LoadedRoster,
  next: readonly Person[],
  reliedOn: ReadonlySet<string>,
): BatchOperation[] {
  const stored = new Map(loaded.people.map((person) => [person.aadObjectId, person]));
  const operations: BatchOperation[] = [];
  for (const person of next) {
    const before = stored.get(person.aadObjectId);
    if (!before) {
      const document: PersonDocument = {
        id: personDocumentId(person.aadObjectId),
        committeeId,
        type: 'person',
        ...person,
      };
      operations.push({ op: 'create', document });
      continue;
    }
    if (!samePerson(personOf(before), person) || reliedOn.has(person.aadObjectId)) {
      operations.push({
        op: 'replace',
        document: personDocumentWith(before, person) satisfies PersonDocument,
        ifMatch: before._etag,
      });
    }
  }
  return operations;
}

function guarded(change: RosterChange): ReadonlySet<string> {
  if (change.kind !== 'addSeat' && change.kind !== 'editSeat') return new Set();
  return new Set([change.memberId, change.deputyId].filter((id): id is string => typeof id === 'string'));
}

function outcomeOf(
  change: RosterChange,
  before: readonly Seat[],
  after: readonly Seat[],
  people: readonly Person[],
  added: readonly Person[],
): RosterOutcome {
  const name = (id: unknown) => people.find((person) => person.aadObjectId === id)?.displayName ?? '';
  switch (change.kind) {
    case 'addSeat':
      return { kind: 'seatAdded', institution: after.find((seat) => seat.id === change.seatId)?.institution ?? '' };
    case 'editSeat':
      return { kind: 'seatSaved', institution: after.find((seat) => seat.id === change.seatId)?.institution ?? '' };
    case 'removeSeat':
      return { kind: 'seatRemoved', institution: before.find((seat) => seat.id === change.seatId)?.institution ?? '' };
    case 'setRoles':
      return { kind: 'rolesSaved', name: name(change.personId) };
    case 'setActive':
      return { kind: change.active === true ? 'activated' : 'deactivated', name: name(change.personId) };
    case 'addPersonWithoutTeams':
      return { kind: 'personWithoutTeamsAdded', name: added[0]?.displayName ?? '' };
    case 'setEmail':
      return { kind: 'emailSaved', name: name(change.personId) };
  }
}
