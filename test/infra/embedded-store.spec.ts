import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EMBEDDED_STORE_FILE_NAME, EmbeddedStore, compileQuery } from '../../src/infra/embedded-store';
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

  /**
   * The schema as SQLite describes it, to compare a migrated file with a new one. SQLite keeps
   * each statement's text as written, so runs of whitespace are made one space.
   */
  function schemaOf(file: string): { version: unknown; objects: unknown[] } {
    const db = new Database(file, { readonly: true });
    try {
      const objects = db
        .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
        .all() as Array<{ sql: string | null }>;
      return {
        version: db.pragma('user_version', { simple: true }),
        objects: objects.map((object) => ({ ...object, sql: object.sql?.replace(/\s+/g, ' ') ?? null })),
      };
    } finally {
      db.close();
    }
  }

  it('migrates a file of schema version 1 to the schema of a new file, keeping its documents', async () => {
    // Version 1 exactly as it shipped, with one document written by that build.
    const oldDir = join(parentDir, 'old');
    mkdirSync(oldDir);
    const old = new Database(join(oldDir, EMBEDDED_STORE_FILE_NAME));
    old.exec(`
      CREATE TABLE documents (
        committee_id TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        etag TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        PRIMARY KEY (committee_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX documents_by_type ON documents (committee_id, type);
    `);
    const job = { id: 'j1', committeeId: 'k', type: 'job', dueAt: '2025-03-01T08:00:00.000Z' };
    old.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?)').run('k', 'j1', 'job', 'etag-v1', JSON.stringify(job));
    old.pragma('user_version = 1');
    old.close();

    const migrated = await EmbeddedStore.open({ dataDir: oldDir });
    try {
      assert.deepEqual(await migrated.get('k', 'j1'), { ...job, _etag: 'etag-v1' });
      assert.deepEqual(await migrated.queryAcrossCommittees({ type: 'job' }), [{ ...job, _etag: 'etag-v1' }]);
    } finally {
      await migrated.close();
    }
    const fresh = await EmbeddedStore.open({ dataDir: join(parentDir, 'fresh') });
    await fresh.close();

    const migratedSchema = schemaOf(join(oldDir, EMBEDDED_STORE_FILE_NAME));
    assert.deepEqual(migratedSchema, schemaOf(join(parentDir, 'fresh', EMBEDDED_STORE_FILE_NAME)));
    assert.ok((migratedSchema.version as number) > 1);
  });

  // The scheduler and the sender poll by type across committees; use cases query by type inside
  // one. Either way SQLite must search an index by type, not read every document of the file
  // (or of the committee).
  it('searches the type index for queries with and without a committee', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const query = {
      type: 'job',
      where: [
        { field: 'status', op: '=', value: 'pending' },
        { field: 'dueAt', op: '<=', value: '2025-03-01T09:00:00.000Z' },
      ],
      orderBy: { field: 'dueAt' },
      limit: 10,
    } as const;
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      for (const committeeId of [undefined, 'k']) {
        const compiled = compileQuery(committeeId, query);
        assert.ok(compiled);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as Array<{
          detail: string;
        }>).map((step) => step.detail);
        const expected = committeeId === undefined ? '(type=?)' : '(type=? AND committee_id=?)';
        assert.ok(
          plan.includes(`SEARCH documents USING INDEX documents_by_type ${expected}`),
          `${committeeId ?? 'across committees'}: ${plan.join('; ')}`,
        );
      }
    } finally {
      db.close();
    }
  });

  it('is unusable after close, and closing twice is harmless', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    await store.close();
    await assert.rejects(store.ping());
  });
});
