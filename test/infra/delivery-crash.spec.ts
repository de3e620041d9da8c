import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { OutboxRecord } from '../../src/app/delivery/outbox-record';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { fixedClock } from '../../src/domain/clock';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts } from '../app/delivery/delivery-fixtures';
import { ConnectorDouble } from '../support/connector-double';
import { CosmosEmulator } from '../support/cosmos-emulator';
import { PROJECT_ROOT as ROOT } from '../e2e/support/processes';
import { openTempStore } from '../support/temp-store';

const RECIPIENTS = 200;
const LEASE_MS = 30_000;

/** Resolves when `check` holds, checking whenever the connector has answered something. */
async function until(check: () => boolean, child: ChildProcess): Promise<void> {
  while (!check()) {
    if (child.exitCode !== null) throw new Error(`the worker exited early with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function startWorker(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  // Node itself with tsx's require hook, not the tsx command: that one runs the script in a child
  // process of its own, which a SIGKILL to the command would leave running.
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'test/infra/support/dispatch-worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, LEASE_MS: String(LEASE_MS), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/**
 * A sender killed with SIGKILL in the middle of a 200-recipient dispatch, and a new one started
 * on the same store: everybody gets the message, and the only duplicates possible are the sends
 * that were under way at the kill.
 */
describe('infra: a sender killed mid-dispatch', function () {
  this.timeout(180_000);
  let emulator: CosmosEmulator;
  before(async () => (emulator = await CosmosEmulator.start()));
  after(async () => emulator.close());

  const engines = [
    {
      name: 'embedded store',
      open: async () => {
        const temp = await openTempStore();
        return {
          store: temp.store,
          env: { STORE_KIND: 'embedded', DATA_DIR: temp.dataDir },
          cleanup: () => temp.cleanup(),
        };
      },
    },
    {
      name: 'Cosmos DB (cosmosdb-server)',
      open: async () => {
        const databaseId = `crash-${randomUUID()}`;
        const store = await emulator.connect(databaseId);
        return {
          store,
          env: { STORE_KIND: 'cosmos', COSMOS_ENDPOINT: emulator.endpoint, COSMOS_DATABASE: databaseId },
          cleanup: () => store.close(),
        };
      },
    },
  ];

  for (const engine of engines) {
    it(`loses nothing and duplicates at most the sends in flight (${engine.name})`, async function () {
      const opened = await engine.open();
      const connector = await ConnectorDouble.start();
      try {
        const store: DocumentStore = opened.store;
        const deps = { store, clock: fixedClock(new Date().toISOString()) };
        await knownPeople(deps, RECIPIENTS, connector.url);
        await enqueue(store, 'broadcast:crash', noticeDrafts('broadcast:crash', RECIPIENTS), new Date().toISOString());

        const first = startWorker({ ...opened.env, INSTANCE_ID: 'first' });
        await until(() => connector.delivered().length >= RECIPIENTS / 3, first.child);
        first.child.kill('SIGKILL');
        await first.exited;
        const deliveredAtKill = connector.delivered().length;
        const inFlight = (
          await store.queryAcrossCommittees<OutboxRecord>({
            type: 'outbox',
            where: [
              { field: 'status', op: '=', value: 'pending' },
              { field: 'leaseOwner', op: '=', value: 'first' },
            ],
          })
        ).length;

        const second = startWorker({ ...opened.env, INSTANCE_ID: 'second', CLOCK_OFFSET_MS: String(LEASE_MS + 1000) });
        assert.equal(await second.exited, 0);

        const perConversation = connector.deliveredPerConversation();
        const duplicates = [...perConversation.values()].reduce((sum, count) => sum + count - 1, 0);
        this.test!.title += ` [killed after ${deliveredAtKill} deliveries with ${inFlight} in flight; ${duplicates} duplicates]`;
        assert.equal(perConversation.size, RECIPIENTS, 'every recipient has the message');
        assert.ok(duplicates <= inFlight, `${duplicates} duplicates but only ${inFlight} sends were in flight`);
        const sent = await store.query<OutboxRecord>(COMMITTEE, {
          type: 'outbox',
          where: [{ field: 'status', op: '=', value: 'sent' }],
        });
        assert.equal(sent.length, RECIPIENTS);
      } finally {
        await connector.close();
        await opened.cleanup();
      }
    });
  }
});
