import assert from 'node:assert/strict';
import type { OutboxRecord } from '../../src/app/delivery/outbox-record';
import { silentLogger } from '../../src/app/ports/logger';
import { systemClock } from '../../src/infra/system-clock';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts } from '../app/delivery/delivery-fixtures';
import { ConnectorDouble } from '../support/connector-double';
import { openTempStore, type TempStore } from '../support/temp-store';

/**
 * The composition root's background work: a running server drains the outbox by itself, through
 * the real messenger, and stops its loops before closing the store.
 */
describe('server/gremium-server', function () {
  this.timeout(30_000);
  let temp: TempStore;
  let connector: ConnectorDouble;
  let server: GremiumServer | undefined;

  beforeEach(async () => {
    temp = await openTempStore();
    connector = await ConnectorDouble.start();
  });
  afterEach(async () => {
    await server?.stop(1000);
    await connector.close();
    await temp.cleanup().catch(() => undefined);
  });

  it('delivers a dispatch written to the outbox without anyone asking, and marks it sent', async () => {
    const deps = { store: temp.store, clock: systemClock };
    await knownPeople(deps, 3, connector.url);
    await enqueue(temp.store, 'welcome:1', noticeDrafts('welcome:1', 3), systemClock.now().toISO()!);
    server = await startGremiumServer({ config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir }), store: temp.store, clock: systemClock, logger: silentLogger });
    while (connector.delivered().length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.stop(1000);
    server = undefined;
    assert.equal(connector.deliveredPerConversation().size, 3);
    const reopened = await temp.reopen();
    const sent = await reopened.query<OutboxRecord>(COMMITTEE, { type: 'outbox', where: [{ field: 'status', op: '=', value: 'sent' }] });
    assert.equal(sent.length, 3, 'the loop settled every record before the store was closed');
  });
});
