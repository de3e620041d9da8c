import path from 'node:path';
import Database from 'better-sqlite3';
import { EMBEDDED_STORE_FILE_NAME } from '../../src/infra/embedded-store';

/** Every stored document at one moment, as the embedded store's file holds them. */
export interface StoreSnapshot {
  readonly rows: readonly DocumentRow[];
}

interface DocumentRow {
  readonly committee_id: string;
  readonly id: string;
  readonly type: string;
  readonly etag: string;
  readonly body: string;
}

/**
 * Takes and puts back the embedded store's documents through a second connection to its file,
 * so that a fuzz case can start from the moment a card was drawn: the card's data is then as
 * valid as when a person clicked it, however many cases ran before. The store itself is left
 * alone; it reads what is committed, so between turns the two connections never overlap.
 */
export class StoreSnapshots {
  private readonly db: Database.Database;
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly restoreAll: Database.Transaction<(rows: readonly DocumentRow[]) => void>;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, EMBEDDED_STORE_FILE_NAME));
    this.select = this.db.prepare('SELECT committee_id, id, type, etag, body FROM documents ORDER BY committee_id, id');
    this.insert = this.db.prepare(
      'INSERT INTO documents (committee_id, id, type, etag, body) VALUES (@committee_id, @id, @type, @etag, @body)',
    );
    this.restoreAll = this.db.transaction((rows: readonly DocumentRow[]) => {
      this.db.prepare('DELETE FROM documents').run();
      for (const row of rows) this.insert.run(row);
    });
  }

  take(): StoreSnapshot {
    return { rows: this.select.all() as DocumentRow[] };
  }

  restore(snapshot: StoreSnapshot): void {
    this.restoreAll.immediate(snapshot.rows);
  }

  close(): void {
    this.db.close();
  }
}
