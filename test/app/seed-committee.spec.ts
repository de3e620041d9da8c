import assert from 'node:assert/strict';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../../src/app/documents';
import { actorInTeam } from '../support/actors';
import { seedCommittee } from '../../src/app/seed-committee';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { tenantDirectoryId } from '../../src/domain/ids';
import { DEMO_TEAM, DEMO_TENANT_ID, kogDemo } from '../../scripts/demo/kog-demo';
import { useTempStore, type TempStore } from '../support/temp-store';

describe('app/seed-committee', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(() => ({ temp, deps } = fixture));
  const committeeId = committeeIdForHome(DEMO_TENANT_ID, DEMO_TEAM);

  it('loads committee, people, seats and working group conversation', async () => {
    assert.equal(await seedCommittee(deps, kogDemo('http://localhost:56150/_connector')), 'created');
    const committee = await temp.store.get<CommitteeDocument>(committeeId, 'committee');
    assert.match(committee?.name ?? '', /Koordinierungsgremium/);
    assert.ok(committee?.workingGroupConversationId);
    assert.ok(await temp.store.get(tenantDirectoryId(DEMO_TENANT_ID), committee.workingGroupConversationId));
    assert.deepEqual(committee.home, { kind: 'team', id: DEMO_TEAM.id, title: DEMO_TEAM.name });
    assert.equal((await temp.store.query<PersonDocument>(committeeId, { type: 'person' })).length, 7);
    assert.equal((await temp.store.query<SeatDocument>(committeeId, { type: 'seat' })).length, 3);
    const katrin = await actorInTeam(
      deps,
      { tenantId: DEMO_TENANT_ID, aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1', displayName: 'Katrin Albers' },
      { id: DEMO_TEAM.id, title: DEMO_TEAM.name },
    );
    assert.deepEqual(katrin.roles, ['secretariat']);
  });

  it('never overwrites a committee that exists', async () => {
    await seedCommittee(deps, kogDemo('http://localhost:56150/_connector'));
    const committee = (await temp.store.get<CommitteeDocument>(committeeId, 'committee'))!;
    const { _etag: etag, ...rest } = committee;
    await temp.store.replace({ ...rest, name: 'Selbst benannt' }, etag);
    assert.equal(await seedCommittee(deps, kogDemo('http://localhost:56150/_connector')), 'alreadyPresent');
    assert.equal((await temp.store.get<CommitteeDocument>(committeeId, 'committee'))?.name, 'Selbst benannt');
  });
});
