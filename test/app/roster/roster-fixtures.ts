import type { AppDependencies } from '../../../src/app/dependencies';
import type { ActorIdentity } from '../../../src/app/identify-actor';
import { seedCommittee } from '../../../src/app/seed-committee';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { KOG_TEAM } from '../sessions/session-fixtures';
import { TENANT } from '../../support/bot-harness';

/** The tenant the bot harness speaks for, so bot and use-case tests share one committee. */
export { TENANT };
export const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);

/** Object ids of the committee's people; fictional, as every person in the tests. */
export const IDS = {
  katrin: 'aaaaaaaa-0000-0000-0000-000000000001',
  sabine: 'bbbbbbbb-0000-0000-0000-000000000002',
  thomas: 'cccccccc-0000-0000-0000-000000000003',
  birgit: 'dddddddd-0000-0000-0000-000000000004',
  lena: 'eeeeeeee-0000-0000-0000-000000000005',
} as const;

export const katrin: ActorIdentity = { tenantId: TENANT, aadObjectId: IDS.katrin, displayName: 'Katrin Albers' };
export const sabine: ActorIdentity = { tenantId: TENANT, aadObjectId: IDS.sabine, displayName: 'Sabine Hoffmann' };

export const JOBCENTER_SEAT = 'seat-jobcenter-leipzig';

/** A small KOG: Katrin runs the secretariat, the Jobcenter's seat has a member and a deputy. */
export async function seedKog(deps: AppDependencies): Promise<void> {
  await seedCommittee(deps, {
    tenantId: TENANT,
    home: KOG_TEAM,
    settings: DEFAULT_COMMITTEE_SETTINGS,
    people: [
      { aadObjectId: IDS.katrin, displayName: 'Katrin Albers', roles: ['secretariat'], active: true },
      { aadObjectId: IDS.sabine, displayName: 'Sabine Hoffmann', roles: ['member'], active: true },
      { aadObjectId: IDS.thomas, displayName: 'Thomas Richter', roles: ['deputy'], active: true },
      { aadObjectId: IDS.birgit, displayName: 'Birgit Lehmann', roles: [], active: true },
      { aadObjectId: IDS.lena, displayName: 'Lena Vogt', roles: ['workingGroup'], active: true },
    ],
    seats: [{ key: 'jobcenter-leipzig', institution: 'Jobcenter Leipzig', memberId: IDS.sabine, deputyId: IDS.thomas }],
  });
}
