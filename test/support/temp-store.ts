import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { EmbeddedStore } from '../../src/infra/embedded-store';

export interface TempStore {
  readonly store: DocumentStore;
  readonly dataDir: string;
  /** Closes and reopens the store on the same file, as a restart would. */
  reopen(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

/** A real embedded store in a fresh temporary directory. */
export async function openTempStore(): Promise<TempStore> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-test-'));
  let store: DocumentStore = await EmbeddedStore.open({ dataDir });
  return {
    get store() {
      return store;
    },
    dataDir,
    async reopen() {
      await store.close();
      store = await EmbeddedStore.open({ dataDir });
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
