import type { Person, Seat } from './roster';

/** The roster as one change found it or left it. */
export interface RosterState {
  readonly people: readonly Person[];
  readonly seats: readonly Seat[];
}

/**
 * The people a roster change takes something from: deactivated, a role fewer, or no longer the
 * member or deputy of a seat they held (a seat removed, or someone else put in their place).
 * Their secret links are revoked, whatever else they keep: what they were sent as holder of
 * what they lost must not outlive it, and what they still hold gives them fresh links.
 */
export function peopleWhoLostStanding(before: RosterState, after: RosterState): string[] {
  const afterPeople = new Map(after.people.map((person) => [person.aadObjectId, person]));
  const positions = (seats: readonly Seat[]) =>
    new Set(
      seats.flatMap((seat) => [
        `${seat.id}|member|${seat.memberId}`,
        ...(seat.deputyId ? [`${seat.id}|deputy|${seat.deputyId}`] : []),
      ]),
    );
  const kept = positions(after.seats);
  const lost = new Set<string>();
  for (const position of positions(before.seats)) if (!kept.has(position)) lost.add(position.split('|')[2]!);
  for (const person of before.people) {
    const now = afterPeople.get(person.aadObjectId);
    const lostRole = now && person.roles.some((role) => !now.roles.includes(role));
    if (!now || (person.active && !now.active) || lostRole) lost.add(person.aadObjectId);
  }
  return [...lost].sort();
}
