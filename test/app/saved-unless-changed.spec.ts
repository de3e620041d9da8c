import assert from 'node:assert/strict';
import type { Document } from '../../src/app/ports/document-store';
import { NotFoundError } from '../../src/app/ports/store-errors';
import { savedUnlessChanged } from '../../src/app/saved-unless-changed';
import { ENGINES, type OpenedEngine } from '../support/engines';

const COMMITTEE = 'committee-saved-unless-changed';

interface Note extends Document {
  readonly type: 'note';
  readonly text: string;
}

const note = (id: string, text: string): Note => ({ id, committeeId: COMMITTEE, type: 'note', text });

/*
 * The batches below put the operation that loses the race first. That a failing batch is rolled
 * back whole is the store's promise, proved by the store contract (test/infra); cosmosdb-server,
 * the test engine for Cosmos DB, keeps the operations before a failing one, which production
 * Cosmos DB does not. What is shown here is savedUnlessChanged's part: a lost race answers outdated, and
 * nothing is written after it.
 */

for (const engine of ENGINES) {
  describe(`app/saved-unless-changed on the ${engine.name}`, function () {
    this.timeout(30_000);
    let opened: OpenedEngine;
    beforeEach(async () => {
      opened = await engine.open();
    });
    afterEach(async () => opened.close());

    /** What the partition holds, read past the store port: id and text of each note. */
    const held = async () =>
      (await opened.rawPartition(COMMITTEE))
        .map((document) => `${String(document.id)}=${String(document.text)}`)
        .sort();

    it('answers what the write stored when nothing changed since it was read', async () => {
      const { store } = opened;
      const read = await store.create(note('a', 'first'));
      const saved = await savedUnlessChanged(() => store.replace(note('a', 'second'), read._etag));
      assert.ok(saved.ok);
      assert.equal(saved.value.text, 'second');
      assert.deepEqual(await held(), ['a=second']);
    });

    it('answers outdated and writes nothing when the document changed since it was read', async () => {
      const { store } = opened;
      const read = await store.create(note('a', 'first'));
      await store.replace(note('a', 'someone else'), read._etag);
      const saved = await savedUnlessChanged(() => store.replace(note('a', 'mine'), read._etag));
      assert.deepEqual(saved, { ok: false, error: { kind: 'outdated' } });
      assert.deepEqual(await held(), ['a=someone else']);
    });

    it('answers outdated for a batch with a stale replace, and none of the batch is written', async () => {
      const { store } = opened;
      const read = await store.create(note('a', 'first'));
      await store.replace(note('a', 'someone else'), read._etag);
      const saved = await savedUnlessChanged(() =>
        store.batch(COMMITTEE, [
          { op: 'replace', document: note('a', 'mine'), ifMatch: read._etag },
          { op: 'create', document: note('b', 'new') },
        ]),
      );
      assert.deepEqual(saved, { ok: false, error: { kind: 'outdated' } });
      assert.deepEqual(await held(), ['a=someone else']);
    });

    it('answers outdated for a batch whose new document someone created first, and writes nothing', async () => {
      const { store } = opened;
      const read = await store.create(note('a', 'first'));
      await store.create(note('b', 'theirs'));
      const saved = await savedUnlessChanged(() =>
        store.batch(COMMITTEE, [
          { op: 'create', document: note('b', 'mine') },
          { op: 'replace', document: note('a', 'mine'), ifMatch: read._etag },
        ]),
      );
      assert.deepEqual(saved, { ok: false, error: { kind: 'outdated' } });
      assert.deepEqual(await held(), ['a=first', 'b=theirs']);
    });

    it('throws any other failure: a missing document is not a lost race', async () => {
      const { store } = opened;
      const read = await store.create(note('a', 'first'));
      await store.delete(COMMITTEE, 'a');
      await assert.rejects(
        savedUnlessChanged(() => store.replace(note('a', 'mine'), read._etag)),
        NotFoundError,
      );
      assert.deepEqual(await held(), []);
    });
  });
}
