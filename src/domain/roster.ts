import type { Role } from './roles';

/**
 * A person known to the committee, identified by their Entra ID object id (`aadObjectId`),
 * which Teams puts on every activity. People who leave are deactivated, never deleted, so past
 * records keep their names.
 */
export interface Person {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly institution?: string;
  /**
   * The work e-mail address: from the team's member list, or typed by the secretariat. Outlook
   * invitations go to it when sessions are Outlook events.
   */
  readonly email?: string;
  /**
   * A person the secretariat added by name, institution and e-mail, without a Teams account:
   * they get Outlook invitations and e-mail, never Teams cards, and answer in Outlook. Their
   * `aadObjectId` is then an id Gremium made from the e-mail address.
   */
  readonly withoutTeams?: boolean;
  readonly active: boolean;
  /**
   * When the person left the committee's team or chat, if that is why they are inactive. A
   * person who left and comes back is active again; one the secretariat deactivated stays so.
   */
  readonly leftAt?: string;
}

/**
 * A seat is an institution's place in the committee: held by a member, optionally with a
 * nominated deputy who attends when the member cannot.
 */
export interface Seat {
  readonly id: string;
  readonly institution: string;
  readonly memberId: string;
  readonly deputyId?: string;
}

/** Roles of an active person; a deactivated person holds none. */
export function activeRoles(person: Person | undefined): readonly Role[] {
  return person && person.active ? person.roles : [];
}
