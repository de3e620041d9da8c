import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppDependencies } from '../../src/app/dependencies';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { fixedClock } from '../../src/domain/clock';
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

/** What a use-case test works with: a fresh real store and dependencies at a fixed instant. */
export interface AppFixture {
  readonly temp: TempStore;
  deps: AppDependencies;
}

/**
 * Registers mocha hooks that give every test of the surrounding `describe` its own store in a
 * temporary folder, with the clock fixed at `isoNow`, and remove it afterwards.
 */
export function useTempStore(isoNow = '2026-11-21T10:00:00Z'): AppFixture {
  const fixture = {} as { temp: TempStore; deps: AppDependencies };
  beforeEach(async () => {
    fixture.temp = await openTempStore();
    fixture.deps = { store: fixture.temp.store, clock: fixedClock(isoNow) };
  });
  afterEach(async () => fixture.temp.cleanup());
  return fixture;
}
