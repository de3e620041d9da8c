import type { Person } from './roster';

/** A member of the committee's team or chat, as Teams' member list names them. */
export interface SeenMember {
  readonly aadObjectId: string;
  readonly displayName: string;
}

/**
 * A person as they are after the member list showed them. Someone new joins without a role:
 * only the secretariat assigns roles. For someone known, Teams' name wins, roles stay, and a
 * person who had left is active again; one the secretariat deactivated stays inactive, since
 * still being in the team says nothing about still serving on the committee.
 */
export function personJoining(existing: Person | undefined, seen: SeenMember): Person {
  const displayName = seen.displayName || existing?.displayName || '';
  if (!existing) return { aadObjectId: seen.aadObjectId, displayName, roles: [], active: true };
  if (!existing.active && existing.leftAt !== undefined) {
    const { leftAt: _leftAt, ...rest } = existing;
    return { ...rest, displayName, active: true };
  }
  return { ...existing, displayName };
}

/**
 * A person who left the committee's team or chat: deactivated, never deleted, so seats,
 * minutes and past invitations keep their name. Someone already inactive stays as they are.
 */
export function personLeaving(existing: Person, at: string): Person {
  if (!existing.active) return existing;
  return { ...existing, active: false, leftAt: at };
}
