import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../../src/app/ports/logger';
import { fixedClock } from '../../src/domain/clock';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import {
  botFrameworkClaims,
  newSigningKey,
  signToken,
  startOpenIdMetadataServer,
  trustInThisProcess,
  type OpenIdMetadataServer,
} from '../support/bot-framework-keys';
import { recordingStore, type StoreCall } from '../support/recording-store';
import { openTempStore, type TempStore } from '../support/temp-store';

const BOT_ID = '0a1b2c3d-0000-4000-8000-000000000001';
const TENANT = '0a1b2c3d-0000-4000-8000-000000000002';
const FOREIGN_TENANT = '0a1b2c3d-0000-4000-8000-0000000000ee';

describe('server/authentication', () => {
  const trusted = newSigningKey('trusted-key');
  let temp: TempStore;
  let server: GremiumServer;
  let metadata: OpenIdMetadataServer;
  let untrust: () => void;
  let connector: http.Server;
  let connectorCalls: number;
  let serviceUrl: string;
  let storeCalls: StoreCall[];

  before(async () => {
    metadata = await startOpenIdMetadataServer([trusted]);
    untrust = trustInThisProcess(metadata.certificate);
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
    // Without the outbox and scheduler loops, whose polling would blur what a request did to the store.
    const recorded = recordingStore(temp.store);
    storeCalls = recorded.calls;
    server = await startGremiumServer({
      config: { ...config, host: '127.0.0.1' },
      store: recorded.store,
      clock: fixedClock('2026-11-21T10:00:00Z'),
      logger: silentLogger,
      background: false,
    });
  });

  after(async () => {
    await server.stop(1000);
    await temp.cleanup().catch(() => undefined);
    await metadata.close();
    untrust();
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

  /** Posts the activity with a clean record of store calls, so each case sees only its own. */
  const post = (authorization?: string, body: object = activity()) => {
    storeCalls.splice(0);
    return fetch(`${server.http.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  };

  const claims = (overrides: Record<string, unknown> = {}) => botFrameworkClaims(BOT_ID, serviceUrl, overrides);

  async function assertRefusedWithoutTrace(authorization?: string): Promise<void> {
    const response = await post(authorization);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { status: 'unauthorized' });
    assert.equal(connectorCalls, 0, 'the bot replied');
    assert.deepEqual(storeCalls, [], 'the turn ran: the store was read or written');
    assert.deepEqual(
      await temp.store.query('tenant-' + TENANT, { type: 'conversation' }),
      [],
      'the request left data behind',
    );
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
    await assertRefusedWithoutTrace(
      `Bearer ${signToken(trusted, claims({ aud: '0a1b2c3d-0000-4000-8000-000000000099' }))}`,
    );
  });

  it('refuses a correctly signed token from another issuer', async () => {
    await assertRefusedWithoutTrace(
      `Bearer ${signToken(trusted, claims({ iss: 'https://sts.windows.net/' + TENANT + '/' }))}`,
    );
    await assertRefusedWithoutTrace(
      `Bearer ${signToken(trusted, claims({ iss: 'https://api.botframework.example' }))}`,
    );
  });

  it('refuses a token that is not a bearer token', async () => {
    await assertRefusedWithoutTrace(`Basic ${Buffer.from(`${BOT_ID}:not-used-in-this-test`).toString('base64')}`);
  });

  it('refuses garbage in the authorization header', async () => {
    await assertRefusedWithoutTrace('Bearer not.a.jwt');
  });

  it('refuses an expired token', async () => {
    const longAgo = Math.floor(Date.now() / 1000) - 7200;
    await assertRefusedWithoutTrace(
      `Bearer ${signToken(trusted, claims({ iat: longAgo - 3600, nbf: longAgo - 3600, exp: longAgo }))}`,
    );
  });

  it('answers an authenticated click from a tenant it does not serve with the refusal card, touching no data', async () => {
    const click = {
      ...activity(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'setup.save', data: { name: 'Fremd' } } },
      conversation: { id: 'a:mallory', conversationType: 'personal', tenantId: FOREIGN_TENANT },
      channelData: { tenant: { id: FOREIGN_TENANT } },
    };
    const response = await post(`Bearer ${signToken(trusted, claims())}`, click);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { value?: unknown };
    assert.match(JSON.stringify(body.value), /nicht freigegeben/);
    assert.deepEqual(storeCalls, []);
    assert.equal(connectorCalls, 0);
  });

  it('accepts a token the Bot Framework signed for this bot, so the refusals above are about the token', async () => {
    const response = await post(`Bearer ${signToken(trusted, claims())}`);
    assert.equal(response.status, 200);
    assert.ok(storeCalls.length > 0, 'the turn ran');
    const conversations = await temp.store.query('tenant-' + TENANT, { type: 'conversation' });
    assert.equal(conversations.length, 1);
  });
});
