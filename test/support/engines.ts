import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import Database from 'better-sqlite3';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { EMBEDDED_STORE_FILE_NAME } from '../../src/infra/embedded-store';
import { CosmosEmulator, EMULATOR_KEY } from './cosmos-emulator';
import { openTempStore } from './temp-store';

/** A store opened on one engine, with a way around the port to see everything it holds. */
export interface OpenedEngine {
  readonly store: DocumentStore;
  /**
   * Every document of the partition as the engine keeps it, read past the store port (which only
   * ever reads one document type at a time): what a test greps to show that nothing is left.
   */
  rawPartition(committeeId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** A document store engine for tests that must hold on both: concurrency is where they could differ. */
export interface Engine {
  readonly name: string;
  open(): Promise<OpenedEngine>;
}

/** The embedded store on disk and Cosmos DB through the real SDK against cosmosdb-server. */
export const ENGINES: readonly Engine[] = [
  {
    name: 'embedded store',
    open: async () => {
      const temp = await openTempStore();
      return {
        store: temp.store,
        rawPartition: async (committeeId) => {
          const db = new Database(join(temp.dataDir, EMBEDDED_STORE_FILE_NAME), { readonly: true });
          try {
            const rows = db.prepare('SELECT body FROM documents WHERE committee_id = ?').all(committeeId) as Array<{
              body: string;
            }>;
            return rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
          } finally {
            db.close();
          }
        },
        close: () => temp.cleanup(),
      };
    },
  },
  {
    name: 'Cosmos DB (cosmosdb-server)',
    open: async () => {
      const emulator = await CosmosEmulator.start();
      const databaseId = `test-${randomUUID()}`;
      const store = await emulator.connect(databaseId);
      const client = new CosmosClient({
        endpoint: emulator.endpoint,
        key: EMULATOR_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      return {
        store,
        rawPartition: async (committeeId) => {
          const container = client.database(databaseId).container('documents');
          const query = {
            query: 'SELECT * FROM c WHERE c.committeeId = @committeeId',
            parameters: [{ name: '@committeeId', value: committeeId }],
          };
          const { resources } = await container.items.query<Record<string, unknown>>(query).fetchAll();
          return resources;
        },
        close: async () => (client.dispose(), await store.close(), await emulator.close()),
      };
    },
  },
];
