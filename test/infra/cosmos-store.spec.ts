import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer, createHttpsServer } from '@vercel/cosmosdb-server';
import type { BatchOperation } from '../../src/app/ports/document-store';
import { ConflictError } from '../../src/app/ports/store-errors';
import { COSMOS_PARTITION_KEY_PATH, CosmosStore, type TokenCredential } from '../../src/infra/cosmos-store';
import {
  describeDocumentStoreContract,
  type EngineBatchOperation,
  type EngineRequest,
} from './document-store.contract';

/** cosmosdb-server checks no signatures; any base64 string passes as an account key. */
const EMULATOR_KEY = Buffer.from('gremium-test-key').toString('base64');

/** The emulator cannot answer region discovery (see docs/teams-platform.md). */
const EMULATOR_CONNECTION_POLICY = { enableEndpointDiscovery: false };

/**
 * Pinned to the emulator's code: lib/handler/batch-documents.js runs the operations one by one
 * against the live collection and, after a failure, only marks the rest 424; nothing undoes the
 * operations before it. The real service rolls the whole batch back: that is the engine's
 * guarantee for a transactional batch, so the contract proves instead that each batch reaches
 * the engine as one transactional request.
 */
const EMULATOR_BATCH_ROLLBACK_GAP =
  'cosmosdb-server 1.0.1 keeps the operations before a failing one; Azure Cosmos DB rolls them back';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `intercept` in front of the emulator's own request listener (`serve`), so a test can watch
 * what reaches the emulator, or answer in its place where the real service would answer otherwise.
 */
function interceptRequests(
  server: Server,
  intercept: (req: IncomingMessage, res: ServerResponse, serve: RequestListener) => void,
): void {
  const serve = server.listeners('request')[0] as RequestListener;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => intercept(req, res, serve));
}

interface RecordedRequest {
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer[];
}

/**
 * Records every request reaching the emulator while an action runs. The body is copied as the
 * emulator reads it: a second `data` listener, attached in the same tick as the emulator's own
 * (it reads the body at once with raw-body), sees every chunk without taking any away. The
 * emulator answers only after reading the whole body, so when the action has its answers, the
 * copies are complete.
 */
function recordRequests(server: Server): (action: () => Promise<void>) => Promise<RecordedRequest[]> {
  let recording: RecordedRequest[] | undefined;
  interceptRequests(server, (req, res, serve) => {
    if (recording) {
      const request: RecordedRequest = { headers: req.headers, body: [] };
      recording.push(request);
      req.on('data', (chunk: Buffer) => request.body.push(chunk));
    }
    serve(req, res);
  });
  return async (action) => {
    const requests: RecordedRequest[] = [];
    recording = requests;
    try {
      await action();
    } finally {
      recording = undefined;
    }
    return requests;
  };
}

/** The body of one operation of a Cosmos batch request, as the SDK sends it. */
interface CosmosBatchOperationBody {
  readonly operationType: string;
  readonly id?: string;
  readonly ifMatch?: string;
  readonly resourceBody?: { readonly id?: string };
}

/**
 * A recorded request in the contract's terms. A transactional batch carries both
 * `x-ms-cosmos-is-batch-request: true` and `x-ms-cosmos-batch-atomic: true` (bulk requests carry
 * the first with `batch-atomic: false`), and its body lists the operations.
 */
function asEngineRequest(request: RecordedRequest): EngineRequest {
  const isTrue = (name: string) => String(request.headers[name]).toLowerCase() === 'true';
  if (!isTrue('x-ms-cosmos-is-batch-request')) return { transactionalBatch: false, operations: [] };
  const body = JSON.parse(Buffer.concat(request.body).toString('utf8')) as CosmosBatchOperationBody[];
  return {
    transactionalBatch: isTrue('x-ms-cosmos-batch-atomic'),
    operations: body.map((operation): EngineBatchOperation => ({
      op: operation.operationType.toLowerCase() as BatchOperation['op'],
      id: String(operation.id ?? operation.resourceBody?.id),
      ...(operation.ifMatch !== undefined ? { ifMatch: operation.ifMatch } : {}),
    })),
  };
}

interface RunningEmulator {
  readonly server: Server;
  readonly endpoint: string;
}

async function startEmulator(server: Server, scheme: 'http' | 'https'): Promise<RunningEmulator> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `${scheme}://127.0.0.1:${port}` };
}

