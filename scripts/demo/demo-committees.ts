import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { chooseCurrentCommitteeUnlessChosen } from '../../src/app/committees/person-committees';
import type { AppDependencies } from '../../src/app/dependencies';
import { seedCommittee, type CommitteeSeed, type SeedOutcome } from '../../src/app/seed-committee';
import { kogDemo } from './kog-demo';
import { sgiDemo } from './sgi-demo';

/** The demo's committees, the KOG first: in the KOG's team and the playground's group chat. */
export function demoCommittees(playgroundServiceUrl: string): readonly CommitteeSeed[] {
  return [kogDemo(playgroundServiceUrl), sgiDemo()];
}

/**
 * Loads the demo's committees, each unless its home has one already, and lets each demo person
 * start in their personal chat with the first of them they belong to (the KOG for those on both),
 * unless they chose one since. Answers each committee's short name and outcome.
 */
export async function seedDemoCommittees(
  deps: AppDependencies,
  playgroundServiceUrl: string,
): Promise<Array<{ readonly shortName: string; readonly outcome: SeedOutcome }>> {
  const seeds = demoCommittees(playgroundServiceUrl);
  const outcomes = [];
  for (const seed of seeds)
    outcomes.push({ shortName: seed.settings.shortName, outcome: await seedCommittee(deps, seed) });
  for (const seed of seeds) {
    const committeeId = committeeIdForHome(seed.tenantId, seed.home);
    for (const person of seed.people) await chooseCurrentCommitteeUnlessChosen(deps, committeeId, person.aadObjectId);
  }
  return outcomes;
}
