import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VERBS } from '../../src/cards/verbs';
import { freePort } from '../e2e/support/processes';
import {
  BOT_FRAMEWORK_ISSUER,
  botFrameworkClaims,
  newSigningKey,
  signToken,
  startOpenIdMetadataServer,
} from '../support/bot-framework-keys';
import { startMain } from './main-process';

const BOT_ID = '0a1b2c3d-0000-4000-8000-000000000001';
const TENANT = '0a1b2c3d-0000-4000-8000-000000000002';
const FOREIGN_TENANT = '0a1b2c3d-0000-4000-8000-0000000000ee';

/**
 * A whole run of the real entry point with a client secret and a Cosmos DB key configured, at
 * the most verbose log level, through a start, a forged token, a refused tenant and a store that
 * fails: neither secret may appear anywhere in what the process writes.
 */
describe('server/secrets in logs', function () {
  this.timeout(60_000);
  const signing = newSigningKey('trusted-key');
  // Distinctive values, so a match can only be the secret itself.
  const botPassword = `pw~${randomBytes(18).toString('base64url')}`;
  const cosmosKey = randomBytes(48).toString('base64');

  it('never writes the client secret or the store key, whatever happens', async () => {
    const metadata = await startOpenIdMetadataServer([signing]);
    const cosmos: Server = createHttpsServer();
    await new Promise<void>((resolve) => cosmos.listen(0, '127.0.0.1', resolve));
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-secrets-'));
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      BOT_ID,
      BOT_PASSWORD: botPassword,
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: TENANT,
      BOT_OPENID_METADATA_URL: metadata.url,
      COSMOS_ENDPOINT: `https://127.0.0.1:${(cosmos.address() as AddressInfo).port}`,
      COSMOS_KEY: cosmosKey,
      COSMOS_DATABASE: 'secrets-test',
      // Both stand-ins' certificates are self-signed.
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    try {
      await main.output(/Gremium is ready/);
      const url = `http://127.0.0.1:${port}/api/messages`;
      const token = signToken(signing, botFrameworkClaims(BOT_ID, 'http://127.0.0.1:9/'));
      const click = (tenantId: string) =>
        JSON.stringify({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: `click-${tenantId}`,
          value: { action: { type: 'Action.Execute', verb: VERBS.setupOpen, data: { verb: VERBS.setupOpen } } },
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: '29:mallory', aadObjectId: '0a1b2c3d-0000-4000-8000-0000000000ff', name: 'Mallory' },
          recipient: { id: `28:${BOT_ID}` },
          conversation: { id: 'a:mallory', conversationType: 'personal', tenantId },
          channelData: { tenant: { id: tenantId } },
        });
      const post = (authorization: string, body: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });

      const forged = await post(
        `Bearer ${signToken(newSigningKey('forged'), { iss: BOT_FRAMEWORK_ISSUER, aud: BOT_ID })}`,
        click(TENANT),
      );
      assert.equal(forged.status, 401);
      const foreign = await post(`Bearer ${token}`, click(FOREIGN_TENANT));
      assert.equal(foreign.status, 200);
      // The store goes away: the next turn fails inside, and the failure is logged.
      cosmos.closeAllConnections();
      await new Promise((resolve) => cosmos.close(resolve));
      const failing = await post(`Bearer ${token}`, click(TENANT));
      assert.equal(failing.status, 200, 'the person gets an error card, not a broken request');
      assert.match(JSON.stringify(await failing.json()), /Etwas ist schiefgelaufen/);

      main.child.kill('SIGTERM');
      const { stdout, stderr } = await main.exited;
      const written = `${stdout}\n${stderr}`;
      // Each step must have left its trace, or the search below would prove nothing about it.
      assert.match(
        written,
        /request without a valid Bot Framework token was refused/,
        'the forged token left no trace to check',
      );
      assert.match(
        written,
        new RegExp(`"tenantIds":\\["${FOREIGN_TENANT}"\\].*tenant that is not allowed`),
        'the refused tenant left no trace to check',
      );
      assert.match(written, /"level":50.*ECONNREFUSED/, 'the failure left no trace to check');
      assert.equal(written.includes(botPassword), false, 'the client secret was written');
      assert.equal(written.includes(cosmosKey), false, 'the Cosmos DB key was written');
    } finally {
      // SIGTERM lets the bot close its store, as App Service stops it.
      if (main.child.exitCode === null) main.child.kill('SIGTERM');
      await main.exited;
      cosmos.closeAllConnections();
      cosmos.close();
      await metadata.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
