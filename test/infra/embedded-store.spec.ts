import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EMBEDDED_STORE_FILE_NAME, EmbeddedStore } from '../../src/infra/embedded-store';
import { describeDocumentStoreContract } from './document-store.contract';

async function freshDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gremium-embedded-store-'));
}

describeDocumentStoreContract('EmbeddedStore', {
  open: async () => {
    const dataDir = await freshDataDir();
    const store = await EmbeddedStore.open({ dataDir });
    return {
      store,
      dataDir,
      cleanup: async () => {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  // A restart: a new store on the same file. The durability test closes it before cleanup runs.
  reopen: ({ dataDir }) => EmbeddedStore.open({ dataDir }),
});

describe('EmbeddedStore.open', () => {
  let parentDir: string;

  beforeEach(async () => {
    parentDir = await freshDataDir();
  });

  afterEach(async () => {
    await rm(parentDir, { recursive: true, force: true });
  });

  it('creates the data directory and gremium.sqlite in WAL mode', async () => {
    const dataDir = join(parentDir, 'not', 'yet', 'there');
    const store = await EmbeddedStore.open({ dataDir });
    await store.close();

    const file = join(dataDir, EMBEDDED_STORE_FILE_NAME);
    assert.ok(existsSync(file));
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });

  it('shares one file between two open stores, as a seed script beside the bot would', async () => {
    const bot = await EmbeddedStore.open({ dataDir: parentDir });
    const script = await EmbeddedStore.open({ dataDir: parentDir });
    try {
      const created = await script.create({ id: 'c1', committeeId: 'k', type: 'committee' });
      assert.equal((await bot.get('k', 'c1'))?._etag, created._etag);
      await bot.replace({ id: 'c1', committeeId: 'k', type: 'committee' }, created._etag);
      await assert.rejects(script.replace({ id: 'c1', committeeId: 'k', type: 'committee' }, created._etag), {
        name: 'ConcurrencyError',
      });
    } finally {
      await bot.close();
      await script.close();
    }
  });

  it('refuses a file written by a newer schema instead of misreading it', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME));
    db.pragma('user_version = 999');
    db.close();
    await assert.rejects(EmbeddedStore.open({ dataDir: parentDir }), /schema version 999/);
  });

  it('is unusable after close, and closing twice is harmless', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    await store.close();
    await assert.rejects(store.ping());
  });
});
