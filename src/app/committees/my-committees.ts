import type { Role } from '../../domain/roles';
import type { AppDependencies } from '../dependencies';
import { actorIn, type Actor, type ActorIdentity } from '../identify-actor';
import type { PersonCommitteesDocument } from './directory-documents';
import { personCommitteesOf } from './person-committees';

/** One committee a person belongs to, as the choice card and `gremium` show it. */
export interface CommitteeChoice {
  readonly committeeId: string;
  readonly shortName: string;
  readonly name: string;
  /** The person's roles there, from that committee's roster. */
  readonly roles: readonly Role[];
  /** Whether it is the one their personal chat works with now. */
  readonly current: boolean;
}

/** The person's committees, verified, and the actors in each (for the one a turn then acts on). */
export interface MyCommittees {
  readonly choices: readonly CommitteeChoice[];
  readonly actors: ReadonlyMap<string, Actor>;
  /** The committee the person chose, if it is still theirs. */
  readonly current?: string;
}

/**
 * The committees a person belongs to: those their index lists (one read in the directory),
 * each verified against the committee's own partition (two reads each): the committee exists
 * and the person has an active, not erased roster entry there. Ordered by short name.
 */
export async function myCommittees(
  deps: AppDependencies,
  identity: ActorIdentity,
  known?: { readonly index: PersonCommitteesDocument | undefined },
): Promise<MyCommittees> {
  const index = known ? known.index : await personCommitteesOf(deps.store, identity.tenantId, identity.aadObjectId);
  if (!index) return { choices: [], actors: new Map() };
  const actors = await Promise.all(index.committeeIds.map((committeeId) => actorIn(deps, identity, committeeId)));
  const verified = actors.filter(belongs);
  const current = verified.some((actor) => actor.committeeId === index.currentCommitteeId)
    ? index.currentCommitteeId
    : undefined;
  const choices = verified
    .map((actor) => choiceOf(actor, actor.committeeId === current))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'de') || a.committeeId.localeCompare(b.committeeId));
  return { choices, actors: new Map(verified.map((actor) => [actor.committeeId, actor])), current };
}

/** Whether the actor has a place in the committee: it exists, and they are on its roster, active and not erased. */
export function belongs(actor: Actor): boolean {
  return !!actor.committee && !!actor.person && actor.person.active && !actor.person.erasedAt;
}

/** The committee as a choice for the person. */
export function choiceOf(actor: Actor, current: boolean): CommitteeChoice {
  return {
    committeeId: actor.committeeId,
    shortName: actor.committee?.shortName ?? '',
    name: actor.committee?.name ?? '',
    roles: actor.roles,
    current,
  };
}
