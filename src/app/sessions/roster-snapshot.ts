import type { Seat } from '../../domain/roster';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';

/** The committee's seats and people, read together for a session's invitations and views. */
export interface RosterSnapshot {
  readonly seats: readonly Seat[];
  readonly people: ReadonlyMap<string, Stored<PersonDocument>>;
}

export async function rosterSnapshot(store: DocumentStore, committeeId: string): Promise<RosterSnapshot> {
  const [seats, people] = await Promise.all([
    store.query<SeatDocument>(committeeId, { type: 'seat' }),
    store.query<PersonDocument>(committeeId, { type: 'person' }),
  ]);
  return {
    seats: seats.map(({ id, institution, memberId, deputyId }) => ({ id, institution, memberId, ...(deputyId ? { deputyId } : {}) })).sort((a, b) => a.institution.localeCompare(b.institution, 'de')),
    people: new Map(people.map((person) => [person.aadObjectId, person])),
  };
}

/** A person's name for cards; someone no longer on the roster keeps a neutral label. */
export function nameOf(roster: RosterSnapshot, personId: string | undefined): string {
  return (personId && roster.people.get(personId)?.displayName) || '–';
}
