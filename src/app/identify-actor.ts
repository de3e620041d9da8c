import type { CommitteeHome } from '../domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../domain/ids';
import type { ActorStanding } from '../domain/permissions';
import { activeRoles } from '../domain/roster';
import type { AppDependencies } from './dependencies';
import type { CommitteeDocument, PersonDocument } from './documents';
import type { Stored } from './ports/document-store';

/** Who is acting, as the activity says: never taken from card data. */
export interface ActorIdentity {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly displayName: string;
}

/**
 * Where the turn came from, as far as committees go:
 * - `personal`: the person's 1:1 chat, where they act on one of their committees at a time;
 * - `home`: the committee's home (its team's channels, or its group chat);
 * - `workingGroup`: the conversation the committee's working group uses;
 * - `unclaimed`: a team or group chat that is no committee's home: set-up there creates the
 *   committee homed in `home`, and nothing else acts on any committee.
 */
export type ActorPlace =
  | { readonly kind: 'personal' }
  | { readonly kind: 'home' }
  | { readonly kind: 'workingGroup' }
  | { readonly kind: 'unclaimed'; readonly home: CommitteeHome };

export const PERSONAL_PLACE: ActorPlace = { kind: 'personal' };

/** The acting person resolved against the store: their committee and their roles in it. */
export interface Actor extends ActorStanding {
  readonly identity: ActorIdentity;
  /** The committee the turn acts on (also where a committee would be created, for `unclaimed`). */
  readonly committeeId: string;
  readonly committee?: Stored<CommitteeDocument>;
  readonly person?: Stored<PersonDocument>;
  readonly place: ActorPlace;
}

/**
 * The actor in one committee: the committee and the person's roster entry there, both read
 * from that committee's own partition, so the roles are the store's, never a card's or an
 * index's. One request for both (`getMany`).
 */
export async function actorIn(
  { store }: AppDependencies,
  identity: ActorIdentity,
  committeeId: string,
  place: ActorPlace = PERSONAL_PLACE,
): Promise<Actor> {
  const [committee, person] = (await store.getMany([
    { committeeId, id: COMMITTEE_DOCUMENT_ID },
    { committeeId, id: personDocumentId(identity.aadObjectId) },
  ])) as [Stored<CommitteeDocument> | undefined, Stored<PersonDocument> | undefined];
  return actorOf(identity, committeeId, place, committee?.type === 'committee' ? committee : undefined, person);
}

/** The actor from what was read already. */
export function actorOf(
  identity: ActorIdentity,
  committeeId: string,
  place: ActorPlace,
  committee: Stored<CommitteeDocument> | undefined,
  person: Stored<PersonDocument> | undefined,
): Actor {
  return {
    identity,
    committeeId,
    committee,
    person,
    place,
    committeeExists: committee !== undefined,
    roles: committee ? activeRoles(person) : [],
  };
}
