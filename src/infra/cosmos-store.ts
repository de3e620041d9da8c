import type { Agent } from 'node:http';
import {
  BulkOperationType,
  CosmosClient,
  type ConnectionPolicy,
  type Container,
  type CosmosClientOptions,
  type Database,
  type DeleteOperationInput,
  type FeedOptions,
  type ItemDefinition,
  type JSONObject,
  type OperationInput,
  type OperationResponse,
  type SqlParameter,
} from '@azure/cosmos';
import type {
  BatchOperation,
  Document,
  DocumentKey,
  DocumentStore,
  Query,
  QueryCondition,
  Stored,
} from '../app/ports/document-store';
import {
  ConcurrencyError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  type StoreError,
} from '../app/ports/store-errors';
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
  queryTypeLabel,
  sortDirectionOf,
  withoutSystemFields,
} from './document-rules';

/** The partition key path; the port's promise "one committee, one partition" depends on it. */
export const COSMOS_PARTITION_KEY_PATH = '/committeeId';

/** Taken from the SDK's own options so we need no direct dependency on @azure/core-auth. */
export type TokenCredential = NonNullable<CosmosClientOptions['aadCredentials']>;

export interface CosmosStoreOptions {
  readonly endpoint: string;
  /** Account key; for local emulators and accounts without Entra ID. Give this or `credential`. */
  readonly key?: string;
  /** Managed identity (or any Entra ID credential) with a data-plane role on the account. */
  readonly credential?: TokenCredential;
  readonly databaseId: string;
  readonly containerId: string;
  /** Emulators need `{ enableEndpointDiscovery: false }`: they cannot answer region discovery. */
  readonly connectionPolicy?: ConnectionPolicy;
  /** E.g. a proxy agent, or one that trusts an emulator's self-signed certificate. */
  readonly agent?: Agent;
}

/** Status of the operations a failed transactional batch did not get to (or rolled back). */
const FAILED_DEPENDENCY = 424;

/**
 * The production document store on Azure Cosmos DB for NoSQL: one container, partitioned by
 * committee id, so every operation of the port stays inside one logical partition.
 */
/**
 * The most documents of one committee `getMany` reads by point reads, in parallel; more are read
 * with one query. A turn's read-ahead reads up to six of a committee.
 */
const POINT_READS_AT_MOST = 8;

export class CosmosStore implements DocumentStore {
  private constructor(
    private readonly client: CosmosClient,
    private readonly database: Database,
    private readonly container: Container,
  ) {}

