import assert from 'node:assert/strict';
import {
  MAX_BATCH_OPERATIONS,
  MAX_GET_MANY_KEYS,
  MAX_QUERY_TYPES,
  type BatchOperation,
  type Document,
  type DocumentStore,
  type Query,
  type Stored,
} from '../../src/app/ports/document-store';
import { ConcurrencyError, ConflictError, InvalidRequestError, NotFoundError } from '../../src/app/ports/store-errors';

/** What a spec hands the contract for one test: a fresh, empty store and how to dispose of it. */
export interface OpenedDocumentStore {
  readonly store: DocumentStore;
  /** Releases everything `open` created; must tolerate the store being closed already. */
  readonly cleanup: () => Promise<void>;
}

/** The adapter under test, as a spec describes it to the contract. */
export interface DocumentStoreSubject<Opened extends OpenedDocumentStore> {
  /** A fresh, empty store for one test. */
  readonly open: () => Promise<Opened>;
  /**
   * A second store on the data of `opened`, as after a restart; the durability test closes it.
   * Without it the durability test is not registered at all.
   */
  readonly reopen?: (opened: Opened) => Promise<DocumentStore>;
  readonly knownEngineGaps?: KnownEngineGaps;
}

/**
 * A place where an engine used only in tests falls short of the production engine. The contract
 * then proves the part our adapter is responsible for instead, so every registered test runs to
 * a verdict, and the title of that replacement test names the gap.
 */
export interface KnownEngineGaps {
  /**
   * The test engine keeps the operations before a failing one of a batch, where the production
   * engine guarantees all or none. Rolling back is then the engine's job, and what is left to
   * prove is that the adapter hands it each batch whole: one transactional request holding every
   * operation (so nothing runs outside the transaction, and nothing is split off).
   */
  readonly batchRollback?: {
    /** Why the test engine does not roll back; shown in the replacement tests' titles. */
    readonly reason: string;
    /** Runs `action` and answers every request that reached the engine meanwhile, in order. */
    readonly requestsDuring: (action: () => Promise<void>) => Promise<readonly EngineRequest[]>;
  };
}

/** A request as the engine received it, reduced to what shows whether a batch was sent whole. */
export interface EngineRequest {
  /**
   * The engine was asked to run it as one all-or-nothing transactional batch (on Cosmos DB: the
   * headers `x-ms-cosmos-is-batch-request: true` and `x-ms-cosmos-batch-atomic: true`).
   */
  readonly transactionalBatch: boolean;
  /** The batch operations it carried, in order; empty for any other request. */
  readonly operations: readonly EngineBatchOperation[];
}

/** One operation of a batch request, in the port's terms. */
export interface EngineBatchOperation {
  readonly op: BatchOperation['op'];
  readonly id: string;
  /** The ETag the engine is to check, for replace and delete. */
  readonly ifMatch?: string;
}

const COMMITTEE = 'committee-a';
const OTHER_COMMITTEE = 'committee-b';
const THIRD_COMMITTEE = 'committee-c';

interface Member extends Document {
  readonly type: 'member';
  readonly name: string;
  readonly age: number;
  readonly active: boolean;
  readonly address: { readonly city: string; readonly zip: string };
  readonly note?: string | null;
}

interface Topic extends Document {
  readonly type: 'topic';
  readonly title: string;
}

function member(id: string, fields: Partial<Omit<Member, 'id' | 'type'>> = {}): Member {
  return {
    id,
    committeeId: COMMITTEE,
    type: 'member',
    name: `Member ${id}`,
    age: 40,
    active: true,
    address: { city: 'Kassel', zip: '34117' },
    ...fields,
  };
}

/** A due item of background work, as the outbox sender and the deadline scheduler poll for. */
interface Job extends Document {
  readonly type: 'job';
  readonly status: 'pending' | 'done';
  readonly dueAt?: string | null;
}

function job(committeeId: string, id: string, status: Job['status'], dueAt?: string | null): Job {
  return { id, committeeId, type: 'job', status, ...(dueAt !== undefined ? { dueAt } : {}) };
}

/** Where a document lives and what it is called there: an id alone is unique only per committee. */
function keysOf(documents: readonly Document[]): string[] {
  return documents.map((document) => `${document.committeeId}/${document.id}`);
}

function topic(id: string, committeeId = COMMITTEE): Topic {
  return { id, committeeId, type: 'topic', title: `Topic ${id}` };
}

function withoutEtag<T extends Document>(stored: Stored<T>): Omit<Stored<T>, '_etag'> {
  const { _etag: _ignored, ...data } = stored;
  return data;
}

function sortedIds(documents: ReadonlyArray<{ readonly id: string }>): string[] {
  return documents.map((document) => document.id).sort();
}

function orderedIds(documents: ReadonlyArray<{ readonly id: string }>): string[] {
  return documents.map((document) => document.id);
}

/** What an engine should receive for `operations`: each one, in order, with the ETag to check. */
function expectedEngineOperations(operations: readonly BatchOperation[]): EngineBatchOperation[] {
  return operations.map((operation) => {
    switch (operation.op) {
      case 'delete':
        return {
          op: 'delete',
          id: operation.id,
          ...(operation.ifMatch !== undefined ? { ifMatch: operation.ifMatch } : {}),
        };
      case 'replace':
        return { op: 'replace', id: operation.document.id, ifMatch: operation.ifMatch };
      default:
        return { op: operation.op, id: operation.document.id };
    }
  });
}

/**
 * The one suite every `DocumentStore` adapter must pass, so that use cases written against the
 * port behave the same on the embedded store (development) and on Cosmos DB (production).
 * Every test gets a fresh store from `subject.open`.
 */
