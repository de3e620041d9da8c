import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../src/infra/cosmos-store';
import { loopbackCertificate } from '../test/support/bot-framework-keys';
import { EMULATOR_KEY } from '../test/support/cosmos-emulator';

/** A Cosmos DB endpoint as a deployment reaches one: https, keep-alive, a certificate made for this run. */
export interface CosmosServer {
  /** https://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Any base64 key opens it; the SDK still signs every request with it. */
  readonly key: string;
  /** Its self-signed certificate (PEM): a bot trusts it through NODE_EXTRA_CA_CERTS. */
  readonly certificate: string;
  /** A store on `databaseId` for this process, trusting the certificate without turning checks off. */
  connect(databaseId: string): Promise<CosmosStore>;
  close(): Promise<void>;
}

/**
 * `@vercel/cosmosdb-server` over https, as Gremium talks to Cosmos DB in production: its endpoint
 * advertises https locations, so the SDK's endpoint discovery stays on as deployed, and it keeps
 * connections alive as the real gateway does (the package's default closes each one, which would
 * put a TLS handshake into every store request). The certificate it ships has expired, so this
 * one is made for 127.0.0.1 on the spot.
 */
export async function startCosmosServer(): Promise<CosmosServer> {
  // A subject of its own: a trust store holding two certificates of the same subject (the OpenID
  // stand-in's is 127.0.0.1) may check a chain against the wrong one.
  const pems = await loopbackCertificate('Gremium benchmark Cosmos DB');
  const server = createHttpsServer({ key: pems.private, cert: pems.cert, keepAlive: true });
  // The package sets its own Connection header, so Node sends no Keep-Alive timeout the client
  // could heed; with Node's 5 s default the server would close a socket the SDK is about to
  // reuse ("socket hang up"). The real gateway keeps idle connections for minutes.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agents: https.Agent[] = [];
  return {
    endpoint,
    key: EMULATOR_KEY,
    certificate: pems.cert,
    connect: (databaseId) => {
      const agent = new https.Agent({ ca: pems.cert, keepAlive: true });
      agents.push(agent);
      return CosmosStore.connect({ endpoint, key: EMULATOR_KEY, databaseId, containerId: 'documents', agent });
    },
    close: async () => {
      for (const agent of agents) agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
