import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/support/processes';
import { startMain } from './main-process';

/** Whether a TCP connection to the address and port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('server/main', function () {
  this.timeout(60_000);

  it('refuses to start with one message listing every bad variable', async () => {
    const { exited } = startMain({ PORT: 'abc', BOT_TYPE: 'Anonymous', STORE: 'elsewhere' });
    const { code, stderr } = await exited;
    assert.equal(code, 2);
    assert.match(stderr, /Invalid configuration:/);
    assert.match(stderr, /PORT must be a port number/);
    assert.match(stderr, /BOT_TYPE must be one of/);
    assert.match(stderr, /STORE must be "embedded" or "cosmos"/);
    assert.match(stderr, /env\/\.env\.example/);
  });

  it('refuses to start without BOT_ID unless LOCAL_MODE=true, saying which variable to set', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-main-'));
    try {
      const { code, stdout, stderr } = await startMain({ PORT: String(await freePort()), DATA_DIR: dataDir }).exited;
      assert.equal(code, 2);
      assert.match(stderr, /BOT_ID is not set: set BOT_ID .* for a deployment, or LOCAL_MODE=true for a local run/);
      assert.doesNotMatch(stdout, /listening|Gremium is ready/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('warns in local mode, listens on the loopback interface only, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-main-'));
    try {
      const port = await freePort();
      const main = startMain({ PORT: String(port), DATA_DIR: dataDir, LOCAL_MODE: 'true' });
      const stdout = await main.output(/Gremium is ready/);
      assert.match(stdout, /"level":40.*LOCAL_MODE=true: local mode without authentication/);
      assert.match(stdout, new RegExp(`"url":"http://127\\.0\\.0\\.1:${port}"`));
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
      // Every other address of this machine refuses the connection: the bot is not bound to it.
      const external = Object.values(os.networkInterfaces())
        .flat()
        .filter((address) => address && !address.internal && address.family === 'IPv4')
        .map((address) => address!.address);
      for (const address of external) assert.equal(await connects(address, port), false, `reachable on ${address}`);
      main.child.kill('SIGTERM');
      const { code, stdout: finalOutput } = await main.exited;
      assert.equal(code, 0);
      assert.match(finalOutput, /shutting down/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
