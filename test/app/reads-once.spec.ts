import assert from 'node:assert/strict';
import type { Document, DocumentKey, DocumentStore } from '../../src/app/ports/document-store';
import { readsOnce } from '../../src/app/reads-once';
import { ENGINES } from '../support/engines';

interface Note extends Document {
  readonly type: 'note';
  readonly text: string;
}

const COMMITTEE = 'committee-reads-once';
const note = (id: string, text: string): Note => ({ id, committeeId: COMMITTEE, type: 'note', text });

/** The real store, with the reads by key that reach it counted (a read of many as its ids joined). */
function countingReads(store: DocumentStore): { store: DocumentStore; reads: string[] } {
  const reads: string[] = [];
  const counted: DocumentStore = new Proxy(store, {
    get: (target, property) => {
      const value: unknown = Reflect.get(target, property);
      if (property === 'get')
        return (committeeId: string, id: string) => {
          reads.push(id);
          return target.get(committeeId, id);
        };
      if (property === 'getMany')
        return (keys: readonly DocumentKey[]) => {
          reads.push(keys.map((key) => key.id).join('+'));
          return target.getMany(keys);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: counted, reads };
}

for (const engine of ENGINES) {
  describe(`app/reads-once on the ${engine.name}`, function () {
    this.timeout(30_000);
    let store: DocumentStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      store = opened.store;
      close = opened.close;
      await store.create(note('a', 'eins'));
    });
    afterEach(async () => close());

    it('reads a document once for everyone in the request, and the same version for all', async () => {
      const counting = countingReads(store);
      const request = readsOnce(counting.store);
      const [first, second] = await Promise.all([request.get<Note>(COMMITTEE, 'a'), request.get<Note>(COMMITTEE, 'a')]);
      await store.upsert(note('a', 'zwei'));
      const third = await request.get<Note>(COMMITTEE, 'a');
      assert.deepEqual([first?.text, second?.text, third?.text], ['eins', 'eins', 'eins']);
      assert.equal(await request.get(COMMITTEE, 'missing'), undefined);
      assert.equal(await request.get(COMMITTEE, 'missing'), undefined);
      assert.deepEqual(counting.reads, ['a', 'missing']);
    });

    it('reads many documents with one request for those not read yet, each kept for the later reads', async () => {
      await store.create(note('b', 'zwei'));
      const counting = countingReads(store);
      const request = readsOnce(counting.store);
      await request.get(COMMITTEE, 'a');
      const key = (id: string) => ({ committeeId: COMMITTEE, id });
      const many = await request.getMany<Note>([key('a'), key('b'), key('missing'), key('b')]);
      await store.upsert(note('b', 'drei'));
      assert.deepEqual(
        many.map((document) => document?.text),
        ['eins', 'zwei', undefined, 'zwei'],
      );
      assert.equal((await request.get<Note>(COMMITTEE, 'b'))?.text, 'zwei');
      assert.equal(await request.get(COMMITTEE, 'missing'), undefined);
      assert.deepEqual(counting.reads, ['a', 'b+missing']);
    });

    it('keeps nothing from one request to the next: a deleted or changed document is seen at once', async () => {
      assert.equal((await readsOnce(store).get<Note>(COMMITTEE, 'a'))?.text, 'eins');
      await store.upsert(note('a', 'zwei'));
      assert.equal((await readsOnce(store).get<Note>(COMMITTEE, 'a'))?.text, 'zwei');
      await store.delete(COMMITTEE, 'a');
      assert.equal(await readsOnce(store).get(COMMITTEE, 'a'), undefined);
    });

    it('forgets what it read once something is written through it, and keeps no query', async () => {
      const request = readsOnce(store);
      const read = await request.get<Note>(COMMITTEE, 'a');
      await request.replace(note('a', 'zwei'), read!._etag);
      assert.equal((await request.get<Note>(COMMITTEE, 'a'))?.text, 'zwei');
      assert.equal((await request.query(COMMITTEE, { type: 'note' })).length, 1);
      await store.create(note('b', 'drei'));
      assert.equal((await request.query(COMMITTEE, { type: 'note' })).length, 2);
    });
  });
}
