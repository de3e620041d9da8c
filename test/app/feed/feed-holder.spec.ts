import assert from 'node:assert/strict';
import { feedCommittees } from '../../../src/app/feed/feed-holder';
import { actorIn } from '../../../src/app/identify-actor';
import type { DocumentKey, DocumentStore } from '../../../src/app/ports/document-store';
import { tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { birgitInSecondCommittee, OTHER_COMMITTEE } from './second-committee';
import { COMMITTEE, PEOPLE, SessionWorld, TENANT } from '../sessions/session-world';

const DIRECTORY = tenantDirectoryId(TENANT);
const BIRGIT = { tenantId: TENANT, aadObjectId: PEOPLE.birgit, displayName: 'Birgit Lehmann' };

/** The store, noting the partition of every document read by key. */
function readsNoted(store: DocumentStore): { readonly store: DocumentStore; readonly read: string[] } {
  const read: string[] = [];
  return {
    read,
    store: {
      ...store,
      get: (committeeId, id) => {
        read.push(`get ${committeeId}`);
        return store.get(committeeId, id);
      },
      getMany: (keys: readonly DocumentKey[]) => {
        read.push(`getMany ${keys.map((key) => key.committeeId).join(' ')}`);
        return store.getMany(keys);
      },
    } as DocumentStore,
  };
}

for (const engine of ENGINES) {
  describe(`app/feed/feed-holder: the committees a feed shows, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let world: SessionWorld;
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
      await birgitInSecondCommittee(world);
    });
    afterEach(async () => opened.close());

    const committeeIds = (found: Awaited<ReturnType<typeof feedCommittees>>) =>
      found.map((entry) => entry.committee.committeeId).sort();

    it('reads the roster entries of all committees of the index in one request', async () => {
      const noted = readsNoted(world.store);
      const found = await feedCommittees(noted.store, DIRECTORY, PEOPLE.birgit);
      assert.deepEqual(committeeIds(found), [COMMITTEE, OTHER_COMMITTEE].sort());
      assert.deepEqual(noted.read, [
        `get ${DIRECTORY}`,
        `getMany ${[COMMITTEE, COMMITTEE, OTHER_COMMITTEE, OTHER_COMMITTEE].join(' ')}`,
      ]);
    });

    it('takes the committee and entry the turn read already as read, and reads only the others', async () => {
      const actor = await actorIn(world.deps, BIRGIT, COMMITTEE);
      const noted = readsNoted(world.store);
      const found = await feedCommittees(noted.store, DIRECTORY, PEOPLE.birgit, actor);
      assert.deepEqual(committeeIds(found), [COMMITTEE, OTHER_COMMITTEE].sort());
      assert.deepEqual(noted.read, [`get ${DIRECTORY}`, `getMany ${OTHER_COMMITTEE} ${OTHER_COMMITTEE}`]);

      // What was read decides: an entry read as inactive leaves its committee out.
      const inactive = { ...actor, person: { ...actor.person!, active: false } };
      assert.deepEqual(committeeIds(await feedCommittees(world.store, DIRECTORY, PEOPLE.birgit, inactive)), [
        OTHER_COMMITTEE,
      ]);
    });

    it('reads a committee the turn did not read as a committee, as any other', async () => {
      const unread = { committeeId: COMMITTEE, committee: undefined, person: undefined };
      const noted = readsNoted(world.store);
      const found = await feedCommittees(noted.store, DIRECTORY, PEOPLE.birgit, unread);
      assert.deepEqual(committeeIds(found), [COMMITTEE, OTHER_COMMITTEE].sort());
      assert.equal(noted.read.length, 2);
      assert.ok(noted.read[1]!.includes(COMMITTEE));
    });
  });
}