  /**
   * Connects and makes sure database and container exist, so a fresh environment (or a test)
   * needs no separate provisioning step. With Entra ID, data-plane roles cannot create databases
   * or containers; then a 403 on create is not fatal as long as the resource exists (provisioned
   * by the deployment), and it fails with a clear message when it does not.
   */
  static async connect(options: CosmosStoreOptions): Promise<CosmosStore> {
    if ((options.key === undefined) === (options.credential === undefined)) {
      throw new Error('CosmosStore.connect needs exactly one of `key` or `credential`.');
    }
    const client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key !== undefined ? { key: options.key } : {}),
      ...(options.credential !== undefined ? { aadCredentials: options.credential } : {}),
      ...(options.connectionPolicy !== undefined ? { connectionPolicy: options.connectionPolicy } : {}),
      ...(options.agent !== undefined ? { agent: options.agent } : {}),
    });
    try {
      const database = await openOrCreateDatabase(client, options.databaseId);
      const container = await openOrCreateContainer(database, options.containerId);
      return new CosmosStore(client, database, container);
    } catch (error) {
      client.dispose();
      throw error;
    }
  }

  async get<T extends Document>(committeeId: string, id: string): Promise<Stored<T> | undefined> {
    assertDocumentKey(committeeId, id);
    try {
      const response = await this.container.item(id, committeeId).read<ItemDefinition>();
      return response.resource ? toStored<T>(response.resource) : undefined;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw mapCosmosError(error, `reading "${id}"`);
    }
  }

  /**
   * The SDK (4.9) has no multi-item read in JavaScript. A turn's read-ahead names a handful of
   * documents in at most two committees (the tenant's directory and the committee acted on), so
   * each is a point read, all sent at once: the cheapest and fastest read Cosmos DB offers (about
   * one request unit a kilobyte, no query engine), where a query costs its own fee on top of what
   * it reads. A committee named with more than `POINT_READS_AT_MOST` keys is read with one query by
   * id inside its partition (`ARRAY_CONTAINS(@ids, c.id)`, the partition named) instead.
   */
  async getMany<T extends Document = Document>(keys: readonly DocumentKey[]): Promise<Array<Stored<T> | undefined>> {
    assertKeys(keys);
    const idsByCommittee = new Map<string, Set<string>>();
    for (const { committeeId, id } of keys) {
      const ids = idsByCommittee.get(committeeId) ?? new Set<string>();
      ids.add(id);
      idsByCommittee.set(committeeId, ids);
    }
    const found = new Map<string, Stored<T>>();
    await Promise.all(
      [...idsByCommittee].map(async ([committeeId, idSet]) => {
        const ids = [...idSet];
        const documents =
          ids.length <= POINT_READS_AT_MOST
            ? (await Promise.all(ids.map((id) => this.get<T>(committeeId, id)))).filter(
                (document) => document !== undefined,
              )
            : await this.run<T>(
                {
                  query: 'SELECT * FROM c WHERE c.committeeId = @committeeId AND ARRAY_CONTAINS(@ids, c.id)',
                  parameters: [
                    { name: '@committeeId', value: committeeId },
                    { name: '@ids', value: ids },
                  ],
                },
                { partitionKey: committeeId },
                'documents by id',
              );
        for (const document of documents) found.set(keyText(document), document);
      }),
    );
    return keys.map((key) => found.get(keyText(key)));
  }

  async query<T extends Document>(committeeId: string, query: Query): Promise<Array<Stored<T>>> {
    assertCommitteeId(committeeId);
    const compiled = compileQuery(committeeId, query);
    return this.run<T>(compiled, { partitionKey: committeeId }, queryTypeLabel(query));
  }

  /**
   * A cross-partition query: the request names no partition key, and SDK 4.9 sends
   * `x-ms-documentdb-query-enablecrosspartition: true` on every request (its FeedOptions have no
   * `enableCrossPartitionQuery` any more). Alongside each query it asks the gateway for a query
   * plan. When the gateway cannot serve ORDER BY or TOP over several physical partitions by
   * itself, it answers the query with 400 "can not be directly served by the gateway"; the SDK
   * then follows the plan: it queries each partition key range and merges the pages (a merge sort
   * for ORDER BY, TOP over the merged stream), so order and limit hold over all committees, as
   * the port promises.
   *
   * cosmosdb-server 1.0.1 cannot show that merge: it has one partition key range, answers the
   * SDK's query-plan request like a plain query, and runs any query over the whole container in
   * one pass (ignoring even a partition key), so ORDER BY and TOP come out right without it. The
   * contract's results are therefore correct on the emulator by construction; the merge is the
   * SDK's, exercised against Azure. Sorting again here would add nothing, and applying the limit
   * here would mean fetching every match first.
   */
  async queryAcrossCommittees<T extends Document>(query: Query): Promise<Array<Stored<T>>> {
    const compiled = compileQuery(undefined, query);
    return this.run<T>(compiled, {}, queryTypeLabel(query));
  }

  async create<T extends Document>(document: T): Promise<Stored<T>> {
    const body = toCosmosBody(document);
    try {
      const response = await this.container.items.create(body, { disableAutomaticIdGeneration: true });
      return toStored<T>(requireResource(response.resource, document.id));
    } catch (error) {
      throw mapCosmosError(error, `creating "${document.id}"`);
    }
  }

  async replace<T extends Document>(document: T, ifMatch: string): Promise<Stored<T>> {
    const body = toCosmosBody(document);
    try {
      const response = await this.container
        .item(document.id, document.committeeId)
        .replace(body, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
      return toStored<T>(requireResource(response.resource, document.id));
    } catch (error) {
      throw mapCosmosError(error, `replacing "${document.id}"`);
    }
  }

  async upsert<T extends Document>(document: T): Promise<Stored<T>> {
    const body = toCosmosBody(document);
    try {
      const response = await this.container.items.upsert(body, { disableAutomaticIdGeneration: true });
      return toStored<T>(requireResource(response.resource, document.id));
    } catch (error) {
      throw mapCosmosError(error, `upserting "${document.id}"`);
    }
  }

  async delete(committeeId: string, id: string, ifMatch?: string): Promise<void> {
    assertDocumentKey(committeeId, id);
    try {
      await this.container
        .item(id, committeeId)
        .delete(ifMatch === undefined ? undefined : { accessCondition: { type: 'IfMatch', condition: ifMatch } });
    } catch (error) {
      throw mapCosmosError(error, `deleting "${id}"`);
    }
  }

  /**
   * One transactional batch. Cosmos answers a failed batch with 207 and a status per operation:
   * the culprit carries its own status, the others 424. The port promises the error the culprit
   * would raise alone, so the first non-424 failure decides.
   */
  async batch(
    committeeId: string,
    operations: readonly BatchOperation[],
  ): Promise<Array<Stored<Document> | undefined>> {
    const inputs = toBatchInputs(committeeId, operations);
    if (inputs.length === 0) return [];
    let results: OperationResponse[];
    try {
      results = (await this.container.items.batch(inputs, committeeId)).result ?? [];
    } catch (error) {
      throw mapBatchError(error);
    }
    const culprit = firstFailure(results);
    if (culprit !== undefined) {
      throw errorForFailedOperation(culprit, operations);
    }
    if (results.length !== operations.length) {
      throw new Error(`Cosmos answered a batch of ${operations.length} operations with ${results.length} results.`);
    }
    return operations.map((operation, index) => {
      if (operation.op === 'delete') return undefined;
      const result = results[index];
      if (result?.resourceBody) return toStored(result.resourceBody);
      // Accounts may omit bodies on write (content response off); the ETag is what callers need.
      if (result?.eTag) return { ...withoutSystemFields(operation.document), _etag: result.eTag } as Stored<Document>;
      throw new Error(`Cosmos returned neither body nor ETag for batch operation ${index + 1}.`);
    });
  }

  private async run<T extends Document>(
    compiled: { query: string; parameters: SqlParameter[] } | undefined,
    options: FeedOptions,
    what: string,
  ): Promise<Array<Stored<T>>> {
    if (!compiled) return [];
    try {
      const response = await this.container.items.query<ItemDefinition>(compiled, options).fetchAll();
      return response.resources.map((resource) => toStored<T>(resource));
    } catch (error) {
      throw mapCosmosError(error, `querying "${what}"`);
    }
  }

  /** Reading the database is the cheapest call every role (key or data-plane RBAC) may make. */
  async ping(): Promise<void> {
    await this.database.read();
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}

async function openOrCreateDatabase(client: CosmosClient, databaseId: string): Promise<Database> {
  try {
    const { database } = await client.databases.createIfNotExists({ id: databaseId });
    return database;
  } catch (error) {
    if (statusCodeOf(error) !== 403) throw error;
    const database = client.database(databaseId);
    await confirmExistsDespiteForbiddenCreate(() => database.read(), `database "${databaseId}"`, error);
    return database;
  }
}

async function openOrCreateContainer(database: Database, containerId: string): Promise<Container> {
  let container: Container;
  let partitionKeyPaths: readonly string[] | undefined;
  try {
    const response = await database.containers.createIfNotExists({
      id: containerId,
      partitionKey: { paths: [COSMOS_PARTITION_KEY_PATH] },
    });
    container = response.container;
    partitionKeyPaths = response.resource?.partitionKey?.paths;
  } catch (error) {
    if (statusCodeOf(error) !== 403) throw error;
    container = database.container(containerId);
    const response = await confirmExistsDespiteForbiddenCreate(
      () => container.read(),
      `container "${containerId}"`,
      error,
    );
    partitionKeyPaths = response?.resource?.partitionKey?.paths;
  }
  // A container partitioned differently would silently break "one committee, one partition".
  if (
    partitionKeyPaths !== undefined &&
    (partitionKeyPaths.length !== 1 || partitionKeyPaths[0] !== COSMOS_PARTITION_KEY_PATH)
  ) {
    throw new Error(
      `Container "${containerId}" is partitioned by ${JSON.stringify(partitionKeyPaths)}, ` +
        `but Gremium needs "${COSMOS_PARTITION_KEY_PATH}".`,
    );
  }
  return container;
}

/**
 * After a 403 on create (data-plane RBAC may not create), use the resource if it exists. If even
 * reading it is forbidden, trust the deployment and let the first real call report problems.
 */
async function confirmExistsDespiteForbiddenCreate<R>(
  read: () => Promise<R>,
  what: string,
  forbidden: unknown,
): Promise<R | undefined> {
  try {
    return await read();
  } catch (error) {
    const status = statusCodeOf(error);
    if (status === 403) return undefined;
    if (status === 404) {
      throw new Error(
        `Cosmos ${what} does not exist, and this identity may not create it (403). ` +
          'Create it with the deployment (data-plane roles cannot create databases or containers).',
        { cause: forbidden },
      );
    }
    throw error;
  }
}

function toBatchInputs(committeeId: string, operations: readonly BatchOperation[]): OperationInput[] {
  assertBatch(committeeId, operations);
  // Every operation names its partition, although the batch already does: cosmosdb-server reads
  // it per operation for deletes, and the real service accepts it.
  return operations.map((operation): OperationInput => {
    if (operation.op === 'delete') {
      // The SDK's type omits ifMatch on deletes; the service honours it like on any other operation.
      const deletion: DeleteOperationInput & { ifMatch?: string } = {
        operationType: BulkOperationType.Delete,
        partitionKey: committeeId,
        id: operation.id,
        ...(operation.ifMatch !== undefined ? { ifMatch: operation.ifMatch } : {}),
      };
      return deletion;
    }
    const resourceBody = toCosmosBody(operation.document);
    switch (operation.op) {
      case 'create':
        return { operationType: BulkOperationType.Create, partitionKey: committeeId, resourceBody };
      case 'upsert':
        return { operationType: BulkOperationType.Upsert, partitionKey: committeeId, resourceBody };
      case 'replace':
        return {
          operationType: BulkOperationType.Replace,
          partitionKey: committeeId,
          id: operation.document.id,
          resourceBody,
          ifMatch: operation.ifMatch,
        };
    }
  });
}

function firstFailure(results: readonly OperationResponse[]): { index: number; statusCode: number } | undefined {
  const index = results.findIndex((result) => result.statusCode >= 400 && result.statusCode !== FAILED_DEPENDENCY);
  if (index >= 0) return { index, statusCode: results[index]!.statusCode };
  const dependent = results.findIndex((result) => result.statusCode >= 400);
  return dependent >= 0 ? { index: dependent, statusCode: FAILED_DEPENDENCY } : undefined;
}

/**
 * The SDK wraps batch transport errors (`Batch request error: …`, original in `cause`). Should
 * the service ever answer a failed batch with the culprit's status instead of 207, the body still
 * lists the operations, so the culprit is looked up there first.
 */
function mapBatchError(error: unknown): unknown {
  const inner = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const body = (inner as { body?: unknown } | undefined)?.body;
  if (Array.isArray(body)) {
    const culprit = firstFailure(body as OperationResponse[]);
    if (culprit !== undefined) return errorForFailedOperation(culprit);
  }
  return mapCosmosError(inner, 'running a batch');
}

/** Translates the statuses use cases react to; everything else (outages, throttling) stays as is. */
function mapCosmosError(error: unknown, doing: string): unknown {
  const status = statusCodeOf(error);
  return (status !== undefined && storeErrorFor(status, `${doing} failed`, error)) || error;
}

function storeErrorFor(status: number, message: string, cause?: unknown): StoreError | undefined {
  const text = `${message}: status ${status}`;
  switch (status) {
    case 400:
      return withCause(new InvalidRequestError(text), cause);
    case 404:
      return withCause(new NotFoundError(text), cause);
    case 409:
      return withCause(new ConflictError(text), cause);
    case 412:
      return withCause(new ConcurrencyError(text), cause);
    default:
      return undefined;
  }
}

/** A failed batch operation as the error it would raise alone, or a plain error for outages. */
function errorForFailedOperation(
  failure: { index: number; statusCode: number },
  operations?: readonly BatchOperation[],
): Error {
  const kind = operations?.[failure.index]?.op;
  const message = `batch operation ${failure.index + 1}${kind ? ` (${kind})` : ''} failed`;
  return storeErrorFor(failure.statusCode, message) ?? new Error(`${message}: status ${failure.statusCode}`);
}

function withCause<E extends Error>(error: E, cause: unknown): E {
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'number') return code;
  const cause = (error as { cause?: unknown } | null | undefined)?.cause;
  return cause !== undefined && cause !== error ? statusCodeOf(cause) : undefined;
}

