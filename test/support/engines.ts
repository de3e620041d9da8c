import type { DocumentStore } from '../../src/app/ports/document-store';
import { CosmosEmulator } from './cosmos-emulator';
import { openTempStore } from './temp-store';

/** A document store engine for tests that must hold on both: concurrency is where they could differ. */
export interface Engine {
  readonly name: string;
  open(): Promise<{ readonly store: DocumentStore; close(): Promise<void> }>;
}

/** The embedded store on disk and Cosmos DB through the real SDK against cosmosdb-server. */
export const ENGINES: readonly Engine[] = [
  {
    name: 'embedded store',
    open: async () => {
      const temp = await openTempStore();
      return { store: temp.store, close: () => temp.cleanup() };
    },
  },
  {
    name: 'Cosmos DB (cosmosdb-server)',
    open: async () => {
      const emulator = await CosmosEmulator.start();
      const store = await emulator.connect();
      return { store, close: async () => (await store.close(), await emulator.close()) };
    },
  },
];
