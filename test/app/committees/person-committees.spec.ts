import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { PERSON_COMMITTEES_TYPE, type PersonCommitteesDocument } from '../../../src/app/committees/directory-documents';
import { noteMemberships, personCommitteesDocumentId } from '../../../src/app/committees/person-committees';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { fixedClock } from '../../../src/domain/clock';
import { tenantDirectoryId } from '../../../src/domain/ids';
import { recordingStore } from '../../support/recording-store';
import { openTempStore, type TempStore } from '../../support/temp-store';

const TENANT = '0e0e0e0e-0000-4000-8000-000000000001';
const DIRECTORY = tenantDirectoryId(TENANT);
const KOG = committeeIdForHome(TENANT, { id: '19:kog@thread.tacv2' });
const OTHER = committeeIdForHome(TENANT, { id: '19:other@thread.tacv2' });
const clock = fixedClock('2026-11-21T10:00:00Z');
const person = (index: number) => `0e0e0e0e-0000-4000-8000-${String(index).padStart(12, '0')}`;

describe('app/committees/person-committees', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore();
  });
  afterEach(async () => {
    await temp.cleanup();
  });

  const indexOf = async (aadObjectId: string) =>
    temp.store.get<PersonCommitteesDocument>(DIRECTORY, personCommitteesDocumentId(aadObjectId));

  const seedIndex = (aadObjectId: string, committeeIds: string[], currentCommitteeId?: string) =>
    temp.store.create<PersonCommitteesDocument>({
      id: personCommitteesDocumentId(aadObjectId),
      committeeId: DIRECTORY,
      type: PERSON_COMMITTEES_TYPE,
      personId: aadObjectId,
      committeeIds,
      ...(currentCommitteeId ? { currentCommitteeId } : {}),
      updatedAt: '2026-01-01T00:00:00.000Z',
    });

  it('notes a whole team with one query and a batch per hundred people, keeping what the indexes held', async () => {
    await seedIndex(person(0), [OTHER]);
    await seedIndex(person(1), [KOG]);
    const { store, calls } = recordingStore(temp.store);
    const people = Array.from({ length: 250 }, (_, index) => person(index));

    await noteMemberships({ store, clock }, KOG, people);

    // One query, then 249 writes (person 1 is noted already) in three batches.
    assert.deepEqual(
      calls.map((call) => call.operation),
      ['query', 'batch', 'batch', 'batch'],
    );
    assert.deepEqual((await indexOf(person(0)))?.committeeIds, [OTHER, KOG]);
    assert.equal((await indexOf(person(1)))?.updatedAt, '2026-01-01T00:00:00.000Z');
    for (const aadObjectId of people) assert.ok((await indexOf(aadObjectId))?.committeeIds.includes(KOG), aadObjectId);
  });

  for (const size of [1, 20]) {
    it(`keeps the committee a person chose when a roster of ${size} adds another committee to their index`, async () => {
      await seedIndex(person(0), [OTHER], OTHER);
      const people = Array.from({ length: size }, (_, index) => person(index));

      await noteMemberships({ store: temp.store, clock }, KOG, people);

      const index = await indexOf(person(0));
      assert.deepEqual(index?.committeeIds, [OTHER, KOG]);
      assert.equal(index?.currentCommitteeId, OTHER);
    });
  }

  it('notes everyone still when another writer changed an index between the read and the batch', async () => {
    await seedIndex(person(3), []);
    let raced = false;
    const racing = new Proxy(temp.store, {
      get(target, property, receiver) {
        if (property !== 'batch') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<DocumentStore['batch']>) => {
          if (!raced) {
            raced = true;
            // Person 3 was noted in another committee meanwhile: the batch's ETag is stale now.
            const current = (await indexOf(person(3)))!;
            await target.replace({ ...current, committeeIds: [OTHER] }, current._etag);
          }
          return target.batch(...args);
        };
      },
    });
    const people = Array.from({ length: 20 }, (_, index) => person(index));

    await noteMemberships({ store: racing, clock }, KOG, people);

    assert.ok(raced);
    assert.deepEqual((await indexOf(person(3)))?.committeeIds, [OTHER, KOG]);
    for (const aadObjectId of people) assert.ok((await indexOf(aadObjectId))?.committeeIds.includes(KOG), aadObjectId);
  });
});
