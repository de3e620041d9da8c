import { committeeIdForHome } from '../src/app/committees/committee-id';
import type { AppDependencies } from '../src/app/dependencies';
import { actorIn, type ActorIdentity } from '../src/app/identify-actor';
import { saveSetup } from '../src/app/save-setup';
import { planSessions } from '../src/app/sessions/plan-sessions';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeHome } from '../src/domain/committee';
import { defaultSetupAnswers } from '../test/support/setup-answers';

/**
 * Sets up `count` committees of one tenant, each in a team of its own, with the default settings
 * and 2027 planned, through the same use cases a secretariat's set-up and `sitzungen planen 2027`
 * run. All committees share the settings, so their jobs fall due at the same instants. Answers
 * how many sessions each committee has.
 */
export async function setUpCommittees(
  deps: AppDependencies,
  secretariat: ActorIdentity,
  count: number,
): Promise<number> {
  let sessions = 0;
  for (let index = 0; index < count; index += 1) {
    const home: CommitteeHome = { kind: 'team', id: `19:bench-${index}@thread.tacv2`, title: `Team ${index}` };
    const committeeId = committeeIdForHome(secretariat.tenantId, home);
    const setUp = await saveSetup(deps, await actorIn(deps, secretariat, committeeId, { kind: 'unclaimed', home }), {
      revision: 0,
      answers: defaultSetupAnswers(`${DEFAULT_COMMITTEE_SETTINGS.name} ${index}`, `G${index}`),
    });
    if (!setUp.ok) throw new Error(`set-up refused: ${JSON.stringify(setUp.error)}`);
    const planned = await planSessions(deps, await actorIn(deps, secretariat, committeeId), 2027);
    if (!planned.ok) throw new Error(`planning refused: ${JSON.stringify(planned.error)}`);
    sessions = planned.value.created.length;
  }
  return sessions;
}
