import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommits } from './group-commits';
import type {
  BatchOperation,
  Document,
  DocumentKey,
  DocumentStore,
  Query,
  QueryCondition,
  Stored,
} from '../app/ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../app/ports/store-errors';
import {
  assertBatch,
  assertCommitteeId,
  assertDocument,
  assertDocumentKey,
  assertKeys,
  checkedCondition,
  checkedLimit,
  checkedQueryTypes,
  fieldPathSegments,
  sortDirectionOf,
  withoutSystemFields,
} from './document-rules';

/** The file name inside `dataDir`; fixed so that backups and volume mounts know what to copy. */
export const EMBEDDED_STORE_FILE_NAME = 'gremium.sqlite';

/**
 * The schema changes, in order; a file's `PRAGMA user_version` counts how many it has had, so an
 * older file is brought up to date step by step instead of failing on a missing column or index,
 * and a new file goes through the very same steps. Append only: a step that has shipped is never
 * edited, since files out there already ran it.
 */
const MIGRATIONS: readonly string[] = [
  // 1: one table for every document. The body keeps id, committeeId and type too, so a query on
  //    any field reads one place.
  `CREATE TABLE documents (
     committee_id TEXT NOT NULL,
     id TEXT NOT NULL,
     type TEXT NOT NULL,
     etag TEXT NOT NULL,
     body TEXT NOT NULL CHECK (json_valid(body)),
     PRIMARY KEY (committee_id, id)
   ) WITHOUT ROWID;
   CREATE INDEX documents_by_type ON documents (committee_id, type);`,
  // 2: queryAcrossCommittees selects by type alone, and an index led by committee_id cannot
  //    serve that (SQLite scanned the whole table). Nor did SQLite ever use that index for a
  //    partition query: it preferred the primary key, reading every type of the committee. In a
  //    WITHOUT ROWID table an index ends with the primary key, so (type) is in effect
  //    (type, committee_id, id), and SQLite searches it for both kinds of query (type = ?, and
  //    type = ? AND committee_id = ?). Declaring (type, committee_id) instead made it fall back
  //    to the primary key for the partition query. The embedded store's spec pins both plans.
  `DROP INDEX documents_by_type;
   CREATE INDEX documents_by_type ON documents (type);`,
  // 3: the two pollers look across every committee for due work every few seconds: the
  //    scheduler for jobs (status, dueAt), the outbox sender for messages (status,
  //    nextAttemptAt), oldest first. By type alone SQLite read every job or message of every
  //    committee, done ones included, and sorted them; these expression indexes let it seek the
  //    pending ones in due order. They match only because compileQuery writes a field's JSON path
  //    into the SQL as text (see there). The embedded store's spec pins both plans.
  //    Partial, so they hold only documents with a due time and serve only queries comparing it:
  //    a query by type alone keeps to documents_by_type.
  `CREATE INDEX documents_by_status_due ON documents
     (type, json_extract(body, '$.status'), json_extract(body, '$.dueAt'))
     WHERE json_extract(body, '$.dueAt') IS NOT NULL;
   CREATE INDEX documents_by_status_next_attempt ON documents
     (type, json_extract(body, '$.status'), json_extract(body, '$.nextAttemptAt'))
     WHERE json_extract(body, '$.nextAttemptAt') IS NOT NULL;`,
];

/** The schema this build writes and understands; a file with a higher one is refused. */
const SCHEMA_VERSION = MIGRATIONS.length;

export interface EmbeddedStoreOptions {
  /** Directory holding the SQLite file; created when missing. */
  readonly dataDir: string;
}

interface DocumentRow {
  readonly etag: string;
  readonly body: string;
}

/** The most query texts whose prepared statements the store keeps (see `prepared`). */
const PREPARED_AT_MOST = 200;

/**
 * The document store for a single machine (development, a small on-premises install): one SQLite
 * file, no server to run. It mirrors the Cosmos adapter's semantics exactly, proven by the shared
 * contract suite, so that what works here works in production.
 *
 * better-sqlite3 is synchronous, so within one process every operation runs to completion before
 * the next starts; that alone makes ETag checks race-free here. Writes that check and then write
 * still run in IMMEDIATE transactions so that a second process on the same file (a seed script)
 * cannot slip in between. Writes asked for together share one commit (see `GroupCommits`).
 */