async function stopEmulator(emulator: RunningEmulator | undefined): Promise<void> {
  if (!emulator) return;
  const closed = new Promise<void>((resolve) => emulator.server.close(() => resolve()));
  emulator.server.closeAllConnections();
  await closed;
}

function adminClientFor(emulator: RunningEmulator, agent?: HttpsAgent): CosmosClient {
  return new CosmosClient({
    endpoint: emulator.endpoint,
    key: EMULATOR_KEY,
    connectionPolicy: EMULATOR_CONNECTION_POLICY,
    ...(agent ? { agent } : {}),
  });
}

describe('CosmosStore on cosmosdb-server (real SDK, real HTTP)', () => {
  let emulator: RunningEmulator | undefined;
  let admin: CosmosClient;
  let requestsDuring: (action: () => Promise<void>) => Promise<RecordedRequest[]>;

  before(async () => {
    const server = createHttpServer();
    requestsDuring = recordRequests(server);
    emulator = await startEmulator(server, 'http');
    admin = adminClientFor(emulator);
  });

  after(async () => {
    admin?.dispose();
    await stopEmulator(emulator);
  });

  const connectTo = (databaseId: string, containerId = 'documents') =>
    CosmosStore.connect({
      endpoint: emulator!.endpoint,
      key: EMULATOR_KEY,
      connectionPolicy: EMULATOR_CONNECTION_POLICY,
      databaseId,
      containerId,
    });

  describeDocumentStoreContract('CosmosStore', {
    open: async () => {
      // A database per test keeps tests apart without restarting the emulator.
      const databaseId = `contract-${randomUUID()}`;
      const store = await connectTo(databaseId);
      return {
        store,
        databaseId,
        cleanup: async () => {
          await store.close();
          await admin.database(databaseId).delete();
        },
      };
    },
    // A restart of the bot: a new client on the same database. The durability test closes it.
    reopen: ({ databaseId }) => connectTo(databaseId),
    knownEngineGaps: {
      batchRollback: {
        reason: EMULATOR_BATCH_ROLLBACK_GAP,
        requestsDuring: async (action) => (await requestsDuring(action)).map(asEngineRequest),
      },
    },
  });

  describe('the request recorder behind the batch tests of the contract', () => {
    // Guards those tests against a recorder that sees nothing (or only batches).
    it('records every request the store sends, batch or not', async () => {
      const store = await connectTo(`recorder-${randomUUID()}`);
      try {
        const requests = await requestsDuring(async () => {
          const created = await store.create({ id: 'a', committeeId: 'k', type: 'member' });
          await store.batch('k', [
            { op: 'replace', document: { id: 'a', committeeId: 'k', type: 'member' }, ifMatch: created._etag },
            { op: 'create', document: { id: 'b', committeeId: 'k', type: 'member' } },
            { op: 'delete', id: 'a' },
          ]);
          await store.get('k', 'b');
        });
        const seen = requests.map(asEngineRequest);
        assert.equal(seen.length, 3);
        assert.deepEqual(seen[0], { transactionalBatch: false, operations: [] });
        assert.equal(seen[1]?.transactionalBatch, true);
        assert.deepEqual(
          seen[1]?.operations.map(({ op, id }) => [op, id]),
          [
            ['replace', 'a'],
            ['create', 'b'],
            ['delete', 'a'],
          ],
        );
        assert.deepEqual(seen[2], { transactionalBatch: false, operations: [] });
      } finally {
        await store.close();
      }
    });
  });

  describe('emulator gaps the contract works around', () => {
    // When this fails, the emulator learnt to roll back: drop the batchRollback gap above.
    it('cosmosdb-server still keeps the operations before a failing batch operation', async () => {
      const store = await connectTo(`gap-${randomUUID()}`);
      try {
        await store.create({ id: 'existing', committeeId: 'k', type: 'member' });
        await assert.rejects(
          store.batch('k', [
            { op: 'create', document: { id: 'before', committeeId: 'k', type: 'member' } },
            { op: 'create', document: { id: 'existing', committeeId: 'k', type: 'member' } },
          ]),
          ConflictError,
        );
        assert.notEqual(await store.get('k', 'before'), undefined, 'the emulator now rolls back batches');
      } finally {
        await store.close();
      }
    });
  });

  describe('queryAcrossCommittees on the wire', () => {
    const header = (request: RecordedRequest, name: string) => request.headers[name];

    // The emulator ignores the partition key of a query, so the contract's results cannot tell
    // a fan-out from a query pinned to one partition; the request itself can.
    it('asks for every partition: no partition key, cross-partition enabled', async () => {
      const store = await connectTo(`across-${randomUUID()}`);
      try {
        await store.create({ id: 'j1', committeeId: 'k1', type: 'job' });
        await store.create({ id: 'j2', committeeId: 'k2', type: 'job' });

        const inPartition = await requestsDuring(async () => {
          await store.query('k1', { type: 'job' });
        });
        // The control: the recorder sees the partition key where there is one.
        assert.ok(inPartition.some((request) => header(request, 'x-ms-documentdb-partitionkey') === '["k1"]'));

        const across = await requestsDuring(async () => {
          const found = await store.queryAcrossCommittees({ type: 'job', orderBy: { field: 'id' }, limit: 2 });
          assert.deepEqual(
            found.map((document) => document.committeeId),
            ['k1', 'k2'],
          );
        });
        assert.ok(across.length > 0);
        for (const request of across) {
          assert.equal(header(request, 'x-ms-documentdb-partitionkey'), undefined);
          assert.equal(header(request, 'x-ms-documentdb-query-enablecrosspartition'), 'true');
        }
      } finally {
        await store.close();
      }
    });

    // Pins what cosmos-store.ts says about queryAcrossCommittees: when this fails, the emulator
    // makes the SDK merge partition key ranges, and that note (and this test) need revisiting.
    it('is answered by cosmosdb-server in one pass, so the SDK merges nothing here', async () => {
      const databaseId = `across-${randomUUID()}`;
      const store = await connectTo(databaseId);
      try {
        const { resources: ranges } = await admin
          .database(databaseId)
          .container('documents')
          .readPartitionKeyRanges()
          .fetchAll();
        assert.equal(ranges.length, 1, 'the emulator now has several partition key ranges');

        await store.create({ id: 'j1', committeeId: 'k1', type: 'job', dueAt: '2025-03-02' });
        await store.create({ id: 'j2', committeeId: 'k2', type: 'job', dueAt: '2025-03-01' });
        const requests = await requestsDuring(async () => {
          const found = await store.queryAcrossCommittees({ type: 'job', orderBy: { field: 'dueAt' }, limit: 1 });
          assert.deepEqual(
            found.map((document) => document.id),
            ['j2'],
          );
        });
        // The SDK's query-plan request (answered like a plain query) and the query itself, sent
        // concurrently; no per-range request, as the SDK sends once the service asks it to merge.
        assert.deepEqual(
          requests
            .map((request) => [
              header(request, 'x-ms-cosmos-is-query-plan-request') === 'True' ? 'query plan' : 'query',
              header(request, 'x-ms-documentdb-partitionkeyrangeid') ?? 'no range',
            ])
            .sort(),
          [
            ['query plan', 'no range'],
            ['query', 'no range'],
          ],
        );
      } finally {
        await store.close();
      }
    });
  });

  describe('CosmosStore.connect', () => {
    it('creates a missing database and container, partitioned by committee', async () => {
      const databaseId = `connect-${randomUUID()}`;
      const store = await connectTo(databaseId, 'gremium');
      try {
        await store.ping();
        const { resource: container } = await admin.database(databaseId).container('gremium').read();
        assert.deepEqual(container?.partitionKey?.paths, [COSMOS_PARTITION_KEY_PATH]);
      } finally {
        await store.close();
      }
    });

    it('connects twice to the same database, and both see the same data', async () => {
      const databaseId = `connect-${randomUUID()}`;
      const first = await connectTo(databaseId);
      const second = await connectTo(databaseId);
      try {
        const created = await first.create({ id: 'c1', committeeId: 'k', type: 'committee' });
        assert.equal((await second.get('k', 'c1'))?._etag, created._etag);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('refuses a container partitioned by anything but /committeeId', async () => {
      const databaseId = `connect-${randomUUID()}`;
      const { database } = await admin.databases.createIfNotExists({ id: databaseId });
      await database.containers.create({ id: 'documents', partitionKey: { paths: ['/id'] } });
      await assert.rejects(connectTo(databaseId), /partitioned by \["\/id"\].*"\/committeeId"/);
    });

    it('needs exactly one of key and credential', async () => {
      const common = { endpoint: emulator!.endpoint, databaseId: 'x', containerId: 'y' };
      await assert.rejects(CosmosStore.connect(common), /exactly one of `key` or `credential`/);
      await assert.rejects(
        CosmosStore.connect({ ...common, key: EMULATOR_KEY, credential: tokenCredentialForTests() }),
        /exactly one of `key` or `credential`/,
      );
    });
  });
});

/**
 * Stands in for a managed identity. The SDK refuses bearer tokens over plain HTTP, which is why
 * the identity tests run against the emulator's HTTPS variant.
 */
function tokenCredentialForTests(): TokenCredential & { readonly tokensIssued: () => number } {
  let issued = 0;
  return {
    getToken: async () => {
      issued += 1;
      return { token: 'test-token', expiresOnTimestamp: Date.now() + 60 * 60 * 1000 };
    },
    tokensIssued: () => issued,
  };
}

/**
 * Data-plane RBAC lets an identity read and write items and read metadata, but answers 403 to
 * creating databases and containers. This wraps the emulator's request handler to answer the same.
 */
function forbidCreatingDatabasesAndContainers(server: Server): { forbid: (on: boolean) => void } {
  let forbidden = false;
  interceptRequests(server, (req, res, serveCosmos) => {
    const createsDatabaseOrContainer = req.method === 'POST' && /^\/dbs(\/[^/]+\/colls)?\/?$/.test(req.url ?? '');
    if (forbidden && createsDatabaseOrContainer) {
      res.statusCode = 403;
      res.setHeader('content-type', 'application/json');
      const message = 'Request blocked by Auth: cannot be authorized by AAD token in data plane';
      res.end(JSON.stringify({ code: 'Forbidden', message }));
      return;
    }
    serveCosmos(req, res);
  });
  return { forbid: (on) => (forbidden = on) };
}

describe('CosmosStore with a managed identity (data-plane RBAC)', () => {
  let emulator: RunningEmulator | undefined;
  let rbac: { forbid: (on: boolean) => void };
  // The emulator's certificate is self-signed (and expired); trust it for this agent only.
  const agent = new HttpsAgent({ rejectUnauthorized: false });
  let admin: CosmosClient;

  before(async () => {
    const server = createHttpsServer();
    rbac = forbidCreatingDatabasesAndContainers(server);
    emulator = await startEmulator(server, 'https');
    admin = adminClientFor(emulator, agent);
  });

  after(async () => {
    admin?.dispose();
    await stopEmulator(emulator);
    agent.destroy();
  });

  beforeEach(() => rbac.forbid(false));

  const connectWithIdentity = (credential: TokenCredential, databaseId: string) =>
    CosmosStore.connect({
      endpoint: emulator!.endpoint,
      credential,
      connectionPolicy: EMULATOR_CONNECTION_POLICY,
      agent,
      databaseId,
      containerId: 'documents',
    });

  it('uses the database and container the deployment created', async () => {
    const databaseId = `rbac-${randomUUID()}`;
    const { database } = await admin.databases.createIfNotExists({ id: databaseId });
    await database.containers.create({ id: 'documents', partitionKey: { paths: [COSMOS_PARTITION_KEY_PATH] } });
    rbac.forbid(true);

    const credential = tokenCredentialForTests();
    const store = await connectWithIdentity(credential, databaseId);
    try {
      const created = await store.create({ id: 'c1', committeeId: 'k', type: 'committee' });
      assert.equal((await store.get('k', 'c1'))?._etag, created._etag);
      await store.ping();
      assert.ok(credential.tokensIssued() > 0, 'the SDK authenticated with the credential');
    } finally {
      await store.close();
    }
  });

  it('explains a missing database it may not create', async () => {
    rbac.forbid(true);
    await assert.rejects(
      connectWithIdentity(tokenCredentialForTests(), `rbac-${randomUUID()}`),
      /database "rbac-.*" does not exist, and this identity may not create it/,
    );
  });

  it('explains a missing container it may not create', async () => {
    const databaseId = `rbac-${randomUUID()}`;
    await admin.databases.createIfNotExists({ id: databaseId });
    rbac.forbid(true);
    await assert.rejects(
      connectWithIdentity(tokenCredentialForTests(), databaseId),
      /container "documents" does not exist, and this identity may not create it/,
    );
  });
});
