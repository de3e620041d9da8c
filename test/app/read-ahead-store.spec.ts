import assert from 'node:assert/strict';
import { MAX_GET_MANY_KEYS, type Document, type DocumentStore } from '../../src/app/ports/document-store';
import { ConcurrencyError } from '../../src/app/ports/store-errors';
import {
  chooseLanguage,
  languagePreferenceOf,
  type LanguagePreferenceDocument,
} from '../../src/app/preferences/language-preference';
import { readAheadStore } from '../../src/app/read-ahead-store';
import { fixedClock } from '../../src/domain/clock';
import { languagePreferenceDocumentId, tenantDirectoryId } from '../../src/domain/ids';
import { recordingStore } from '../support/recording-store';
import { openTempStore, type TempStore } from '../support/temp-store';

const COMMITTEE = 'committee-a';
const OTHER = 'committee-b';

interface Note extends Document {
  readonly type: 'note';
  readonly text: string;
}

function note(id: string, text: string, committeeId = COMMITTEE): Note {
  return { id, committeeId, type: 'note', text };
}

describe('app/read-ahead-store', () => {
  let temp: TempStore;
  /** The real store, as another writer (another turn, another instance) sees it. */
  let shared: DocumentStore;

  beforeEach(async () => {
    temp = await openTempStore();
    shared = temp.store;
  });

  afterEach(async () => {
    await temp.cleanup();
  });

  /** A turn's store over the real one, with every request that reaches the real one recorded. */
  const turnStore = () => {
    const recorded = recordingStore(shared);
    return { ...readAheadStore(recorded.store), calls: recorded.calls };
  };

  it('fetches the keys in one request and answers the first read of each from it', async () => {
    await shared.create(note('n1', 'eins'));
    await shared.create(note('n2', 'zwei', OTHER));
    const turn = turnStore();
    await turn.prefetch([
      { committeeId: COMMITTEE, id: 'n1' },
      { committeeId: OTHER, id: 'n2' },
    ]);
    assert.deepEqual(
      turn.calls.map((call) => call.operation),
      ['getMany'],
    );

    const [n1, n2] = await Promise.all([turn.store.get<Note>(COMMITTEE, 'n1'), turn.store.get<Note>(OTHER, 'n2')]);
    assert.deepEqual(n1, await shared.get(COMMITTEE, 'n1'));
    assert.equal(n2?.text, 'zwei');
    assert.equal(turn.calls.length, 1, 'no request for what was fetched');
  });

  it('answers a fetched document once: the next read goes to the store and sees another writer', async () => {
    const first = await shared.create(note('n1', 'eins'));
    const turn = turnStore();
    await turn.prefetch([{ committeeId: COMMITTEE, id: 'n1' }]);
    await shared.replace(note('n1', 'geändert'), first._etag);

    assert.equal((await turn.store.get<Note>(COMMITTEE, 'n1'))?.text, 'eins', 'as at the start of the turn');
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'n1'))?.text, 'geändert');
    assert.deepEqual(
      turn.calls.map((call) => call.operation),
      ['getMany', 'get'],
    );
  });

  it('answers a document fetched as absent as absent once, then asks the store', async () => {
    const turn = turnStore();
    await turn.prefetch([{ committeeId: COMMITTEE, id: 'later' }]);
    await shared.create(note('later', 'neu'));

    assert.equal(await turn.store.get(COMMITTEE, 'later'), undefined);
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'later'))?.text, 'neu');
  });

  for (const [title, write] of [
    ['replace', (store: DocumentStore, etag: string) => store.replace(note('n1', 'selbst'), etag)],
    ['upsert', (store: DocumentStore) => store.upsert(note('n1', 'selbst'))],
    [
      'batch',
      (store: DocumentStore, etag: string) =>
        store.batch(COMMITTEE, [{ op: 'replace', document: note('n1', 'selbst'), ifMatch: etag }]),
    ],
  ] as const) {
    it(`drops the fetched copy of a document the turn writes (${title})`, async () => {
      const first = await shared.create(note('n1', 'eins'));
      const turn = turnStore();
      await turn.prefetch([{ committeeId: COMMITTEE, id: 'n1' }]);
      await write(turn.store, first._etag);
      const read = await turn.store.get<Note>(COMMITTEE, 'n1');
      assert.equal(read?.text, 'selbst');
      assert.notEqual(read?._etag, first._etag);
    });
  }

  it('drops the fetched copy of a document the turn deletes, and of one it creates', async () => {
    await shared.create(note('n1', 'eins'));
    const turn = turnStore();
    await turn.prefetch([
      { committeeId: COMMITTEE, id: 'n1' },
      { committeeId: COMMITTEE, id: 'n2' },
    ]);
    await turn.store.delete(COMMITTEE, 'n1');
    await turn.store.create(note('n2', 'neu'));
    assert.equal(await turn.store.get(COMMITTEE, 'n1'), undefined);
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'n2'))?.text, 'neu');
  });

  it('does not bring back the old version of a document written while the fetch was on its way', async () => {
    const first = await shared.create(note('n1', 'eins'));
    const turn = turnStore();
    const fetching = turn.prefetch([{ committeeId: COMMITTEE, id: 'n1' }]);
    await turn.store.replace(note('n1', 'selbst'), first._etag);
    await fetching;
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'n1'))?.text, 'selbst');
  });

  it('reads only the keys not fetched when getMany mixes both, in key order', async () => {
    await shared.create(note('n1', 'eins'));
    await shared.create(note('n2', 'zwei'));
    const turn = turnStore();
    await turn.prefetch([{ committeeId: COMMITTEE, id: 'n1' }]);
    const read = await turn.store.getMany<Note>([
      { committeeId: COMMITTEE, id: 'n2' },
      { committeeId: COMMITTEE, id: 'n1' },
      { committeeId: COMMITTEE, id: 'none' },
    ]);
    assert.deepEqual(
      read.map((document) => document?.text),
      ['zwei', 'eins', undefined],
    );
    assert.deepEqual(turn.calls[1], {
      operation: 'getMany',
      partition: [
        { committeeId: COMMITTEE, id: 'n2' },
        { committeeId: COMMITTEE, id: 'none' },
      ],
    });

    const whollyFetched = turnStore();
    await whollyFetched.prefetch([{ committeeId: COMMITTEE, id: 'n1' }]);
    assert.equal((await whollyFetched.store.getMany<Note>([{ committeeId: COMMITTEE, id: 'n1' }]))[0]?.text, 'eins');
    assert.equal(whollyFetched.calls.length, 1, 'all answered from the fetch');
  });

  it("reads a committee's documents to read along in the turn's first read of its partition, and answers them once", async () => {
    await shared.create(note('n1', 'eins'));
    await shared.create(note('along', 'mit'));
    await shared.create(note('elsewhere', 'anderswo', OTHER));
    const asked: string[] = [];
    const recorded = recordingStore(shared);
    const turn = readAheadStore(recorded.store, {
      readAlong: (committeeId) => {
        asked.push(committeeId);
        return [
          { committeeId, id: 'along' },
          { committeeId, id: 'absent' },
          { committeeId, id: 'n1' },
          { committeeId: OTHER, id: 'elsewhere' },
        ];
      },
    });

    const [n1] = await turn.store.getMany<Note>([{ committeeId: COMMITTEE, id: 'n1' }]);
    assert.equal(n1?.text, 'eins');
    assert.deepEqual(recorded.calls, [
      {
        operation: 'getMany',
        partition: [
          { committeeId: COMMITTEE, id: 'n1' },
          { committeeId: COMMITTEE, id: 'along' },
          { committeeId: COMMITTEE, id: 'absent' },
        ],
      },
    ]);
    await shared.replace(note('along', 'geändert'), (await shared.get(COMMITTEE, 'along'))!._etag);
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'along'))?.text, 'mit', 'as read with the committee');
    assert.equal(await turn.store.get(COMMITTEE, 'absent'), undefined);
    assert.equal(recorded.calls.length, 1, 'no request for what was read along');
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'along'))?.text, 'geändert', 'the next read asks the store');

    await turn.store.getMany([{ committeeId: COMMITTEE, id: 'n1' }]);
    assert.deepEqual(recorded.calls.at(-1)?.partition, [{ committeeId: COMMITTEE, id: 'n1' }], 'once per committee');
    assert.deepEqual(asked, [COMMITTEE]);
  });

  it('does not read along a document the turn wrote meanwhile, nor over the limit of a read of many', async () => {
    const first = await shared.create(note('along', 'mit'));
    const recorded = recordingStore(shared);
    const turn = readAheadStore(recorded.store, {
      readAlong: (committeeId) => [
        { committeeId, id: 'along' },
        ...Array.from({ length: 120 }, (_, index) => ({ committeeId, id: `n${index}` })),
      ],
    });
    await turn.store.replace(note('along', 'selbst'), first._etag);
    await turn.store.getMany([{ committeeId: COMMITTEE, id: 'x' }]);
    const read = recorded.calls.at(-1)?.partition as Array<{ id: string }>;
    assert.equal(read.length, MAX_GET_MANY_KEYS);
    assert.ok(!read.some((key) => key.id === 'along'));
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'along'))?.text, 'selbst');
  });

  it('leaves every read to the store when the fetch fails', async () => {
    await shared.create(note('n1', 'eins'));
    const turn = readAheadStore(shared);
    await assert.rejects(turn.prefetch([{ committeeId: COMMITTEE, id: 'a?b' }]));
    assert.equal((await turn.store.get<Note>(COMMITTEE, 'n1'))?.text, 'eins');
  });

  it('lets a use case that retries after a ConcurrencyError see what another writer stored meanwhile', async () => {
    const deps = { store: shared, clock: fixedClock('2026-12-06T10:00:00Z') };
    const person = {
      tenantId: '0b0b0b0b-0000-4000-8000-000000000001',
      aadObjectId: 'aaaa0000-0000-4000-8000-00000000000a',
    };
    await chooseLanguage(deps, person, 'de');
    const key = {
      committeeId: tenantDirectoryId(person.tenantId),
      id: languagePreferenceDocumentId(person.aadObjectId),
    };
    const turn = turnStore();
    await turn.prefetch([key]);
    // Another window of the same person chose English after the turn fetched, before it wrote.
    const before = await shared.get<LanguagePreferenceDocument>(key.committeeId, key.id);
    const other = await shared.replace({ ...before!, language: 'en' }, before!._etag);

    // The turn, choosing English too, tries to write on the fetched ETag and is refused; its
    // retry reads the store, sees the other window's English and writes nothing more.
    const refused: string[] = [];
    const watching: DocumentStore = {
      ...turn.store,
      replace: async (document, ifMatch) => {
        try {
          return await turn.store.replace(document, ifMatch);
        } catch (error) {
          if (error instanceof ConcurrencyError) refused.push(ifMatch);
          throw error;
        }
      },
    };
    assert.equal(await chooseLanguage({ ...deps, store: watching }, person, 'en'), 'en');
    assert.deepEqual(refused, [before!._etag]);
    assert.deepEqual(
      turn.calls.map((call) => call.operation),
      ['getMany', 'replace', 'get'],
    );
    assert.equal((await shared.get(key.committeeId, key.id))?._etag, other._etag, "the other window's write stands");
    assert.equal(await languagePreferenceOf(shared, person), 'en');
  });
});
