import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, PROJECT_ROOT } from '../e2e/support/processes';

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');

interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real entry point with the given environment and nothing inherited from ours. */
function startMain(env: Record<string, string>) {
  const child = spawn(TSX, ['src/server/main.ts'], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  const output = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (pattern.test(stdout) ? resolve(stdout) : undefined);
      child.stdout.on('data', check);
      child.once('exit', () => reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`)));
      check();
    });
  return { child, exited, output };
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

  it('warns in local mode, listens on the loopback interface only, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-main-'));
    try {
      const port = await freePort();
      const main = startMain({ PORT: String(port), DATA_DIR: dataDir });
      const stdout = await main.output(/Gremium is ready/);
      assert.match(stdout, /"level":40.*BOT_ID is not set: local mode/);
      assert.match(stdout, new RegExp(`"url":"http://127\\.0\\.0\\.1:${port}"`));
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
      main.child.kill('SIGTERM');
      const { code, stdout: finalOutput } = await main.exited;
      assert.equal(code, 0);
      assert.match(finalOutput, /shutting down/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
