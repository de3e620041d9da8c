import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  EMBEDDED_STORE_FILE_NAME,
  EmbeddedStore,
  compileGetMany,
  compileQuery,
  configureConnection,
} from '../../src/infra/embedded-store';
import { describeDocumentStoreContract } from './document-store.contract';
import { dueAndUnclaimed } from '../../src/app/leases';

/** The steps of SQLite's plan for a compiled query, as EXPLAIN QUERY PLAN words them. */
function planOf(db: Database.Database, compiled: { readonly sql: string; readonly parameters: readonly unknown[] }) {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as Array<{
    detail: string;
  }>;
  return steps.map((step) => step.detail);
}

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

  it('answers queries of more shapes than it keeps prepared, and each again alike', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    try {
      await store.create({ id: 'd', committeeId: 'k', type: 't', f0: 'x', f250: 'x' });
      // Each field name is a query text of its own: 251 texts, more than the store keeps.
      const found = async (field: string) =>
        (await store.query('k', { type: 't', where: [{ field, op: '=', value: 'x' }] })).map((doc) => doc.id);
      const shapes = Array.from({ length: 251 }, (_, index) => `f${index}`);
      const first = await Promise.all(shapes.map(found));
      const again = await Promise.all(shapes.map(found));
      assert.deepEqual(first, again);
      assert.deepEqual([first[0], first[1], first[250]], [['d'], [], ['d']]);
    } finally {
      await store.close();
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

  // A turn reads its first documents by key in one request: SQLite must look each key up in the
  // primary key, not read the table.
  it('looks up every key of a read of many in the primary key', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      const compiled = compileGetMany([
        { committeeId: 'k', id: 'committee' },
        { committeeId: 'tenant-t', id: 'language-p' },
        { committeeId: 'k', id: 'session-2027-1' },
      ]);
      const plan = planOf(db, compiled);
      assert.ok(plan.includes('SEARCH d USING PRIMARY KEY (committee_id=? AND id=?)'), plan.join('; '));
      assert.ok(!plan.some((step) => step.startsWith('SCAN d')), plan.join('; '));
    } finally {
      db.close();
    }
  });

  // The scheduler and the sender poll by type across committees; use cases query by type inside
  // one. Either way SQLite must search an index by type, not read every document of the file
  // (or of the committee).
  it('searches the type index for queries with and without a committee', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const query = {
      type: 'rsvp',
      where: [
        { field: 'sessionId', op: '=', value: 'session-2027-1' },
        { field: 'answeredAt', op: '<=', value: '2025-03-01T09:00:00.000Z' },
      ],
      orderBy: { field: 'answeredAt' },
      limit: 10,
    } as const;
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      for (const committeeId of [undefined, 'k']) {
        const compiled = compileQuery(committeeId, query);
        assert.ok(compiled);
        const plan = planOf(db, compiled);
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

  // A turn reads several types in one query (the status report, the roster): SQLite must search
  // the type index once per type, in the committee or across committees, never read every
  // document of the file or of the committee.
  it('searches the type index for each type of a query of several types', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      for (const committeeId of [undefined, 'k']) {
        for (const query of [
          { type: ['session', 'attendance', 'topicSubmission', 'agreement', 'workingGroup', 'person'] },
          { type: ['seat', 'person'], where: [{ field: 'active', op: '=', value: true }] },
        ] as const) {
          const compiled = compileQuery(committeeId, query);
          assert.ok(compiled);
          assert.match(compiled.sql, /type IN \(\?(, \?)+\)/);
          const plan = planOf(db, compiled);
          const expected = committeeId === undefined ? '(type=?)' : '(type=? AND committee_id=?)';
          assert.ok(
            plan.includes(`SEARCH documents USING INDEX documents_by_type ${expected}`),
            `${committeeId ?? 'across committees'}: ${plan.join('; ')}`,
          );
          assert.ok(!plan.some((step) => step.startsWith('SCAN')), plan.join('; '));
        }
      }
    } finally {
      db.close();
    }
  });

  // The scheduler and the outbox sender poll across every committee for due work: SQLite must
  // seek the pending ones in due order in their expression index, not read every job or message
  // of the file by type and sort them.
  it("seeks the pollers' due work in its expression index, in due order", async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
    try {
      const plans = (
        [
          ['job', 'scheduled', 'dueAt', 'documents_by_status_due'],
          ['outbox', 'pending', 'nextAttemptAt', 'documents_by_status_next_attempt'],
        ] as const
      ).map(([type, status, dueField, index]) => {
        const compiled = compileQuery(
          undefined,
          dueAndUnclaimed(type, status, dueField, '2025-03-01T09:00:00.000Z', 100),
        );
        assert.ok(compiled);
        const plan = planOf(db, compiled);
        return [index, plan] as const;
      });
      for (const [index, plan] of plans) {
        assert.ok(
          plan.some((step) => step.startsWith(`SEARCH documents USING INDEX ${index} (type=? AND <expr>=? AND <expr>`)),
          `${index}: ${plan.join('; ')}`,
        );
        // The index gives the order: no sorting step.
        assert.ok(!plan.some((step) => step.includes('TEMP B-TREE')), `${index}: ${plan.join('; ')}`);
      }
    } finally {
      db.close();
    }
  });

  it('configures each connection with secure_delete, a log cut back on restart, WAL and full sync', () => {
    const db = new Database(join(parentDir, EMBEDDED_STORE_FILE_NAME));
    try {
      configureConnection(db);
      assert.equal(db.pragma('secure_delete', { simple: true }), 1);
      assert.equal(db.pragma('journal_size_limit', { simple: true }), 0);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('synchronous', { simple: true }), 2);
    } finally {
      db.close();
    }
  });

  /**
   * Every byte of the file and of its write-ahead log, as latin1 so that ASCII text can be found
   * in it. The log is checkpointed into the file first (by a second connection, the store stays
   * open), as SQLite does on its own every 1,000 pages and when the last connection closes.
   */
  function fileBytesAfterCheckpoint(dataDir: string): string {
    const file = join(dataDir, EMBEDDED_STORE_FILE_NAME);
    const db = new Database(file);
    try {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      assert.equal(result?.busy, 0, 'the checkpoint could not finish');
    } finally {
      db.close();
    }
    const wal = `${file}-wal`;
    return readFileSync(file).toString('latin1') + (existsSync(wal) ? readFileSync(wal).toString('latin1') : '');
  }

  // Erasure and retention delete or rewrite documents; without secure_delete SQLite only marks
  // the space free, and the old text stays readable in the file until the page is reused.
  it('leaves no trace of a deleted or rewritten document in the file', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    try {
      const kept = { id: 'p0', committeeId: 'k', type: 'person', displayName: 'Kept Kollegin' };
      await store.create(kept);
      await store.create({ id: 'p1', committeeId: 'k', type: 'person', displayName: 'Erika Deletedperson' });
      const rewritten = await store.create({
        id: 'p2',
        committeeId: 'k',
        type: 'person',
        displayName: 'Max Rewrittenperson',
      });
      const before = fileBytesAfterCheckpoint(parentDir);
      assert.ok(before.includes('Deletedperson') && before.includes('Rewrittenperson'));

      await store.delete('k', 'p1');
      const afterDelete = fileBytesAfterCheckpoint(parentDir);
      assert.ok(!afterDelete.includes('Deletedperson'), 'the deleted document is still in the file');
      assert.ok(afterDelete.includes('Rewrittenperson'));

      await store.replace({ id: 'p2', committeeId: 'k', type: 'person', displayName: 'Person 2' }, rewritten._etag);
      const afterReplace = fileBytesAfterCheckpoint(parentDir);
      assert.ok(!afterReplace.includes('Rewrittenperson'), 'the earlier version is still in the file');
      assert.ok(afterReplace.includes('Kept Kollegin'));
    } finally {
      await store.close();
    }
  });

  // A checkpoint copies the log into the file but leaves the log's frames in place, to be
  // overwritten one by one; a log that once grew large would keep old page images (with text
  // erased since) in its tail for as long as later cycles stay shorter.
  it('cuts the write-ahead log back when it starts over, so its tail keeps no erased text', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    try {
      await store.create({ id: 'p1', committeeId: 'k', type: 'person', displayName: 'Erika Deletedperson' });
      for (let i = 0; i < 40; i += 1) {
        await store.create({ id: `n${i}`, committeeId: 'k', type: 'note', text: 'x'.repeat(3_000) });
      }
      await store.delete('k', 'p1');
      const file = join(parentDir, EMBEDDED_STORE_FILE_NAME);
      const other = new Database(file);
      try {
        type CheckpointResult = { busy: number; log: number; checkpointed: number };
        const [result] = other.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
        assert.ok(result && result.busy === 0 && result.log === result.checkpointed, 'the checkpoint could not finish');
      } finally {
        other.close();
      }
      await store.create({ id: 'later', committeeId: 'k', type: 'note', text: 'y' });

      const log = readFileSync(`${file}-wal`).toString('latin1');
      assert.ok(!log.includes('Deletedperson'), `the log (${log.length} bytes) still holds the erased text`);
      assert.ok(!readFileSync(file).toString('latin1').includes('Deletedperson'));
    } finally {
      await store.close();
    }
  });

  it('is unusable after close, and closing twice is harmless', async () => {
    const store = await EmbeddedStore.open({ dataDir: parentDir });
    await store.close();
    await store.close();
    await assert.rejects(store.ping());
  });
});
