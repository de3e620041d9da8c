import { actorInConversation } from '../../src/app/committees/identify-committee';
import type { AppDependencies } from '../../src/app/dependencies';
import type { Actor, ActorIdentity } from '../../src/app/identify-actor';
import type { CommitteeHome } from '../../src/domain/committee';
import { KOG_TEAM } from '../app/sessions/session-fixtures';

/**
 * The actor as a message in a channel of the team resolves it (see `actorInConversation`): the
 * committee homed in the team, or, while there is none, the place where set-up creates it.
 * Use-case tests act as the people of the KOG's team by default.
 */
export function actorInTeam(
  deps: AppDependencies,
  identity: ActorIdentity,
  team: Pick<CommitteeHome, 'id' | 'title'> = KOG_TEAM,
): Promise<Actor> {
  return actorInConversation(deps, identity, {
    kind: 'channel',
    conversationId: team.id,
    teamId: team.id,
    title: team.title,
  });
}
