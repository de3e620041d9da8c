import type { Seat } from '../../domain/roster';
import type { InvitedSeat } from '../../domain/sessions/invitation';
import { seatStanding, type SeatStanding } from '../../domain/sessions/seat-standing';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { queryByType } from '../query-by-type';

/** The committee's seats and people, read together for a session's invitations and views. */
export interface RosterSnapshot {
  readonly seats: readonly Seat[];
  readonly people: ReadonlyMap<string, Stored<PersonDocument>>;
}

/** The committee's seats and people, in one query of both types. */
export async function rosterSnapshot(store: DocumentStore, committeeId: string): Promise<RosterSnapshot> {
  const found = await queryByType<SeatDocument | PersonDocument>(store, committeeId, { type: ['seat', 'person'] });
  return rosterOf(found.of('seat'), found.of('person'));
}

/**
 * The snapshot of seats and people as read, for a caller that reads them in one query with
 * other types it needs (see `loadAgenda`).
 */
export function rosterOf(
  seats: readonly SeatDocument[],
  people: ReadonlyArray<Stored<PersonDocument>>,
): RosterSnapshot {
  return {
    seats: seats
      .map(({ id, institution, memberId, deputyId }) => ({
        id,
        institution,
        memberId,
        ...(deputyId ? { deputyId } : {}),
      }))
      .sort((a, b) => a.institution.localeCompare(b.institution, 'de')),
    people: new Map(people.map((person) => [person.aadObjectId, person])),
  };
}

/**
 * Who of the invited seat can still answer, judged by the roster as read: the people as they are
 * stored now and the seat as it is now (none once it was removed).
 */
export function standingIn(roster: RosterSnapshot, invited: InvitedSeat): SeatStanding {
  const seatNow = roster.seats.find((seat) => seat.id === invited.id);
  return seatStanding(invited, seatNow, (personId) => roster.people.get(personId));
}

/** A person's name for cards; someone no longer on the roster keeps a neutral label. */
export function nameOf(roster: Pick<RosterSnapshot, 'people'>, personId: string | undefined): string {
  return (personId && roster.people.get(personId)?.displayName) || '–';
}