function requireResource(resource: ItemDefinition | undefined, id: string): ItemDefinition {
  if (!resource) throw new Error(`Cosmos returned no body for "${id}".`);
  return resource;
}

/** The body to send; system fields stay out of it (see `withoutSystemFields`). */
function toCosmosBody(document: Document): JSONObject {
  assertDocument(document);
  return withoutSystemFields(document) as JSONObject;
}

/** Keeps `_etag` (the port's concurrency token) and drops the Cosmos bookkeeping around it. */
/** A key as one string; ids hold no `/` (see `assertDocumentKey`), so it cannot be ambiguous. */
function keyText(key: DocumentKey): string {
  return `${key.committeeId}/${key.id}`;
}

function toStored<T extends Document>(resource: ItemDefinition | JSONObject): Stored<T> {
  const etag = resource['_etag'];
  if (typeof etag !== 'string') throw new Error(`Cosmos returned "${String(resource['id'])}" without an ETag.`);
  return { ...(withoutSystemFields(resource) as T), _etag: etag };
}

/**
 * The SQL text depends only on the query's shape; every value is a parameter. Given a committee,
 * it also filters on `committeeId`: redundant on Cosmos (the request names the partition), but
 * cosmosdb-server ignores the partition of a query, and a filter that is true anyway costs
 * nothing. Without one, the query is for every partition (`queryAcrossCommittees`).
 */
