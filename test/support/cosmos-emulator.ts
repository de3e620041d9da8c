import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../../src/infra/cosmos-store';

/** Any base64 key opens the emulator; the real SDK still signs every request with it. */
export const EMULATOR_KEY = Buffer.from('gremium-emulator-key').toString('base64');

/** @vercel/cosmosdb-server in this process, over real HTTP on a free port. */
export class CosmosEmulator {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<CosmosEmulator> {
    const server = createHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new CosmosEmulator(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** A store on a database of its own, so tests sharing the emulator stay apart. */
  connect(databaseId = `test-${randomUUID()}`): Promise<CosmosStore> {
    return CosmosStore.connect({
      endpoint: this.endpoint,
      key: EMULATOR_KEY,
      databaseId,
      containerId: 'documents',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
