/**
 * A sender process for the crash test: drains the outbox of the store named in its environment
 * through the connector at CONNECTOR_URL until nothing is pending, then exits 0. The test kills
 * one with SIGKILL half-way and starts another on the same store.
 *
 * Environment: STORE_KIND (embedded | cosmos), DATA_DIR or COSMOS_ENDPOINT + COSMOS_DATABASE,
 * INSTANCE_ID, LEASE_MS, CLOCK_OFFSET_MS (this process's clock runs ahead by it, so a successor
 * finds the killed sender's leases expired without anyone waiting for them).
 */
import { DateTime } from 'luxon';
import { OutboxSender } from '../../../src/app/delivery/outbox-sender';
import type { OutboxRecord } from '../../../src/app/delivery/outbox-record';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';
import { BotFrameworkMessenger } from '../../../src/infra/bot-framework-messenger';
import { CosmosStore } from '../../../src/infra/cosmos-store';
import { EmbeddedStore } from '../../../src/infra/embedded-store';

async function openStore(): Promise<DocumentStore> {
  if (process.env.STORE_KIND === 'cosmos') {
    return CosmosStore.connect({
      endpoint: process.env.COSMOS_ENDPOINT!,
      key: Buffer.from('gremium-emulator-key').toString('base64'),
      databaseId: process.env.COSMOS_DATABASE!,
      containerId: 'documents',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }
  return EmbeddedStore.open({ dataDir: process.env.DATA_DIR! });
}

async function main(): Promise<void> {
  const store = await openStore();
  const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
  const clock = { now: () => DateTime.utc().plus({ milliseconds: offset }) };
  const sender = new OutboxSender(
    {
      store,
      clock,
      messenger: new BotFrameworkMessenger({}),
      renderer: createMessageRenderer('de'),
      limiter: new SendRateLimiter({ limit: 50, windowMs: 1000 }, undefined, 25),
      logger: silentLogger,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      instanceId: process.env.INSTANCE_ID ?? 'worker',
    },
    { leaseMs: Number(process.env.LEASE_MS ?? 60_000) },
  );
  process.stdout.write('ready\n');
  for (;;) {
    await sender.drainOnce();
    const pending = await store.queryAcrossCommittees<OutboxRecord>({
      type: 'outbox',
      where: [{ field: 'status', op: '=', value: 'pending' }],
      limit: 1,
    });
    const undispatched = await store.queryAcrossCommittees({
      type: 'dispatch',
      where: [{ field: 'status', op: '=', value: 'new' }],
      limit: 1,
    });
    if (pending.length === 0 && undispatched.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