function compileQuery(
  committeeId: string | undefined,
  query: Query,
): { query: string; parameters: SqlParameter[] } | undefined {
  const types = checkedQueryTypes(query);
  const parameters: SqlParameter[] = types.map((type, index) => ({ name: `@type${index}`, value: type }));
  // One type keeps the plain equality; several are an IN list (one parameter each), which Cosmos
  // DB serves from the same range index on /type.
  const clauses = [
    types.length === 1 ? 'c.type = @type0' : `c.type IN (${parameters.map(({ name }) => name).join(', ')})`,
  ];
  if (committeeId !== undefined) {
    clauses.push('c.committeeId = @committeeId');
    parameters.push({ name: '@committeeId', value: committeeId });
  }
  for (const condition of query.where ?? []) {
    clauses.push(compileCondition(condition, parameters));
  }
  let orderBy = '';
  if (query.orderBy) {
    const property = propertyReferenceOf(fieldPathSegments(query.orderBy.field));
    // Cosmos has both included and left out documents lacking the field over the years, and
    // cosmosdb-server leaves them out; filtering explicitly makes every engine agree.
    clauses.push(`IS_DEFINED(${property})`);
    orderBy = ` ORDER BY ${property} ${sortDirectionOf(query.orderBy.direction)}`;
  }
  const limit = checkedLimit(query.limit);
  let top = '';
  if (limit !== undefined) {
    if (limit === 0) return undefined;
    // TOP rather than OFFSET … LIMIT: both engines understand it, cosmosdb-server no OFFSET.
    top = 'TOP @limit ';
    parameters.push({ name: '@limit', value: limit });
  }
  return { query: `SELECT ${top}* FROM c WHERE ${clauses.join(' AND ')}${orderBy}`, parameters };
}

