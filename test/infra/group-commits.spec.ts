import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommits } from '../../src/infra/group-commits';

/** Writes asked for together share one commit, each still all or nothing on its own. */
describe('infra: group commits of the embedded store', () => {
  let folder: string;
  let db: Database.Database;
  let reader: Database.Database;
  let commits: GroupCommits;
  const insert = (name: string) => () => db.prepare('INSERT INTO answers (name) VALUES (?)').run(name).changes;
  const names = (connection: Database.Database) =>
    (connection.prepare('SELECT name FROM answers ORDER BY name').all() as Array<{ name: string }>).map(
      (row) => row.name,
    );

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'gremium-group-commits-'));
    // No busy wait: a locked file fails the commit at once, which one test needs.
    db = new Database(join(folder, 'file.sqlite'), { timeout: 0 });
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE answers (name TEXT PRIMARY KEY)');
    reader = new Database(join(folder, 'file.sqlite'), { timeout: 0 });
    commits = new GroupCommits(db);
  });
  afterEach(() => {
    reader.close();
    if (db.open) db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('commits the writes asked for together at once, in the order asked, none before the group is committed', async () => {
    const seenByOthersDuringTheGroup: string[][] = [];
    const first = commits.write(insert('a'));
    const second = commits.write(() => {
      // Another connection sees only committed data: had "a" been committed alone, it would be here.
      seenByOthersDuringTheGroup.push(names(reader));
      return names(db);
    });
    const third = commits.write(insert('c'));
    assert.deepEqual(names(reader), [], 'nothing is written while the caller still runs');
    assert.deepEqual(await Promise.all([first, second, third]), [1, ['a'], 1]);
    assert.deepEqual(seenByOthersDuringTheGroup, [[]], 'one commit for the group, not one per write');
    assert.deepEqual(names(reader), ['a', 'c']);
  });

  it('rolls back and rejects a failing write alone, and commits the rest of its group', async () => {
    const outcomes = await Promise.allSettled([
      commits.write(insert('a')),
      commits.write(() => {
        insert('b')();
        throw new Error('ETag moved on');
      }),
      commits.write(insert('a')),
      commits.write(insert('c')),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'saved' : String(outcome.reason))),
      ['saved', 'Error: ETag moved on', 'SqliteError: UNIQUE constraint failed: answers.name', 'saved'],
    );
    assert.deepEqual(names(reader), ['a', 'c'], 'the half-done write left nothing behind');
  });

  it('rejects every write of a group whose commit fails, and has written none of them', async () => {
    reader.prepare('BEGIN IMMEDIATE').run();
    const outcomes = await Promise.allSettled([commits.write(insert('a')), commits.write(insert('b'))]);
    reader.prepare('ROLLBACK').run();
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected'],
    );
    assert.match(String((outcomes[0] as PromiseRejectedResult).reason), /locked|busy/i);
    assert.deepEqual(names(reader), []);
  });

  it('commits the writes still waiting when asked to at once, as closing the store does', async () => {
    const waiting = commits.write(insert('a'));
    commits.commitNow();
    db.close();
    assert.equal(await waiting, 1);
    assert.deepEqual(names(reader), ['a']);
  });
});
