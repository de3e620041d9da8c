import assert from 'node:assert/strict';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../../src/app/documents';
import { identifyActor } from '../../src/app/identify-actor';
import { seedCommittee } from '../../src/app/seed-committee';
import { committeeIdForTenant } from '../../src/domain/ids';
import { DEMO_TENANT_ID, kogDemo } from '../../scripts/demo/kog-demo';
import { useTempStore, type TempStore } from '../support/temp-store';

describe('app/seed-committee', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(() => ({ temp, deps } = fixture));
  const committeeId = committeeIdForTenant(DEMO_TENANT_ID);

  it('loads committee, people, seats and working group conversation', async () => {
    assert.equal(await seedCommittee(deps, kogDemo('http://localhost:56150/_connector')), 'created');
    const committee = await temp.store.get<CommitteeDocument>(committeeId, 'committee');
    assert.match(committee?.name ?? '', /Koordinierungsgremium/);
    assert.ok(committee?.workingGroupConversationId);
    assert.ok(await temp.store.get(committeeId, committee.workingGroupConversationId));
    assert.equal((await temp.store.query<PersonDocument>(committeeId, { type: 'person' })).length, 6);
    assert.equal((await temp.store.query<SeatDocument>(committeeId, { type: 'seat' })).length, 3);
    const katrin = await identifyActor(deps, {
      tenantId: DEMO_TENANT_ID,
      aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1',
      displayName: 'Katrin Albers',
    });
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