const TYPE_CHECKS: Readonly<Record<'string' | 'number' | 'boolean', string>> = {
  string: 'IS_STRING',
  number: 'IS_NUMBER',
  boolean: 'IS_BOOL',
};

/**
 * A condition only matches values of its parameter's JSON type. Cosmos already treats comparisons
 * across types as undefined, but cosmosdb-server evaluates `!=` across types as true; the explicit
 * type check gives both (and the embedded store) one meaning. `= null` means null or missing.
 */
function compileCondition(condition: QueryCondition, parameters: SqlParameter[]): string {
  const checked = checkedCondition(condition);
  const property = propertyReferenceOf(checked.path);
  if (checked.kind === 'null-test') {
    return checked.op === '='
      ? `(NOT IS_DEFINED(${property}) OR IS_NULL(${property}))`
      : `(IS_DEFINED(${property}) AND NOT IS_NULL(${property}))`;
  }
  const name = `@p${parameters.length}`;
  parameters.push({ name, value: checked.value });
  return `(${TYPE_CHECKS[checked.valueType]}(${property}) AND ${property} ${checked.op} ${name})`;
}

/** `session.number` → `c["session"]["number"]`; safe because a checked path holds no quotes. */
function propertyReferenceOf(segments: readonly string[]): string {
  return `c${segments.map((name) => `["${name}"]`).join('')}`;
}
