import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AppDependencies } from '../../src/app/dependencies';
import type { OutboxRecord } from '../../src/app/delivery/outbox-record';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { BotFrameworkMessenger } from '../../src/infra/bot-framework-messenger';
import { EmbeddedStore } from '../../src/infra/embedded-store';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts, senderFor } from '../app/delivery/delivery-fixtures';
import { ConnectorDouble } from '../support/connector-double';
import { CosmosEmulator } from '../support/cosmos-emulator';
import { ManualClock } from '../support/manual-clock';
import { openTempStore } from '../support/temp-store';

const RECIPIENTS = 200;

interface Engine {
  readonly name: string;
  open(): Promise<{ store: DocumentStore; second: () => Promise<DocumentStore>; cleanup: () => Promise<void> }>;
}

/**
 * The delivery backbone against a connector that behaves like Teams: it enforces the documented
 * limits and answers 429 with Retry-After when they are exceeded. The double and the sender share
 * one manual clock, so pacing and backoff play out in virtual time.
 */
describe('infra: fan-out through a Teams-like connector', function () {
  this.timeout(120_000);
  let emulator: CosmosEmulator;
  before(async () => (emulator = await CosmosEmulator.start()));
  after(async () => emulator.close());

  const engines: Engine[] = [
    {
      name: 'embedded store',
      open: async () => {
        const temp = await openTempStore();
        const opened: DocumentStore[] = [];
        return {
          store: temp.store,
          second: async () => {
            const store = await EmbeddedStore.open({ dataDir: temp.dataDir });
            opened.push(store);
            return store;
          },
          cleanup: async () => {
            for (const store of opened) await store.close();
            await temp.cleanup();
          },
        };
      },
    },
    {
      name: 'Cosmos DB (cosmosdb-server)',
      open: async () => {
        const databaseId = `fan-out-${randomUUID()}`;
        const store = await emulator.connect(databaseId);
        const opened: DocumentStore[] = [store];
        return {
          store,
          second: async () => {
            const other = await emulator.connect(databaseId);
            opened.push(other);
            return other;
          },
          cleanup: async () => {
            for (const each of opened) await each.close();
          },
        };
      },
    },
  ];

  for (const engine of engines) {
    describe(engine.name, () => {
      let opened: Awaited<ReturnType<Engine['open']>>;
      let clock: ManualClock;
      let connector: ConnectorDouble;
      let deps: AppDependencies;

      beforeEach(async () => {
        opened = await engine.open();
        clock = new ManualClock('2026-11-21T10:00:00Z');
        deps = { store: opened.store, clock };
      });
      afterEach(async () => {
        await connector?.close();
        await opened.cleanup();
      });

      const senderOn = (store: DocumentStore, instanceId: string, maxInFlight = 1) =>
        senderFor({ store, clock }, clock, new BotFrameworkMessenger({}), instanceId, { maxInFlight });

      /** Drains until nothing is pending, moving the clock on while the outbox waits for retries. */
      async function drainAll(senders: Array<ReturnType<typeof senderFor>>): Promise<void> {
        for (let round = 0; round < 200; round += 1) {
          await Promise.all(senders.map((sender) => sender.drainOnce()));
          const pending = await opened.store.query<OutboxRecord>(COMMITTEE, {
            type: 'outbox',
            where: [{ field: 'status', op: '=', value: 'pending' }],
            limit: 1,
          });
          if (pending.length === 0) return;
          clock.advance(1000);
        }
        assert.fail('the outbox did not drain');
      }

      /** Faults were injected, and still every recipient got exactly one message and every record is sent. */
      async function assertEachSentOnceDespiteFaults(): Promise<void> {
        const requests = connector.requests();
        assert.ok((requests[429] ?? 0) + (requests[503] ?? 0) >= 10, `injected failures: ${JSON.stringify(requests)}`);
        const perConversation = connector.deliveredPerConversation();
        assert.equal(perConversation.size, RECIPIENTS, 'lost');
        assert.ok(
          [...perConversation.values()].every((count) => count === 1),
          'duplicated',
        );
        const sent = await opened.store.query<OutboxRecord>(COMMITTEE, {
          type: 'outbox',
          where: [{ field: 'status', op: '=', value: 'sent' }],
        });
        assert.equal(sent.length, RECIPIENTS);
      }

      async function prepare(
        options: ConstructorParameters<typeof Object>[0] & Parameters<typeof ConnectorDouble.start>[0],
      ): Promise<void> {
        connector = await ConnectorDouble.start({ ...options, clock: () => clock.now().toMillis() });
        await knownPeople(deps, RECIPIENTS, connector.url);
        await enqueue(opened.store, 'broadcast:1', noticeDrafts('broadcast:1', RECIPIENTS), clock.now().toISO()!);
      }

      it('delivers exactly one message to each of 200 recipients within the limits', async () => {
        await prepare({});
        await drainAll([senderOn(opened.store, 'a')]);
        const perConversation = connector.deliveredPerConversation();
        assert.equal(perConversation.size, RECIPIENTS);
        assert.ok([...perConversation.values()].every((count) => count === 1));
        assert.equal(connector.requests()[429] ?? 0, 0, 'the sender never exceeded a limit');
      });

      it('loses nothing under 10 % injected 429 and 503, and duplicates nothing', async () => {
        await prepare({ inject: { transientRate: 0.1, seed: 7 } });
        await drainAll([senderOn(opened.store, 'a')]);
        await assertEachSentOnceDespiteFaults();
      });

      it('sends in bursts of the whole budget with 50 in flight, and is never throttled', async () => {
        await prepare({});
        await drainAll([senderOn(opened.store, 'a', 50)]);
        const perConversation = connector.deliveredPerConversation();
        assert.equal(perConversation.size, RECIPIENTS);
        assert.ok([...perConversation.values()].every((count) => count === 1));
        assert.equal(connector.requests()[429] ?? 0, 0, 'the sender never exceeded a limit');
        const times = connector.delivered().map((delivery) => delivery.at);
        const inASecond = Math.max(
          ...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length),
        );
        assert.equal(inASecond, 50, 'the budget is used in bursts, and never exceeded');
      });

      it('loses and duplicates nothing under 10 % injected 429 and 503 with 50 in flight', async () => {
        await prepare({ inject: { transientRate: 0.1, seed: 7 } });
        await drainAll([senderOn(opened.store, 'a', 50)]);
        await assertEachSentOnceDespiteFaults();
      });

      it('reports permanent failures and does not retry them', async () => {
        const blocked = new Map<string, 403 | 404>([
          ['a:person-3', 403],
          ['a:person-50', 404],
        ]);
        await prepare({ permanent: blocked });
        await drainAll([senderOn(opened.store, 'a')]);
        clock.advance(3600_000);
        await senderOn(opened.store, 'a').drainOnce();
        assert.equal(connector.requests()[403], 1);
        assert.equal(connector.requests()[404], 1);
        const failed = await opened.store.query<OutboxRecord>(COMMITTEE, {
          type: 'outbox',
          where: [{ field: 'status', op: '=', value: 'failed' }],
          orderBy: { field: 'recipientLabel' },
        });
        assert.deepEqual(
          failed.map((record) => [record.recipientLabel, record.failure?.status]),
          [
            ['Person 3', 403],
            ['Person 50', 404],
          ],
        );
        assert.equal(connector.deliveredPerConversation().size, RECIPIENTS - 2);
      });

      it('sends each record once when two instances drain the same store', async () => {
        await prepare({ inject: { transientRate: 0.1, seed: 11 } });
        await drainAll([senderOn(opened.store, 'a'), senderOn(await opened.second(), 'b')]);
        const perConversation = connector.deliveredPerConversation();
        assert.equal(perConversation.size, RECIPIENTS);
        assert.ok(
          [...perConversation.values()].every((count) => count === 1),
          'duplicated',
        );
      });

      it('sends each record once when two instances with 50 in flight each drain the same store', async () => {
        await prepare({ inject: { transientRate: 0.1, seed: 11 } });
        await drainAll([senderOn(opened.store, 'a', 50), senderOn(await opened.second(), 'b', 50)]);
        const perConversation = connector.deliveredPerConversation();
        assert.equal(perConversation.size, RECIPIENTS);
        assert.ok(
          [...perConversation.values()].every((count) => count === 1),
          'duplicated',
        );
      });
    });
  }
});
