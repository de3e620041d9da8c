import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { silentLogger } from '../../src/app/ports/logger';
import { runDueJobs, type JobHandler } from '../../src/app/scheduling/run-due-jobs';
import { scheduleJobs } from '../../src/app/scheduling/schedule-jobs';
import { EmbeddedStore } from '../../src/infra/embedded-store';
import { CosmosEmulator } from '../support/cosmos-emulator';
import { ManualClock } from '../support/manual-clock';
import { openTempStore } from '../support/temp-store';

/** Two schedulers, each with its own connection to one store, racing for the same due jobs. */
describe('infra: two schedulers on one store', function () {
  this.timeout(60_000);
  let emulator: CosmosEmulator;
  before(async () => (emulator = await CosmosEmulator.start()));
  after(async () => emulator.close());

  const engines: Array<{
    name: string;
    open: () => Promise<{ stores: [DocumentStore, DocumentStore]; cleanup: () => Promise<void> }>;
  }> = [
    {
      name: 'embedded store',
      open: async () => {
        const temp = await openTempStore();
        const second = await EmbeddedStore.open({ dataDir: temp.dataDir });
        return { stores: [temp.store, second], cleanup: async () => (await second.close(), await temp.cleanup()) };
      },
    },
    {
      name: 'Cosmos DB (cosmosdb-server)',
      open: async () => {
        const databaseId = `jobs-${randomUUID()}`;
        const first = await emulator.connect(databaseId);
        const second = await emulator.connect(databaseId);
        return { stores: [first, second], cleanup: async () => (await first.close(), await second.close()) };
      },
    },
  ];

  for (const engine of engines) {
    it(`fires each due job once across committees (${engine.name})`, async () => {
      const { stores, cleanup } = await engine.open();
      try {
        const clock = new ManualClock('2027-03-01T08:00:00Z');
        for (let committee = 0; committee < 3; committee += 1) {
          for (let subject = 0; subject < 10; subject += 1) {
            await scheduleJobs({ store: stores[0], clock }, `committee-${committee}`, `session-${subject}`, [
              { kind: 'reminder', dueAt: '2027-03-01T07:00:00.000Z' },
              { kind: 'later', dueAt: '2027-03-02T07:00:00.000Z' },
            ]);
          }
        }
        const fired: string[] = [];
        const handlers: Record<string, JobHandler> = {
          reminder: async (job) => void fired.push(`${job.committeeId}/${job.subjectId}`),
          later: async (job) => void fired.push(`later ${job.committeeId}/${job.subjectId}`),
        };
        const [a, b] = await Promise.all(
          stores.map((store, index) =>
            runDueJobs({ store, clock, logger: silentLogger, instanceId: `instance-${index}` }, handlers),
          ),
        );
        assert.equal(fired.length, 30, 'every due job fired');
        assert.equal(new Set(fired).size, 30, 'none fired twice');
        assert.equal(a!.length + b!.length, 30);
        assert.deepEqual(
          await runDueJobs({ store: stores[1], clock, logger: silentLogger, instanceId: 'instance-1' }, handlers),
          [],
        );
      } finally {
        await cleanup();
      }
    });
  }
});