export function describeDocumentStoreContract<Opened extends OpenedDocumentStore>(
  name: string,
  subject: DocumentStoreSubject<Opened>,
): void {
  const { open, reopen, knownEngineGaps = {} } = subject;
  describe(`${name} (DocumentStore contract)`, () => {
    let opened: Opened;
    let store: DocumentStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    describe('single documents', () => {
      it('reads back a created document with its ETag', async () => {
        const created = await store.create(member('m1'));
        assert.equal(typeof created._etag, 'string');
        assert.notEqual(created._etag, '');
        assert.deepEqual(withoutEtag(created), member('m1'));

        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.ok(read);
        assert.equal(read._etag, created._etag);
        assert.deepEqual(withoutEtag(read), member('m1'));
      });

      it('answers undefined for a missing id', async () => {
        assert.equal(await store.get(COMMITTEE, 'nobody'), undefined);
      });

      it('keeps no system fields from an incoming document and returns only _etag', async () => {
        const forged = { ...member('m1'), _etag: 'forged', _rid: 'forged', _ts: 1, _custom: 'x' };
        const created = await store.create(forged);
        assert.notEqual(created._etag, 'forged');

        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.ok(read);
        assert.deepEqual(
          Object.keys(read).filter((key) => key.startsWith('_')),
          ['_etag'],
        );
        assert.equal(read._etag, created._etag);

        const replaced = await store.replace({ ...member('m1', { age: 41 }), _etag: 'forged' }, read._etag);
        assert.notEqual(replaced._etag, 'forged');
        assert.equal((await store.get<Member>(COMMITTEE, 'm1'))?._etag, replaced._etag);
      });

      it('refuses to create an id that exists, leaving the original', async () => {
        const original = await store.create(member('m1', { name: 'Original' }));
        await assert.rejects(store.create(member('m1', { name: 'Intruder' })), ConflictError);
        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.equal(read?.name, 'Original');
        assert.equal(read?._etag, original._etag);
      });

      it('refuses ids Cosmos DB cannot address', async () => {
        await assert.rejects(store.create(member('a/b')), InvalidRequestError);
        await assert.rejects(store.create(member('')), InvalidRequestError);
        await assert.rejects(store.get(COMMITTEE, 'a?b'), InvalidRequestError);
      });

      it('replaces with the current ETag and hands out a new one', async () => {
        const created = await store.create(member('m1'));
        const replaced = await store.replace(member('m1', { age: 41 }), created._etag);
        assert.notEqual(replaced._etag, created._etag);
        assert.equal(replaced.age, 41);

        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.equal(read?.age, 41);
        assert.equal(read?._etag, replaced._etag);
      });

      it('refuses to replace with a stale ETag, leaving the newer version', async () => {
        const created = await store.create(member('m1'));
        const newer = await store.replace(member('m1', { age: 41 }), created._etag);
        await assert.rejects(store.replace(member('m1', { age: 99 }), created._etag), ConcurrencyError);
        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.equal(read?.age, 41);
        assert.equal(read?._etag, newer._etag);
      });

      it('refuses to replace a missing document', async () => {
        await assert.rejects(store.replace(member('ghost'), 'any-etag'), NotFoundError);
        assert.equal(await store.get(COMMITTEE, 'ghost'), undefined);
      });

      it('lets exactly one of many concurrent replaces with the same ETag win', async () => {
        const contenders = 10;
        const created = await store.create(member('m1'));
        const outcomes = await Promise.allSettled(
          Array.from({ length: contenders }, (_, index) =>
            store.replace(member('m1', { note: `contender ${index}` }), created._etag),
          ),
        );

        const winners = outcomes.filter(
          (outcome): outcome is PromiseFulfilledResult<Stored<Member>> => outcome.status === 'fulfilled',
        );
        const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        assert.equal(winners.length, 1, 'exactly one replace must win');
        assert.equal(losers.length, contenders - 1);
        for (const loser of losers) assert.ok(loser.reason instanceof ConcurrencyError, String(loser.reason));

        const winner = winners[0]!.value;
        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.equal(read?.note, winner.note);
        assert.equal(read?._etag, winner._etag);
      });

      it('upserts a missing document and overwrites an existing one', async () => {
        const inserted = await store.upsert(member('m1', { age: 30 }));
        assert.equal((await store.get<Member>(COMMITTEE, 'm1'))?.age, 30);

        const overwritten = await store.upsert(member('m1', { age: 31 }));
        assert.notEqual(overwritten._etag, inserted._etag);
        const read = await store.get<Member>(COMMITTEE, 'm1');
        assert.equal(read?.age, 31);
        assert.equal(read?._etag, overwritten._etag);
      });

      it('deletes, with or without the current ETag', async () => {
        await store.create(member('m1'));
        await store.delete(COMMITTEE, 'm1');
        assert.equal(await store.get(COMMITTEE, 'm1'), undefined);

        const second = await store.create(member('m2'));
        await store.delete(COMMITTEE, 'm2', second._etag);
        assert.equal(await store.get(COMMITTEE, 'm2'), undefined);
      });

      it('refuses to delete a missing document', async () => {
        await assert.rejects(store.delete(COMMITTEE, 'ghost'), NotFoundError);
      });

      it('refuses to delete with a stale ETag, keeping the document', async () => {
        const created = await store.create(member('m1'));
        const newer = await store.replace(member('m1', { age: 41 }), created._etag);
        await assert.rejects(store.delete(COMMITTEE, 'm1', created._etag), ConcurrencyError);
        assert.equal((await store.get<Member>(COMMITTEE, 'm1'))?._etag, newer._etag);
      });

      it('keeps committees apart: the same id lives once per committee', async () => {
        await store.create(member('shared', { name: 'In A' }));
        await store.create({ ...member('shared', { name: 'In B' }), committeeId: OTHER_COMMITTEE });

        assert.equal((await store.get<Member>(COMMITTEE, 'shared'))?.name, 'In A');
        assert.equal((await store.get<Member>(OTHER_COMMITTEE, 'shared'))?.name, 'In B');

        const inA = await store.query<Member>(COMMITTEE, { type: 'member' });
        assert.deepEqual(
          inA.map((document) => document.name),
          ['In A'],
        );

        await store.delete(OTHER_COMMITTEE, 'shared');
        assert.equal((await store.get<Member>(COMMITTEE, 'shared'))?.name, 'In A');
        assert.equal(await store.get(OTHER_COMMITTEE, 'shared'), undefined);
      });

      it('answers ping', async () => {
        await store.ping();
      });
    });

    describe('reads of many documents', () => {
      it('answers each key in key order, across committees, with ETags, and undefined for a missing one', async () => {
        const m1 = await store.create(member('m1'));
        const m2 = await store.create(member('m2', { age: 52 }));
        const t1 = await store.create(topic('t1', OTHER_COMMITTEE));
        const read = await store.getMany([
          { committeeId: OTHER_COMMITTEE, id: 't1' },
          { committeeId: COMMITTEE, id: 'm2' },
          { committeeId: COMMITTEE, id: 'nobody' },
          { committeeId: COMMITTEE, id: 'm1' },
          { committeeId: THIRD_COMMITTEE, id: 'm1' },
        ]);
        assert.equal(read.length, 5);
        assert.deepEqual(read[0], t1);
        assert.deepEqual(read[1], m2);
        assert.equal(read[2], undefined);
        assert.deepEqual(read[3], m1);
        assert.equal(read[4], undefined, 'an id is looked up in its own committee only');
        for (const document of [read[0], read[1], read[3]]) {
          assert.deepEqual(
            Object.keys(document!).filter((key) => key.startsWith('_')),
            ['_etag'],
          );
        }
      });

      it('answers what get answers, ETag and all, so a write may be guarded by it', async () => {
        await store.create(member('m1'));
        const [read] = await store.getMany<Member>([{ committeeId: COMMITTEE, id: 'm1' }]);
        assert.deepEqual(read, await store.get<Member>(COMMITTEE, 'm1'));
        await store.replace(member('m1', { age: 41 }), read!._etag);
        await assert.rejects(store.replace(member('m1', { age: 42 }), read!._etag), ConcurrencyError);
      });

      it('answers a key named twice twice, and [] for no keys', async () => {
        const m1 = await store.create(member('m1'));
        const key = { committeeId: COMMITTEE, id: 'm1' };
        assert.deepEqual(await store.getMany([key, { committeeId: COMMITTEE, id: 'gone' }, key]), [m1, undefined, m1]);
        assert.deepEqual(await store.getMany([]), []);
      });

      it('keeps the same id in two committees apart', async () => {
        await store.create(member('shared', { name: 'In A' }));
        await store.create({ ...member('shared', { name: 'In B' }), committeeId: OTHER_COMMITTEE });
        const read = await store.getMany<Member>([
          { committeeId: OTHER_COMMITTEE, id: 'shared' },
          { committeeId: COMMITTEE, id: 'shared' },
        ]);
        assert.deepEqual(
          read.map((document) => document?.name),
          ['In B', 'In A'],
        );
      });

      it(`reads ${MAX_GET_MANY_KEYS} keys at once and refuses more`, async () => {
        await store.batch(
          COMMITTEE,
          Array.from({ length: 20 }, (_, index) => ({ op: 'create' as const, document: member(`m${index}`) })),
        );
        const keys = Array.from({ length: MAX_GET_MANY_KEYS }, (_, index) => ({
          committeeId: index % 2 === 0 ? COMMITTEE : OTHER_COMMITTEE,
          id: `m${index % 40}`,
        }));
        const read = await store.getMany<Member>(keys);
        assert.equal(read.length, MAX_GET_MANY_KEYS);
        keys.forEach((key, index) => {
          const found = key.committeeId === COMMITTEE && Number(key.id.slice(1)) < 20;
          assert.equal(read[index]?.id, found ? key.id : undefined, `${key.committeeId}/${key.id}`);
        });
        await assert.rejects(store.getMany([...keys, { committeeId: COMMITTEE, id: 'm0' }]), InvalidRequestError);
      });

      it('refuses keys get refuses, before reading anything', async () => {
        await store.create(member('m1'));
        const good = { committeeId: COMMITTEE, id: 'm1' };
        for (const bad of [
          { committeeId: COMMITTEE, id: 'a/b' },
          { committeeId: COMMITTEE, id: 'a?b' },
          { committeeId: COMMITTEE, id: '' },
          { committeeId: '', id: 'm1' },
          null,
          { committeeId: COMMITTEE },
        ]) {
          await assert.rejects(
            store.getMany([good, bad as unknown as { committeeId: string; id: string }]),
            InvalidRequestError,
            JSON.stringify(bad),
          );
        }
        await assert.rejects(
          store.getMany('m1' as unknown as Array<{ committeeId: string; id: string }>),
          InvalidRequestError,
        );
      });
    });

    describe('queries', () => {
      const members = [
        member('anna', { name: 'Anna', age: 34, active: true, address: { city: 'Kassel', zip: '34117' }, note: null }),
        member('bernd', { name: 'Bernd', age: 51, active: false, address: { city: 'Fulda', zip: '36037' } }),
        member('carla', {
          name: 'Carla',
          age: 42,
          active: true,
          address: { city: 'Kassel', zip: '34119' },
          note: 'chair',
        }),
        member('dieter', {
          name: 'O\'Brien " OR 1=1 --',
          age: 42,
          active: false,
          address: { city: 'Marburg', zip: '35037' },
        }),
      ];

      const ids = async (query: Omit<Query, 'type'>): Promise<string[]> =>
        sortedIds(await store.query<Member>(COMMITTEE, { type: 'member', ...query }));

      beforeEach(async () => {
        for (const document of members) await store.create(document);
        await store.create(topic('t1'));
        await store.create({ ...member('elsewhere'), committeeId: OTHER_COMMITTEE });
      });

      it('returns every document of the type in the committee, with ETags', async () => {
        const all = await store.query<Member>(COMMITTEE, { type: 'member' });
        assert.deepEqual(sortedIds(all), ['anna', 'bernd', 'carla', 'dieter']);
        for (const document of all) assert.equal(typeof document._etag, 'string');
        const anna = all.find((document) => document.id === 'anna');
        assert.ok(anna);
        assert.deepEqual(withoutEtag(anna), members[0]);
        assert.deepEqual(
          Object.keys(anna).filter((key) => key.startsWith('_')),
          ['_etag'],
        );
        assert.deepEqual(sortedIds(await store.query(COMMITTEE, { type: 'topic' })), ['t1']);
        assert.deepEqual(await store.query(COMMITTEE, { type: 'nothing' }), []);
      });

      it('compares strings with = and != and <', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '=', value: 'Bernd' }] }), ['bernd']);
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '!=', value: 'Bernd' }] }), [
          'anna',
          'carla',
          'dieter',
        ]);
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '<', value: 'Bz' }] }), ['anna', 'bernd']);
      });

      it('compares numbers with <, <=, >, >=', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '<', value: 42 }] }), ['anna']);
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '<=', value: 42 }] }), ['anna', 'carla', 'dieter']);
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '>', value: 42 }] }), ['bernd']);
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '>=', value: 42 }] }), ['bernd', 'carla', 'dieter']);
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '=', value: 42.5 }] }), []);
      });

      it('compares booleans with = and !=', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'active', op: '=', value: true }] }), ['anna', 'carla']);
        assert.deepEqual(await ids({ where: [{ field: 'active', op: '=', value: false }] }), ['bernd', 'dieter']);
        assert.deepEqual(await ids({ where: [{ field: 'active', op: '!=', value: true }] }), ['bernd', 'dieter']);
      });

      it('only matches values of the same JSON type', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '=', value: '42' }] }), []);
        assert.deepEqual(await ids({ where: [{ field: 'active', op: '=', value: 1 }] }), []);
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '>', value: 0 }] }), []);
        // != is no exception: a number is not "unequal to a string", it is not comparable.
        assert.deepEqual(await ids({ where: [{ field: 'age', op: '!=', value: 'x' }] }), []);
        // Nor are null (anna) and missing (bernd, dieter) unequal to a string.
        assert.deepEqual(await ids({ where: [{ field: 'note', op: '!=', value: 'x' }] }), ['carla']);
      });

      it('reads nested fields by dotted path', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'address.city', op: '=', value: 'Kassel' }] }), [
          'anna',
          'carla',
        ]);
        assert.deepEqual(await ids({ where: [{ field: 'address.zip', op: '>=', value: '35' }] }), ['bernd', 'dieter']);
      });

      it('combines conditions with AND', async () => {
        assert.deepEqual(
          await ids({
            where: [
              { field: 'address.city', op: '=', value: 'Kassel' },
              { field: 'age', op: '>', value: 40 },
              { field: 'active', op: '=', value: true },
            ],
          }),
          ['carla'],
        );
      });

      it('treats = null as "null or missing" and != null as "present and not null"', async () => {
        // anna has note: null, bernd and dieter have no note at all, carla has a note.
        assert.deepEqual(await ids({ where: [{ field: 'note', op: '=', value: null }] }), ['anna', 'bernd', 'dieter']);
        assert.deepEqual(await ids({ where: [{ field: 'note', op: '!=', value: null }] }), ['carla']);
        assert.deepEqual(await ids({ where: [{ field: 'no.such.field', op: '=', value: null }] }), [
          'anna',
          'bernd',
          'carla',
          'dieter',
        ]);
      });

      it('refuses ordering comparisons with null', async () => {
        await assert.rejects(
          store.query(COMMITTEE, { type: 'member', where: [{ field: 'note', op: '<', value: null }] }),
          InvalidRequestError,
        );
      });

      it('matches values with quotes and SQL-like text literally', async () => {
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '=', value: 'O\'Brien " OR 1=1 --' }] }), ['dieter']);
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '=', value: "x' OR '1'='1" }] }), []);
        assert.deepEqual(await ids({ where: [{ field: 'name', op: '=', value: 'x" OR "1"="1' }] }), []);
        assert.deepEqual(sortedIds(await store.query(COMMITTEE, { type: "member' OR '1'='1" })), []);
      });

      it('orders ascending by default and descending on request', async () => {
        const byNameAscending = await store.query<Member>(COMMITTEE, { type: 'member', orderBy: { field: 'name' } });
        assert.deepEqual(orderedIds(byNameAscending), ['anna', 'bernd', 'carla', 'dieter']);

        const byZipDescending = await store.query<Member>(COMMITTEE, {
          type: 'member',
          orderBy: { field: 'address.zip', direction: 'desc' },
        });
        assert.deepEqual(orderedIds(byZipDescending), ['bernd', 'dieter', 'carla', 'anna']);

        const byAgeAscending = await store.query<Member>(COMMITTEE, {
          type: 'member',
          where: [{ field: 'age', op: '!=', value: 42 }],
          orderBy: { field: 'age', direction: 'asc' },
        });
        assert.deepEqual(orderedIds(byAgeAscending), ['anna', 'bernd']);
      });

      it('leaves documents lacking the order field out of an ordered query', async () => {
        const byNote = await store.query<Member>(COMMITTEE, { type: 'member', orderBy: { field: 'note' } });
        // anna's note is null (present), carla's is a string; bernd and dieter have none.
        assert.deepEqual(orderedIds(byNote), ['anna', 'carla']);
      });

      it('limits the number of results, after ordering', async () => {
        const oldest = await store.query<Member>(COMMITTEE, {
          type: 'member',
          orderBy: { field: 'age', direction: 'desc' },
          limit: 1,
        });
        assert.deepEqual(orderedIds(oldest), ['bernd']);

        const firstTwoByName = await store.query<Member>(COMMITTEE, {
          type: 'member',
          orderBy: { field: 'name' },
          limit: 2,
        });
        assert.deepEqual(orderedIds(firstTwoByName), ['anna', 'bernd']);

        assert.equal((await store.query(COMMITTEE, { type: 'member', limit: 3 })).length, 3);
        assert.deepEqual(await store.query(COMMITTEE, { type: 'member', limit: 0 }), []);
        await assert.rejects(store.query(COMMITTEE, { type: 'member', limit: -1 }), InvalidRequestError);
        await assert.rejects(store.query(COMMITTEE, { type: 'member', limit: 1.5 }), InvalidRequestError);
      });

      const badPaths = [
        ...['', 'name; DROP TABLE documents', 'a..b', '.a', 'a.', '1abc'],
        ...['a[0]', 'na"me', "na'me", 'a b', 'a-b', '$.name'],
      ];
      for (const badPath of badPaths) {
        it(`refuses the field path ${JSON.stringify(badPath)}`, async () => {
          await assert.rejects(
            store.query(COMMITTEE, { type: 'member', where: [{ field: badPath, op: '=', value: 'x' }] }),
            InvalidRequestError,
          );
          await assert.rejects(
            store.query(COMMITTEE, { type: 'member', orderBy: { field: badPath } }),
            InvalidRequestError,
          );
        });
      }

      it('accepts underscores and digits in field paths', async () => {
        await store.create({ ...member('x1'), nested_1: { value_2: 'ok' } });
        assert.deepEqual(await ids({ where: [{ field: 'nested_1.value_2', op: '=', value: 'ok' }] }), ['x1']);
      });

      describe('of several types at once', () => {
        const typesOf = (documents: readonly Document[]): string[] =>
          documents.map((document) => `${document.type}/${document.id}`).sort();

        it('answers the documents of every type named, of the committee only, each with its type and ETag', async () => {
          const both = await store.query(COMMITTEE, { type: ['member', 'topic'] });
          assert.deepEqual(typesOf(both), ['member/anna', 'member/bernd', 'member/carla', 'member/dieter', 'topic/t1']);
          for (const document of both) assert.equal(typeof document._etag, 'string');
          const t1 = both.find((document) => document.id === 't1');
          assert.ok(t1);
          assert.deepEqual(withoutEtag(t1), topic('t1'));
          // A type without documents adds none; the other committee's member stays out.
          assert.deepEqual(typesOf(await store.query(COMMITTEE, { type: ['topic', 'nothing'] })), ['topic/t1']);
          assert.deepEqual(await store.query(COMMITTEE, { type: ['nothing', 'nothing else'] }), []);
        });

        it('answers for a list of one type, or one type named twice, what the type alone answers', async () => {
          const alone = sortedIds(await store.query(COMMITTEE, { type: 'member' }));
          assert.deepEqual(sortedIds(await store.query(COMMITTEE, { type: ['member'] })), alone);
          assert.deepEqual(sortedIds(await store.query(COMMITTEE, { type: ['member', 'member'] })), alone);
          assert.equal(alone.length, 4);
        });

        it('holds every document of every type to every condition, so a field one type lacks leaves it out', async () => {
          const where = (conditions: Query['where']) =>
            store.query(COMMITTEE, { type: ['member', 'topic'], where: conditions }).then(typesOf);
          assert.deepEqual(await where([{ field: 'name', op: '=', value: 'Anna' }]), ['member/anna']);
          assert.deepEqual(await where([{ field: 'title', op: '=', value: 'Topic t1' }]), ['topic/t1']);
          // != compares only present values of its type: a topic has no name, so it is not "unequal".
          assert.deepEqual(await where([{ field: 'name', op: '!=', value: 'Anna' }]), [
            'member/bernd',
            'member/carla',
            'member/dieter',
          ]);
          // = null is "null or missing": the topic has no note at all.
          assert.deepEqual(await where([{ field: 'note', op: '=', value: null }]), [
            'member/anna',
            'member/bernd',
            'member/dieter',
            'topic/t1',
          ]);
          // A field both have, and the type itself, select across the types.
          assert.deepEqual(await where([{ field: 'id', op: '>', value: 'carla' }]), ['member/dieter', 'topic/t1']);
          assert.deepEqual(await where([{ field: 'type', op: '=', value: 'topic' }]), ['topic/t1']);
        });

        it('orders and limits the result as a whole, not per type', async () => {
          await store.create(topic('b-topic'));
          const byId = await store.query(COMMITTEE, { type: ['topic', 'member'], orderBy: { field: 'id' } });
          assert.deepEqual(orderedIds(byId), ['anna', 'b-topic', 'bernd', 'carla', 'dieter', 't1']);
          const lastTwo = await store.query(COMMITTEE, {
            type: ['member', 'topic'],
            orderBy: { field: 'id', direction: 'desc' },
            limit: 2,
          });
          assert.deepEqual(orderedIds(lastTwo), ['t1', 'dieter']);
          const firstThree = await store.query(COMMITTEE, {
            type: ['topic', 'member'],
            orderBy: { field: 'id' },
            limit: 3,
          });
          assert.deepEqual(orderedIds(firstThree), ['anna', 'b-topic', 'bernd']);
          // Ordering by a field only members have leaves the topics out, as for one type.
          const byAge = await store.query<Member>(COMMITTEE, {
            type: ['member', 'topic'],
            orderBy: { field: 'age', direction: 'desc' },
          });
          assert.deepEqual(orderedIds(byAge).slice(0, 1), ['bernd']);
          assert.deepEqual(
            byAge.map((document) => document.type),
            ['member', 'member', 'member', 'member'],
          );
          assert.equal((await store.query(COMMITTEE, { type: ['member', 'topic'], limit: 5 })).length, 5);
          assert.equal((await store.query(COMMITTEE, { type: ['member', 'topic'], limit: 99 })).length, 6);
          assert.deepEqual(await store.query(COMMITTEE, { type: ['member', 'topic'], limit: 0 }), []);
        });

        it('matches each type with quotes literally, so none can widen the query', async () => {
          assert.deepEqual(typesOf(await store.query(COMMITTEE, { type: ["member' OR '1'='1", 'topic'] })), [
            'topic/t1',
          ]);
          assert.deepEqual(typesOf(await store.query(COMMITTEE, { type: ['topic', 'x") OR ("1"="1'] })), ['topic/t1']);
        });

        it(`reads ${MAX_QUERY_TYPES} types at once and refuses more`, async () => {
          const many = Array.from({ length: MAX_QUERY_TYPES }, (_, index) => (index === 0 ? 'topic' : `type-${index}`));
          assert.deepEqual(typesOf(await store.query(COMMITTEE, { type: many })), ['topic/t1']);
          await assert.rejects(store.query(COMMITTEE, { type: [...many, 'member'] }), InvalidRequestError);
        });

        const refused: ReadonlyArray<readonly [string, unknown]> = [
          ['an empty list', []],
          ['an empty type in a list', ['member', '']],
          ['a number in a list', ['member', 42]],
          ['null in a list', [null]],
          ['a number', 42],
          ['null', null],
          ['an object', { 0: 'member', length: 1 }],
        ];
        for (const [title, type] of refused) {
          it(`refuses ${title} as the type, before reading anything`, async () => {
            await assert.rejects(store.query(COMMITTEE, { type } as unknown as Query), InvalidRequestError);
            await assert.rejects(store.queryAcrossCommittees({ type } as unknown as Query), InvalidRequestError);
          });
        }
      });
    });

    describe('queries across committees', () => {
      it('answers [] on a store without documents', async () => {
        assert.deepEqual(await store.queryAcrossCommittees({ type: 'job' }), []);
      });

      describe('over three committees', () => {
        const now = '2025-03-01T09:00:00.000Z';
        // Due times interleave across committees, so results that were merely per committee
        // (or one committee's after another's) cannot pass for ordered ones.
        const jobs = [
          job(COMMITTEE, 'a-due', 'pending', '2025-03-01T08:00:00.000Z'),
          job(COMMITTEE, 'a-done', 'done', '2025-02-27T10:00:00.000Z'),
          job(COMMITTEE, 'a-later', 'pending', '2025-03-04T12:00:00.000Z'),
          job(COMMITTEE, 'shared', 'pending', '2025-03-03T00:00:00.000Z'),
          job(OTHER_COMMITTEE, 'b-early', 'pending', '2025-02-28T23:00:00.000Z'),
          job(OTHER_COMMITTEE, 'b-exactly-now', 'pending', now),
          job(OTHER_COMMITTEE, 'shared', 'pending', '2025-03-02T00:00:00.000Z'),
          job(THIRD_COMMITTEE, 'c-due', 'pending', '2025-03-01T08:30:00.000Z'),
          job(THIRD_COMMITTEE, 'c-done', 'done', '2025-03-01T07:00:00.000Z'),
          job(THIRD_COMMITTEE, 'c-undated', 'pending'),
          job(THIRD_COMMITTEE, 'c-null-date', 'pending', null),
        ];

        /** The pending jobs due by `now`, the scheduler's question. */
        const dueByNow: Query = {
          type: 'job',
          where: [
            { field: 'status', op: '=', value: 'pending' },
            { field: 'dueAt', op: '<=', value: now },
          ],
        };

        beforeEach(async () => {
          for (const document of jobs) await store.create(document);
          await store.create(topic('t1'));
          await store.create(topic('t2', THIRD_COMMITTEE));
        });

        it('returns the documents of the type from every committee, with ETags', async () => {
          const all = await store.queryAcrossCommittees<Job>({ type: 'job' });
          assert.deepEqual(keysOf(all).sort(), keysOf(jobs).sort());
          for (const document of all) {
            assert.deepEqual(
              Object.keys(document).filter((key) => key.startsWith('_')),
              ['_etag'],
            );
            assert.equal(typeof document._etag, 'string');
          }
          // The same id in two committees is two documents, each with its own data.
          const shared = all.filter((document) => document.id === 'shared');
          assert.deepEqual(shared.map((document) => [document.committeeId, document.dueAt]).sort(), [
            [COMMITTEE, '2025-03-03T00:00:00.000Z'],
            [OTHER_COMMITTEE, '2025-03-02T00:00:00.000Z'],
          ]);
          const cDue = all.find((document) => document.id === 'c-due');
          assert.ok(cDue);
          assert.deepEqual(withoutEtag(cDue), jobs[7]);

          assert.deepEqual(keysOf(await store.queryAcrossCommittees({ type: 'topic' })).sort(), [
            `${COMMITTEE}/t1`,
            `${THIRD_COMMITTEE}/t2`,
          ]);
        });

        it('applies every condition, with the same typing and null rules as query', async () => {
          assert.deepEqual(keysOf(await store.queryAcrossCommittees(dueByNow)).sort(), [
            `${COMMITTEE}/a-due`,
            `${OTHER_COMMITTEE}/b-early`,
            `${OTHER_COMMITTEE}/b-exactly-now`,
            `${THIRD_COMMITTEE}/c-due`,
          ]);
          const ids = async (where: Query['where']) =>
            keysOf(await store.queryAcrossCommittees({ type: 'job', where })).sort();
          assert.deepEqual(await ids([{ field: 'status', op: '=', value: 'done' }]), [
            `${COMMITTEE}/a-done`,
            `${THIRD_COMMITTEE}/c-done`,
          ]);
          // A number is not comparable with the ISO strings; a missing or null date is not due.
          assert.deepEqual(await ids([{ field: 'dueAt', op: '<=', value: 20250301 }]), []);
          assert.deepEqual(await ids([{ field: 'dueAt', op: '=', value: null }]), [
            `${THIRD_COMMITTEE}/c-null-date`,
            `${THIRD_COMMITTEE}/c-undated`,
          ]);
          // The partition key is a field like any other.
          assert.deepEqual(
            await ids([
              { field: 'committeeId', op: '!=', value: COMMITTEE },
              { field: 'status', op: '=', value: 'done' },
            ]),
            [`${THIRD_COMMITTEE}/c-done`],
          );
        });

        it('orders across committees, ascending and descending', async () => {
          const ascending = await store.queryAcrossCommittees<Job>({ ...dueByNow, orderBy: { field: 'dueAt' } });
          assert.deepEqual(keysOf(ascending), [
            `${OTHER_COMMITTEE}/b-early`,
            `${COMMITTEE}/a-due`,
            `${THIRD_COMMITTEE}/c-due`,
            `${OTHER_COMMITTEE}/b-exactly-now`,
          ]);

          // Where null sorts among strings is unspecified (see Query.orderBy), so nulls stay out.
          const descending = await store.queryAcrossCommittees<Job>({
            type: 'job',
            where: [
              { field: 'status', op: '=', value: 'pending' },
              { field: 'dueAt', op: '!=', value: null },
            ],
            orderBy: { field: 'dueAt', direction: 'desc' },
          });
          assert.deepEqual(keysOf(descending), [
            `${COMMITTEE}/a-later`,
            `${COMMITTEE}/shared`,
            `${OTHER_COMMITTEE}/shared`,
            `${OTHER_COMMITTEE}/b-exactly-now`,
            `${THIRD_COMMITTEE}/c-due`,
            `${COMMITTEE}/a-due`,
            `${OTHER_COMMITTEE}/b-early`,
          ]);
        });

        it('limits the whole result, after ordering, not each committee', async () => {
          const earliestTwo = await store.queryAcrossCommittees<Job>({
            ...dueByNow,
            orderBy: { field: 'dueAt' },
            limit: 2,
          });
          assert.deepEqual(keysOf(earliestTwo), [`${OTHER_COMMITTEE}/b-early`, `${COMMITTEE}/a-due`]);

          const latest = await store.queryAcrossCommittees<Job>({
            type: 'job',
            where: [{ field: 'dueAt', op: '!=', value: null }],
            orderBy: { field: 'dueAt', direction: 'desc' },
            limit: 1,
          });
          assert.deepEqual(keysOf(latest), [`${COMMITTEE}/a-later`]);

          // Without an order, any three of the eleven, but three in all.
          const three = await store.queryAcrossCommittees<Job>({ type: 'job', limit: 3 });
          assert.equal(three.length, 3);
          assert.equal(new Set(keysOf(three)).size, 3);

          assert.deepEqual(await store.queryAcrossCommittees({ type: 'job', limit: 0 }), []);
          await assert.rejects(store.queryAcrossCommittees({ type: 'job', limit: -1 }), InvalidRequestError);
          await assert.rejects(store.queryAcrossCommittees({ type: 'job', limit: 2.5 }), InvalidRequestError);
        });

        it("hands out ETags that guard a replace in the document's own committee", async () => {
          const [claimed] = await store.queryAcrossCommittees<Job>({
            type: 'job',
            where: [{ field: 'id', op: '=', value: 'shared' }],
            orderBy: { field: 'dueAt' },
            limit: 1,
          });
          assert.ok(claimed);
          assert.equal(claimed.committeeId, OTHER_COMMITTEE);

          const done = await store.replace<Job>({ ...claimed, status: 'done' }, claimed._etag);
          assert.equal((await store.get<Job>(OTHER_COMMITTEE, 'shared'))?._etag, done._etag);
          assert.equal((await store.get<Job>(OTHER_COMMITTEE, 'shared'))?.status, 'done');
          // The namesake in the other committee is untouched.
          assert.equal((await store.get<Job>(COMMITTEE, 'shared'))?.status, 'pending');

          // A second poller that read the same version loses the claim.
          await assert.rejects(store.replace<Job>({ ...claimed, status: 'done' }, claimed._etag), ConcurrencyError);

          // And what is claimed is no longer found as pending.
          const stillPending = await store.queryAcrossCommittees<Job>({
            type: 'job',
            where: [
              { field: 'id', op: '=', value: 'shared' },
              { field: 'status', op: '=', value: 'pending' },
            ],
          });
          assert.deepEqual(keysOf(stillPending), [`${COMMITTEE}/shared`]);
        });

        it('answers [] when nothing matches in any committee', async () => {
          assert.deepEqual(await store.queryAcrossCommittees({ type: 'nothing' }), []);
          assert.deepEqual(
            await store.queryAcrossCommittees({
              ...dueByNow,
              where: [...(dueByNow.where ?? []), { field: 'dueAt', op: '<', value: '2000-01-01T00:00:00.000Z' }],
              orderBy: { field: 'dueAt' },
              limit: 5,
            }),
            [],
          );
        });

        it('refuses what query refuses, before reading anything', async () => {
          await assert.rejects(store.queryAcrossCommittees({ type: '' }), InvalidRequestError);
          await assert.rejects(
            store.queryAcrossCommittees({ type: 'job', where: [{ field: 'dueAt', op: '<', value: null }] }),
            InvalidRequestError,
          );
          await assert.rejects(
            store.queryAcrossCommittees({ type: 'job', where: [{ field: 'a b', op: '=', value: 'x' }] }),
            InvalidRequestError,
          );
          await assert.rejects(
            store.queryAcrossCommittees({ type: 'job', orderBy: { field: '$.dueAt' } }),
            InvalidRequestError,
          );
        });

        it('matches a type with quotes literally, so it cannot widen the query', async () => {
          assert.deepEqual(await store.queryAcrossCommittees({ type: "job' OR '1'='1" }), []);
          assert.deepEqual(await store.queryAcrossCommittees({ type: 'job" OR "1"="1' }), []);
        });

        it('reads several types of every committee in one query, with conditions, order and limit over all', async () => {
          const all = await store.queryAcrossCommittees({ type: ['topic', 'job'] });
          assert.deepEqual(keysOf(all).sort(), [...keysOf(jobs), `${COMMITTEE}/t1`, `${THIRD_COMMITTEE}/t2`].sort());
          // Topics have no status: a condition on it leaves them out.
          assert.deepEqual(
            keysOf(
              await store.queryAcrossCommittees({
                type: ['topic', 'job'],
                where: [{ field: 'status', op: '=', value: 'done' }],
              }),
            ).sort(),
            [`${COMMITTEE}/a-done`, `${THIRD_COMMITTEE}/c-done`],
          );
          const earliestTwo = await store.queryAcrossCommittees<Job>({
            ...dueByNow,
            type: ['job', 'topic'],
            orderBy: { field: 'dueAt' },
            limit: 2,
          });
          assert.deepEqual(keysOf(earliestTwo), [`${OTHER_COMMITTEE}/b-early`, `${COMMITTEE}/a-due`]);
          assert.deepEqual(
            keysOf(await store.queryAcrossCommittees({ type: ['topic'] })).sort(),
            keysOf(await store.queryAcrossCommittees({ type: 'topic' })).sort(),
          );
        });
      });
    });

    describe('batches', () => {
      it('applies every operation and returns the written documents in order', async () => {
        const replaced = await store.create(member('to-replace', { age: 1 }));
        await store.create(member('to-delete'));
        await store.create(member('to-overwrite', { age: 1 }));

        const results = await store.batch(COMMITTEE, [
          { op: 'create', document: member('new', { age: 2 }) },
          { op: 'replace', document: member('to-replace', { age: 3 }), ifMatch: replaced._etag },
          { op: 'delete', id: 'to-delete' },
          { op: 'upsert', document: member('to-overwrite', { age: 4 }) },
          { op: 'upsert', document: member('upserted', { age: 5 }) },
        ]);

        assert.equal(results.length, 5);
        assert.equal(results[2], undefined);
        assert.deepEqual(
          results.map((result) => (result ? [result.id, (result as Stored<Member>).age] : undefined)),
          [['new', 2], ['to-replace', 3], undefined, ['to-overwrite', 4], ['upserted', 5]],
        );
        for (const result of results) {
          if (!result) continue;
          const read = await store.get<Member>(COMMITTEE, result.id);
          assert.equal(read?._etag, result._etag, `ETag of ${result.id}`);
          assert.equal(read?.age, (result as Stored<Member>).age);
        }
        assert.notEqual(results[1]?._etag, replaced._etag);
        assert.equal(await store.get(COMMITTEE, 'to-delete'), undefined);
      });

      it('honours ETags on replace and delete inside a batch', async () => {
        const first = await store.create(member('m1'));
        const second = await store.create(member('m2'));
        await store.batch(COMMITTEE, [
          { op: 'replace', document: member('m1', { age: 50 }), ifMatch: first._etag },
          { op: 'delete', id: 'm2', ifMatch: second._etag },
        ]);
        assert.equal((await store.get<Member>(COMMITTEE, 'm1'))?.age, 50);
        assert.equal(await store.get(COMMITTEE, 'm2'), undefined);
      });

      it('returns [] for an empty batch', async () => {
        assert.deepEqual(await store.batch(COMMITTEE, []), []);
      });

      it(`accepts exactly ${MAX_BATCH_OPERATIONS} operations`, async () => {
        const operations: BatchOperation[] = Array.from({ length: MAX_BATCH_OPERATIONS }, (_, index) => ({
          op: 'create',
          document: topic(`t${index}`),
        }));
        const results = await store.batch(COMMITTEE, operations);
        assert.equal(results.length, MAX_BATCH_OPERATIONS);
        assert.equal((await store.query(COMMITTEE, { type: 'topic' })).length, MAX_BATCH_OPERATIONS);
      });

      it(`refuses more than ${MAX_BATCH_OPERATIONS} operations, writing nothing`, async () => {
        const operations: BatchOperation[] = Array.from({ length: MAX_BATCH_OPERATIONS + 1 }, (_, index) => ({
          op: 'create',
          document: topic(`t${index}`),
        }));
        await assert.rejects(store.batch(COMMITTEE, operations), InvalidRequestError);
        assert.deepEqual(await store.query(COMMITTEE, { type: 'topic' }), []);
      });

      it("refuses a document of another committee than the batch's, writing nothing", async () => {
        await assert.rejects(
          store.batch(COMMITTEE, [
            { op: 'create', document: topic('mine') },
            { op: 'create', document: topic('theirs', OTHER_COMMITTEE) },
          ]),
          InvalidRequestError,
        );
        assert.equal(await store.get(COMMITTEE, 'mine'), undefined);
        assert.equal(await store.get(OTHER_COMMITTEE, 'theirs'), undefined);
      });

      /**
       * Each failing batch below has operations before and after the failing one. The error is
       * checked on every engine. That the batch leaves no trace is checked where the engine rolls
       * back; on an engine with the `batchRollback` gap, that the batch reached it whole instead.
       */
      const failingBatches: ReadonlyArray<{
        readonly title: string;
        readonly expectedError: new (...args: never[]) => Error;
        readonly arrange: () => Promise<readonly BatchOperation[]>;
      }> = [
        {
          title: 'a create of an existing id',
          expectedError: ConflictError,
          arrange: async () => {
            await store.create(member('existing', { age: 1 }));
            return [
              { op: 'create', document: member('before') },
              { op: 'upsert', document: member('existing', { age: 99 }) },
              { op: 'create', document: member('existing', { age: 100 }) },
              { op: 'create', document: member('after') },
            ];
          },
        },
        {
          title: 'a replace with a stale ETag',
          expectedError: ConcurrencyError,
          arrange: async () => {
            const stale = await store.create(member('existing', { age: 1 }));
            await store.replace(member('existing', { age: 2 }), stale._etag);
            return [
              { op: 'upsert', document: member('before') },
              { op: 'replace', document: member('existing', { age: 99 }), ifMatch: stale._etag },
              { op: 'create', document: member('after') },
            ];
          },
        },
        {
          title: 'a delete of a missing document',
          expectedError: NotFoundError,
          arrange: async () => {
            await store.create(member('existing', { age: 1 }));
            return [
              { op: 'delete', id: 'existing' },
              { op: 'create', document: member('before') },
              { op: 'delete', id: 'ghost' },
              { op: 'create', document: member('after') },
            ];
          },
        },
      ];

      const rollbackGap = knownEngineGaps.batchRollback;
      for (const failing of failingBatches) {
        it(`raises the error of the failing operation for ${failing.title}`, async () => {
          const operations = await failing.arrange();
          await assert.rejects(store.batch(COMMITTEE, operations), failing.expectedError);
        });

        if (rollbackGap === undefined) {
          it(`leaves no trace of a batch with ${failing.title}`, async () => {
            const operations = await failing.arrange();
            const before = await store.query<Member>(COMMITTEE, { type: 'member', orderBy: { field: 'id' } });
            await assert.rejects(store.batch(COMMITTEE, operations), failing.expectedError);
            const after = await store.query<Member>(COMMITTEE, { type: 'member', orderBy: { field: 'id' } });
            assert.deepEqual(after, before);
            assert.equal(await store.get(COMMITTEE, 'before'), undefined);
            assert.equal(await store.get(COMMITTEE, 'after'), undefined);
          });
          continue;
        }

        it(
          `sends a batch with ${failing.title} as one transactional request, for the engine to roll back ` +
            `(${rollbackGap.reason})`,
          async () => {
            const operations = await failing.arrange();
            const requests = await rollbackGap.requestsDuring(async () => {
              await assert.rejects(store.batch(COMMITTEE, operations), failing.expectedError);
            });
            assert.deepEqual(requests, [
              { transactionalBatch: true, operations: expectedEngineOperations(operations) },
            ]);
          },
        );
      }
    });

    if (reopen !== undefined) {
      describe('durability', () => {
        it('keeps written data across close and reopen', async () => {
          const kept = await store.create(member('kept', { age: 33 }));
          const first = await store.create(member('replaced', { age: 1 }));
          const replaced = await store.replace(member('replaced', { age: 2 }), first._etag);
          await store.create(member('deleted'));
          await store.delete(COMMITTEE, 'deleted');
          const [batched] = await store.batch(COMMITTEE, [{ op: 'create', document: topic('batched') }]);
          await store.close();

          const reopened = await reopen(opened);
          try {
            assert.deepEqual(await reopened.get<Member>(COMMITTEE, 'kept'), kept);
            assert.deepEqual(await reopened.get<Member>(COMMITTEE, 'replaced'), replaced);
            assert.equal(await reopened.get(COMMITTEE, 'deleted'), undefined);
            assert.equal((await reopened.get(COMMITTEE, 'batched'))?._etag, batched?._etag);
            // The ETag read before the restart still guards writes after it.
            await assert.rejects(reopened.replace(member('replaced', { age: 3 }), first._etag), ConcurrencyError);
            await reopened.replace(member('replaced', { age: 3 }), replaced._etag);
          } finally {
            await reopened.close();
          }
        });
      });
    }
  });
}
