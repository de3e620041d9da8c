import { ROSTER_DOCUMENT_ID } from '../../domain/ids';
import type { Person, Seat } from '../../domain/roster';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { queryByType } from '../query-by-type';
import type { RosterDocument } from './roster-document';

/** The roster as stored: every person and seat with its ETag, and the revision they form. */
export interface LoadedRoster {
  readonly document?: Stored<RosterDocument>;
  /** 0 until the roster is first changed on a card. */
  readonly revision: number;
  readonly people: ReadonlyArray<Stored<PersonDocument>>;
  readonly seats: ReadonlyArray<Stored<SeatDocument>>;
}

/** What the roster card shows: people by name and seats by institution, in German order. */
export interface RosterView {
  readonly revision: number;
  /** When and by whom (an object id) the roster was last changed on a card; none before the first change. */
  readonly lastChange?: { readonly at: string; readonly by: string };
  readonly people: readonly Person[];
  readonly seats: readonly Seat[];
}

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Reads the whole roster of a committee: two requests, whatever its size (people and seats in one query). */
export async function loadRoster(store: DocumentStore, committeeId: string): Promise<LoadedRoster> {
  const [document, found] = await Promise.all([
    store.get<RosterDocument>(committeeId, ROSTER_DOCUMENT_ID),
    queryByType<PersonDocument | SeatDocument>(store, committeeId, { type: ['person', 'seat'] }),
  ]);
  return { document, revision: document?.revision ?? 0, people: found.of('person'), seats: found.of('seat') };
}

/** The stored roster reduced to the domain's shapes, sorted for reading. */
export function rosterView(loaded: LoadedRoster): RosterView {
  return {
    revision: loaded.revision,
    ...(loaded.document ? { lastChange: { at: loaded.document.updatedAt, by: loaded.document.updatedBy } } : {}),
    people: loaded.people
      .map(personOf)
      .sort((a, b) => collator.compare(a.displayName, b.displayName) || a.aadObjectId.localeCompare(b.aadObjectId)),
    seats: loaded.seats
      .map(seatOf)
      .sort((a, b) => collator.compare(a.institution, b.institution) || a.id.localeCompare(b.id)),
  };
}

/** A person document's domain part: what the roster rules see and change. */
export function personOf(document: PersonDocument): Person {
  const { aadObjectId, displayName, roles, institution, email, withoutTeams, active, leftAt } = document;
  return {
    aadObjectId,
    displayName,
    roles,
    active,
    ...(institution !== undefined ? { institution } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(withoutTeams ? { withoutTeams } : {}),
    ...(leftAt !== undefined ? { leftAt } : {}),
  };
}

/** A seat document's domain part. */
export function seatOf(document: SeatDocument): Seat {
  const { id, institution, memberId, deputyId } = document;
  return { id, institution, memberId, ...(deputyId !== undefined ? { deputyId } : {}) };
}

/**
 * The person's document with the domain part replaced; where to reach them (`contact`) stays. A
 * domain field the new person lacks (a `leftAt` cleared on reactivation) is gone from it too.
 */
export function personDocumentWith(stored: PersonDocument, person: Person): PersonDocument {
  return {
    id: stored.id,
    committeeId: stored.committeeId,
    type: 'person',
    ...(stored.contact ? { contact: stored.contact } : {}),
    ...person,
  };
}

/** Whether two people differ in anything the roster stores. */
export function samePerson(a: Person, b: Person): boolean {
  return (
    a.displayName === b.displayName &&
    a.active === b.active &&
    a.institution === b.institution &&
    a.email === b.email &&
    (a.withoutTeams ?? false) === (b.withoutTeams ?? false) &&
    a.leftAt === b.leftAt &&
    a.roles.length === b.roles.length &&
    a.roles.every((role, index) => b.roles[index] === role)
  );
}

/** Whether two seats differ in anything the roster stores. */
export function sameSeat(a: Seat, b: Seat): boolean {
  return a.institution === b.institution && a.memberId === b.memberId && a.deputyId === b.deputyId;
}
