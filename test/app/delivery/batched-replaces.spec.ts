import assert from 'node:assert/strict';
import { BatchedReplaces } from '../../../src/app/delivery/batched-replaces';
import type { Document, Stored } from '../../../src/app/ports/document-store';
import { ConcurrencyError } from '../../../src/app/ports/store-errors';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { recordingStore } from '../../support/recording-store';

interface Note extends Document {
  readonly type: 'note';
  readonly text: string;
}

const note = (committeeId: string, id: string, text: string): Note => ({ id, committeeId, type: 'note', text });

for (const engine of ENGINES) {
  describe(`app/delivery/batched-replaces on the ${engine.name}`, function () {
    this.timeout(30_000);
    let opened: OpenedEngine;
    beforeEach(async () => (opened = await engine.open()));
    afterEach(async () => opened.close());

    const stored = (committeeId: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, index) => opened.store.create(note(committeeId, `n${index}`, 'old'))),
      );

    it('writes the replaces asked for in one turn as one batch per committee, each with its new ETag', async () => {
      const first = await stored('c1', 5);
      const second = await stored('c2', 2);
      const { store, calls } = recordingStore(opened.store);
      const replaces = new BatchedReplaces(store);
      const written = await Promise.all(
        [...first, ...second].map(({ _etag: etag, ...rest }) => replaces.replace({ ...rest, text: 'new' }, etag)),
      );
      assert.deepEqual(
        calls.map((call) => [call.operation, call.partition]),
        [
          ['batch', 'c1'],
          ['batch', 'c2'],
        ],
      );
      for (const [index, each] of written.entries()) {
        assert.equal(each.text, 'new');
        assert.notEqual(each._etag, [...first, ...second][index]!._etag);
        const read = await opened.store.get<Note>(each.committeeId, each.id);
        assert.equal(read?._etag, each._etag, 'the ETag the caller got is the stored one');
      }
    });

    it('gives a document that moved on its ConcurrencyError alone and writes the others', async () => {
      const notes = await stored('c1', 4);
      // The first of the batch, as cosmosdb-server (unlike Cosmos DB) keeps operations before a failing one.
      const { _etag: etag, ...rest } = notes[0]!;
      await opened.store.replace({ ...rest, text: 'by someone else' }, etag);
      const replaces = new BatchedReplaces(opened.store);
      const outcomes = await Promise.allSettled(
        notes.map(({ _etag: old, ...each }) => replaces.replace<Note>({ ...each, text: 'mine' }, old)),
      );
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
      );
      assert.ok((outcomes[0] as PromiseRejectedResult).reason instanceof ConcurrencyError);
      const texts = await Promise.all(notes.map((each) => opened.store.get<Note>('c1', each.id)));
      assert.deepEqual(
        texts.map((each) => (each as Stored<Note>).text),
        ['by someone else', 'mine', 'mine', 'mine'],
      );
    });

    it('writes a replace asked for in a later turn in a write of its own', async () => {
      const [one, two] = await stored('c1', 2);
      const { store, calls } = recordingStore(opened.store);
      const replaces = new BatchedReplaces(store);
      await replaces.replace({ ...withoutEtag(one!), text: 'a' }, one!._etag);
      await replaces.replace({ ...withoutEtag(two!), text: 'b' }, two!._etag);
      assert.deepEqual(
        calls.map((call) => call.operation),
        ['replace', 'replace'],
      );
    });
  });
}

function withoutEtag<T extends Document>({ _etag: _, ...rest }: Stored<T>): T {
  return rest as unknown as T;
}