export class EmbeddedStore implements DocumentStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly commits: GroupCommits;
  private readonly statementsBySql = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.commits = new GroupCommits(db);
  }

  /** Opens (or creates) `<dataDir>/gremium.sqlite`, configured by `configureConnection`. */
  static async open(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    mkdirSync(options.dataDir, { recursive: true });
    const db = new Database(join(options.dataDir, EMBEDDED_STORE_FILE_NAME));
    try {
      configureConnection(db);
      migrate(db);
      return new EmbeddedStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async get<T extends Document>(committeeId: string, id: string): Promise<Stored<T> | undefined> {
    assertDocumentKey(committeeId, id);
    const row = this.statements.selectOne.get(committeeId, id) as DocumentRow | undefined;
    return row ? toStored<T>(row) : undefined;
  }

  /** One SELECT joining the keys (a VALUES list), so the file is read once for all of them. */
  async getMany<T extends Document = Document>(keys: readonly DocumentKey[]): Promise<Array<Stored<T> | undefined>> {
    assertKeys(keys);
    if (keys.length === 0) return [];
    const compiled = compileGetMany(keys);
    const rows = this.prepared(compiled.sql).all(...compiled.parameters) as Array<DocumentRow & DocumentKey>;
    const found = new Map(rows.map((row) => [keyText(row), row]));
    return keys.map((key) => {
      const row = found.get(keyText(key));
      return row ? toStored<T>(row) : undefined;
    });
  }

  async query<T extends Document>(committeeId: string, query: Query): Promise<Array<Stored<T>>> {
    assertCommitteeId(committeeId);
    return this.run<T>(compileQuery(committeeId, query));
  }

  /** The partition query without its committee condition; one file, so no fan-out cost here. */
  async queryAcrossCommittees<T extends Document>(query: Query): Promise<Array<Stored<T>>> {
    return this.run<T>(compileQuery(undefined, query));
  }

  async create<T extends Document>(document: T): Promise<Stored<T>> {
    const data = toStorableData(document);
    return this.commits.write(() => this.createNow(data)) as Promise<Stored<T>>;
  }

  async replace<T extends Document>(document: T, ifMatch: string): Promise<Stored<T>> {
    const data = toStorableData(document);
    return this.commits.write(() => this.replaceNow(data, ifMatch)) as Promise<Stored<T>>;
  }

  async upsert<T extends Document>(document: T): Promise<Stored<T>> {
    const data = toStorableData(document);
    return this.commits.write(() => this.upsertNow(data)) as Promise<Stored<T>>;
  }

  async delete(committeeId: string, id: string, ifMatch?: string): Promise<void> {
    assertDocumentKey(committeeId, id);
    await this.commits.write(() => this.deleteNow(committeeId, id, ifMatch));
  }

  async batch(
    committeeId: string,
    operations: readonly BatchOperation[],
  ): Promise<Array<Stored<Document> | undefined>> {
    const prepared = prepareBatch(committeeId, operations);
    // A throw inside the write rolls back everything it wrote before (see `GroupCommits`).
    return this.commits.write(() =>
      prepared.map((operation) => {
        switch (operation.op) {
          case 'create':
            return this.createNow(operation.data);
          case 'upsert':
            return this.upsertNow(operation.data);
          case 'replace':
            return this.replaceNow(operation.data, operation.ifMatch);
          case 'delete':
            this.deleteNow(committeeId, operation.id, operation.ifMatch);
            return undefined;
        }
      }),
    );
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  /** Commits the writes still waiting, then closes the file: a write asked for is not dropped. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commits.commitNow();
    this.db.close();
  }

  private createNow(data: StorableData): Stored<Document> {
    const etag = newEtag();
    const result = this.statements.insert.run(data.committeeId, data.id, data.type, etag, data.json);
    if (result.changes === 0) throw new ConflictError(`Document "${data.id}" already exists.`);
    return toStored({ etag, body: data.json });
  }

  private replaceNow(data: StorableData, ifMatch: string): Stored<Document> {
    const etag = newEtag();
    const result = this.statements.update.run(data.type, etag, data.json, data.committeeId, data.id, ifMatch);
    if (result.changes === 0) this.throwWhyNotWritten(data.committeeId, data.id);
    return toStored({ etag, body: data.json });
  }

  private upsertNow(data: StorableData): Stored<Document> {
    const etag = newEtag();
    this.statements.upsert.run(data.committeeId, data.id, data.type, etag, data.json);
    return toStored({ etag, body: data.json });
  }

  private deleteNow(committeeId: string, id: string, ifMatch: string | undefined): void {
    const result = this.statements.delete.run({ committeeId, id, ifMatch: ifMatch ?? null });
    if (result.changes === 0) this.throwWhyNotWritten(committeeId, id);
  }

  private run<T extends Document>(compiled: CompiledQuery | undefined): Array<Stored<T>> {
    if (!compiled) return [];
    const rows = this.prepared(compiled.sql).all(...compiled.parameters) as DocumentRow[];
    return rows.map((row) => toStored<T>(row));
  }

  /**
   * The statement for a query's SQL, prepared once: the text depends only on the query's shape
   * (values are bound), so a running bot asks for a few dozen texts again and again, and preparing
   * one costs SQLite a parse and a plan each time. Beyond `PREPARED_AT_MOST` texts the kept ones
   * are dropped and prepared anew as asked.
   */
  private prepared(sql: string): Database.Statement {
    let statement = this.statementsBySql.get(sql);
    if (!statement) {
      if (this.statementsBySql.size >= PREPARED_AT_MOST) this.statementsBySql.clear();
      statement = this.db.prepare(sql);
      this.statementsBySql.set(sql, statement);
    }
    return statement;
  }

  /** A conditional write touched no row: either the document is gone or its ETag moved on. */
  private throwWhyNotWritten(committeeId: string, id: string): never {
    if (this.statements.selectOne.get(committeeId, id)) {
      throw new ConcurrencyError(`Document "${id}" was changed by someone else.`);
    }
    throw new NotFoundError(`Document "${id}" does not exist.`);
  }
}

/**
 * The settings every connection to the store file gets; SQLite keeps them per connection, not in
 * the file. WAL lets readers (health probe, queries) run while a write commits;
 * `synchronous = FULL` makes every committed write survive a power cut, which matters more for
 * RSVPs and minutes than the few milliseconds it costs. `secure_delete = ON` overwrites the
 * space a deleted or rewritten document occupied with zeros, so that what erasure and retention
 * remove or pseudonymise is gone from the file, not merely marked free until the page is reused.
 * The write-ahead log still holds the pages as they were until a checkpoint (every 1,000 pages and
 * at close) copies it into the file; after that, `journal_size_limit = 0` cuts the log back to the
 * pages written since, instead of keeping a tail of old pages that later, shorter cycles never
 * overwrite.
 */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('journal_size_limit = 0');
}

function prepareStatements(db: Database.Database) {
  return {
    selectOne: db.prepare('SELECT etag, body FROM documents WHERE committee_id = ? AND id = ?'),
    insert: db.prepare(
      `INSERT INTO documents (committee_id, id, type, etag, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (committee_id, id) DO NOTHING`,
    ),
    update: db.prepare(
      'UPDATE documents SET type = ?, etag = ?, body = ? WHERE committee_id = ? AND id = ? AND etag = ?',
    ),
    upsert: db.prepare(
      `INSERT INTO documents (committee_id, id, type, etag, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (committee_id, id) DO UPDATE SET type = excluded.type, etag = excluded.etag, body = excluded.body`,
    ),
    delete: db.prepare(
      'DELETE FROM documents WHERE committee_id = @committeeId AND id = @id AND (@ifMatch IS NULL OR etag = @ifMatch)',
    ),
    ping: db.prepare('SELECT 1'),
  };
}

/**
 * Brings the file to SCHEMA_VERSION. The version is read again inside an IMMEDIATE transaction,
 * so that two processes opening an old file at once (the bot and a seed script) cannot both run
 * the same step: the second waits, then finds the file already migrated.
 */
function migrate(db: Database.Database): void {
  const versionOf = () => db.pragma('user_version', { simple: true }) as number;
  const refuseNewer = (version: number) => {
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `The store file has schema version ${version}, newer than this build understands (${SCHEMA_VERSION}).`,
      );
    }
  };
  const found = versionOf();
  refuseNewer(found);
  if (found === SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = versionOf();
    refuseNewer(version);
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** What is written for a document: its key columns and its JSON without system fields. */
interface StorableData {
  readonly committeeId: string;
  readonly id: string;
  readonly type: string;
  readonly json: string;
}

type PreparedBatchOperation =
  | { readonly op: 'create' | 'upsert'; readonly data: StorableData }
  | { readonly op: 'replace'; readonly data: StorableData; readonly ifMatch: string }
  | { readonly op: 'delete'; readonly id: string; readonly ifMatch: string | undefined };

/** Validates the whole batch before anything is written, so a bad request never starts a transaction. */
function prepareBatch(committeeId: string, operations: readonly BatchOperation[]): PreparedBatchOperation[] {
  assertBatch(committeeId, operations);
  return operations.map((operation): PreparedBatchOperation => {
    if (operation.op === 'delete') return { op: 'delete', id: operation.id, ifMatch: operation.ifMatch };
    const data = toStorableData(operation.document);
    return operation.op === 'replace'
      ? { op: 'replace', data, ifMatch: operation.ifMatch }
      : { op: operation.op, data };
  });
}

/** The row to write; system fields stay out of the body (see `withoutSystemFields`). */
function toStorableData(document: Document): StorableData {
  assertDocument(document);
  const data = withoutSystemFields(document);
  return { committeeId: document.committeeId, id: document.id, type: document.type, json: JSON.stringify(data) };
}

function toStored<T extends Document>(row: DocumentRow): Stored<T> {
  return { ...(JSON.parse(row.body) as T), _etag: row.etag };
}

/** A key as one string; ids hold no `/` (see `assertDocumentKey`), so it cannot be ambiguous. */
function keyText(key: DocumentKey): string {
  return `${key.committeeId}/${key.id}`;
}

function newEtag(): string {
  return randomUUID();
}

export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * The SELECT of a `getMany`: the keys as a VALUES list joined with the primary key, so SQLite
 * searches the primary key once per key (the spec pins the plan). Exported for that spec.
 */
export function compileGetMany(keys: readonly DocumentKey[]): CompiledQuery {
  return {
    sql: `SELECT d.committee_id AS committeeId, d.id AS id, d.etag AS etag, d.body AS body
          FROM documents d JOIN (VALUES ${keys.map(() => '(?, ?)').join(', ')}) AS k
            ON d.committee_id = k.column1 AND d.id = k.column2`,
    parameters: keys.flatMap((key) => [key.committeeId, key.id]),
  };
}

/**
 * Turns a port query into SQL over the JSON body, inside the committee's partition or, without a
 * `committeeId`, over all of them. Field paths are validated, and written into the SQL as text
 * where a value is read (so that expression indexes match, see `jsonExtract`); values are always
 * bound; the SQL text depends only on the query's shape and field names. Returns `undefined`
 * when the query can match nothing (`limit: 0`). Exported so that the spec can check which index
 * SQLite picks for the SQL the store really runs.
 */
export function compileQuery(committeeId: string | undefined, query: Query): CompiledQuery | undefined {
  const types = checkedQueryTypes(query);
  // One type keeps the plain equality; several are an IN list, searched in the type index once
  // per type (see `tableOf`).
  const clauses = [types.length === 1 ? 'type = ?' : `type IN (${types.map(() => '?').join(', ')})`];
  const parameters: unknown[] = [...types];
  if (committeeId !== undefined) {
    clauses.push('committee_id = ?');
    parameters.push(committeeId);
  }
  for (const condition of query.where ?? []) {
    const compiled = compileCondition(condition);
    clauses.push(compiled.sql);
    parameters.push(...compiled.parameters);
  }
  let orderBy = '';
  if (query.orderBy) {
    const path = jsonPathOf(fieldPathSegments(query.orderBy.field));
    const direction = sortDirectionOf(query.orderBy.direction);
    // Documents lacking the field are left out, as the Cosmos adapter does (see there).
    clauses.push('json_type(body, ?) IS NOT NULL');
    parameters.push(path);
    orderBy = ` ORDER BY ${jsonExtract(path)} ${direction}`;
  }
  const rowLimit = checkedLimit(query.limit);
  let limit = '';
  if (rowLimit !== undefined) {
    if (rowLimit === 0) return undefined;
    limit = ' LIMIT ?';
    parameters.push(rowLimit);
  }
  return {
    sql: `SELECT etag, body FROM ${tableOf(committeeId, types)} WHERE ${clauses.join(' AND ')}${orderBy}${limit}`,
    parameters,
  };
}

/**
 * The table a query reads, with the index it must use where SQLite would pick a worse one. For
 * several types inside one committee, SQLite (which has no statistics on the file) rates the
 * primary key's prefix `committee_id = ?` cheaper than one search of the type index per type, and
 * would read every document of the committee, its outbox and audit trail included, to find a
 * few types. `INDEXED BY` holds it to the type index, whose entries end with the committee
 * (see migration 2): it seeks (type, committee) once per type. Should the index ever be missing,
 * the query fails instead of silently reading the committee whole. One type, or several across
 * committees, SQLite already searches by type on its own; the spec pins every plan.
 */
function tableOf(committeeId: string | undefined, types: readonly string[]): string {
  return committeeId !== undefined && types.length > 1 ? 'documents INDEXED BY documents_by_type' : 'documents';
}

const SQL_OPERATORS: Readonly<Record<QueryCondition['op'], string>> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** How SQLite's `json_type` names each JSON type a condition may compare with. */
const JSON_TYPE_GUARDS: Readonly<Record<'string' | 'number' | 'boolean', string>> = {
  string: "json_type(body, ?) = 'text'",
  number: "json_type(body, ?) IN ('integer', 'real')",
  boolean: "json_type(body, ?) IN ('true', 'false')",
};

/**
 * SQLite would happily compare across types (a stored `true` equals the number 1, any number is
 * less than any text). Cosmos treats such comparisons as undefined, so nothing matches; the JSON
 * type guard gives SQLite the same meaning: a condition only matches values of its own type.
 * `= null` matches null or missing, `!= null` matches present and not null.
 */
function compileCondition(condition: QueryCondition): CompiledQuery {
  const checked = checkedCondition(condition);
  const path = jsonPathOf(checked.path);
  if (checked.kind === 'null-test') {
    const comparison = checked.op === '=' ? '=' : '<>';
    return { sql: `COALESCE(json_type(body, ?), 'null') ${comparison} 'null'`, parameters: [path] };
  }
  // json_extract yields 1 and 0 for JSON true and false; the type guard keeps numbers out.
  const boundValue = typeof checked.value === 'boolean' ? (checked.value ? 1 : 0) : checked.value;
  return {
    sql: `(${JSON_TYPE_GUARDS[checked.valueType]} AND ${jsonExtract(path)} ${SQL_OPERATORS[checked.op]} ?)`,
    parameters: [path, boundValue],
  };
}

/**
 * The value at a checked JSON path, with the path written into the SQL as text: SQLite uses an
 * expression index only for the very expression it was built on, and a bound parameter is not
 * that expression. Safe to write in: `fieldPathSegments` admits only ASCII letters, digits, `_`
 * and dots, checked here once more.
 */
function jsonExtract(path: string): string {
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) throw new Error(`unexpected JSON path ${path}`);
  return `json_extract(body, '${path}')`;
}

/** A checked field path as a SQLite JSON path: `$.session.number`. */
function jsonPathOf(segments: readonly string[]): string {
  return `$.${segments.join('.')}`;
}
