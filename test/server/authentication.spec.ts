import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../src/app/ports/logger';
import { fixedClock } from '../../src/domain/clock';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { BOT_FRAMEWORK_ISSUER, newSigningKey, signToken, startOpenIdMetadataServer } from '../support/bot-framework-keys';
import { openTempStore, type TempStore } from '../support/temp-store';

const BOT_ID = '0a1b2c3d-0000-4000-8000-000000000001';
const TENANT = '0a1b2c3d-0000-4000-8000-000000000002';

describe('server/authentication', () => {
  const trusted = newSigningKey('trusted-key');
  let temp: TempStore;
  let server: GremiumServer;
  let metadata: { url: string; close: () => Promise<void> };
  let connector: http.Server;
  let connectorCalls: number;
  let serviceUrl: string;

  before(async () => {
    metadata = await startOpenIdMetadataServer([trusted]);
    connectorCalls = 0;
    connector = http.createServer((_request, response) => {
      connectorCalls += 1;
      response.end('{}');
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    temp = await openTempStore();
    const config = loadConfig({
      PORT: '0',
      BOT_ID,
      BOT_PASSWORD: 'not-used-in-this-test',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: TENANT,
      BOT_OPENID_METADATA_URL: metadata.url,
      DATA_DIR: temp.dataDir,
    });
    server = await startGremiumServer({ config: { ...config, host: '127.0.0.1' }, store: temp.store, clock: fixedClock('2026-11-21T10:00:00Z'), logger: silentLogger });
  });

  after(async () => {
    await server.stop(1000);
    await temp.cleanup().catch(() => undefined);
    await metadata.close();
    await new Promise((resolve) => connector.close(resolve));
  });

  /** A member joining: the bot remembers the conversation but sends nothing back. */
  const activity = () => ({
    type: 'conversationUpdate',
    id: 'activity-1',
    membersAdded: [{ id: '29:mallory' }],
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:mallory', aadObjectId: '0a1b2c3d-0000-4000-8000-0000000000ff', name: 'Mallory' },
    recipient: { id: `28:${BOT_ID}` },
    conversation: { id: 'a:mallory', conversationType: 'personal', tenantId: TENANT },
  });

  const post = (authorization?: string) =>
    fetch(`${server.http.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity()),
    });

  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: BOT_FRAMEWORK_ISSUER, aud: BOT_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
  };

  async function assertRefusedWithoutTrace(authorization?: string): Promise<void> {
    const response = await post(authorization);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { status: 'unauthorized' });
    assert.equal(connectorCalls, 0, 'the bot replied');
    assert.deepEqual(await temp.store.query('tenant-' + TENANT, { type: 'conversation' }), [], 'the request left data behind');
  }

  it('refuses a request without a token', async () => {
    await assertRefusedWithoutTrace();
  });

  it('refuses a token signed by a key the Bot Framework does not publish', async () => {
    await assertRefusedWithoutTrace(`Bearer ${signToken(newSigningKey('forged-key'), claims())}`);
  });

  it('refuses a token that names a published key but was signed by another', async () => {
    const forger = newSigningKey('trusted-key');
    await assertRefusedWithoutTrace(`Bearer ${signToken(forger, claims())}`);
  });

  it('refuses a correctly signed token for another bot', async () => {
    await assertRefusedWithoutTrace(`Bearer ${signToken(trusted, claims({ aud: '0a1b2c3d-0000-4000-8000-000000000099' }))}`);
  });

  it('refuses garbage in the authorization header', async () => {
    await assertRefusedWithoutTrace('Bearer not.a.jwt');
  });

  it('refuses an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 7200;
    await assertRefusedWithoutTrace(`Bearer ${signToken(trusted, claims({ iat: longAgo - 3600, nbf: longAgo - 3600, exp: longAgo }))}`);
  });

  it('accepts a token the Bot Framework signed for this bot, so the refusals above are about the token', async () => {
    const response = await post(`Bearer ${signToken(trusted, claims())}`);
    assert.equal(response.status, 200);
    const conversations = await temp.store.query('tenant-' + TENANT, { type: 'conversation' });
    assert.equal(conversations.length, 1);
  });
});
