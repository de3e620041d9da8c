import { DefaultAzureCredential } from '@azure/identity';
import type { DocumentStore } from '../app/ports/document-store';
import { CosmosStore } from '../infra/cosmos-store';
import { EmbeddedStore } from '../infra/embedded-store';
import type { Config } from './config';

/**
 * Opens the configured store: the SQLite file for one machine, or Cosmos DB with an account key
 * or, in Azure, the app's managed identity (no keys in app settings).
 */
export async function openStore(config: Config): Promise<DocumentStore> {
  if (config.store === 'embedded' || !config.cosmos) return EmbeddedStore.open({ dataDir: config.dataDir });
  const { endpoint, key, databaseId, containerId } = config.cosmos;
  return CosmosStore.connect({
    endpoint,
    databaseId,
    containerId,
    ...(key ? { key } : { credential: new DefaultAzureCredential() }),
  });
}
