import type { DocumentStore } from '../app/ports/document-store';
import type { Config } from './config';

/**
 * Opens the configured store: the SQLite file for one machine, or Cosmos DB with an account key
 * or, in Azure, the app's managed identity (no keys in app settings). Each adapter is loaded
 * only when chosen, so a Cosmos deployment never loads SQLite's native module.
 */
export async function openStore(config: Config): Promise<DocumentStore> {
  if (config.store === 'embedded' || !config.cosmos) {
    const { EmbeddedStore } = await import('../infra/embedded-store');
    return EmbeddedStore.open({ dataDir: config.dataDir });
  }
  const [{ CosmosStore }, { DefaultAzureCredential }] = await Promise.all([
    import('../infra/cosmos-store'),
    import('@azure/identity'),
  ]);
  const { endpoint, key, databaseId, containerId } = config.cosmos;
  return CosmosStore.connect({
    endpoint,
    databaseId,
    containerId,
    ...(key ? { key } : { credential: new DefaultAzureCredential() }),
  });
}
