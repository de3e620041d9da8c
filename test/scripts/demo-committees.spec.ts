import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { chooseCurrentCommittee, personCommitteesOf } from '../../src/app/committees/person-committees';
import { myCommittees } from '../../src/app/committees/my-committees';
import { DEMO_TEAM, DEMO_TENANT_ID } from '../../scripts/demo/kog-demo';
import { seedDemoCommittees } from '../../scripts/demo/demo-committees';
import { DEMO_GROUP_CHAT } from '../../scripts/demo/sgi-demo';
import { useTempStore } from '../support/temp-store';

const KOG = committeeIdForHome(DEMO_TENANT_ID, DEMO_TEAM);
const SGI = committeeIdForHome(DEMO_TENANT_ID, DEMO_GROUP_CHAT);
const SABINE = { tenantId: DEMO_TENANT_ID, aadObjectId: '6e6d0000-0000-4000-8000-0000000000b1', displayName: 'Sabine' };

describe('scripts/demo/demo-committees', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');

  it('loads both committees, each in its home, and lets their people start with the KOG', async () => {
    assert.deepEqual(await seedDemoCommittees(fixture.deps, 'http://localhost:56150/_connector'), [
      { shortName: 'KOG', outcome: 'created' },
      { shortName: 'SGI', outcome: 'created' },
    ]);
    const mine = await myCommittees(fixture.deps, SABINE);
    assert.deepEqual(
      mine.choices.map((choice) => [choice.committeeId, choice.shortName, choice.roles, choice.current]),
      [
        [KOG, 'KOG', ['member'], true],
        [SGI, 'SGI', ['member'], false],
      ],
    );
  });

  it('leaves committees and a person’s choice as they are when loaded again', async () => {
    await seedDemoCommittees(fixture.deps, 'http://localhost:56150/_connector');
    await chooseCurrentCommittee(fixture.deps, SGI, SABINE.aadObjectId);
    assert.deepEqual(
      (await seedDemoCommittees(fixture.deps, 'http://localhost:56150/_connector')).map((seeded) => seeded.outcome),
      ['alreadyPresent', 'alreadyPresent'],
    );
    assert.equal(
      (await personCommitteesOf(fixture.deps.store, DEMO_TENANT_ID, SABINE.aadObjectId))?.currentCommitteeId,
      SGI,
    );
  });
});
