import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const PROJECT_ROOT = path.resolve(__dirname, '..');
/** The built bot, as `npm start` runs it, and the echo bot built beside it. */
export const BUILT = {
  gremium: path.join(PROJECT_ROOT, 'dist/src/server/main.js'),
  echo: path.join(PROJECT_ROOT, 'dist/bench/echo-bot-server.js'),
} as const;
export type BotKind = keyof typeof BUILT;

/** How often a starting process is asked whether it is ready: short, so the figure is its start, not the polling. */
const READY_POLL_MS = 5;
const READY_LIMIT_MS = 60_000;

let built: Promise<void> | undefined;

/** `npm run build` once per benchmark process, so both bots run from the same, current build output. */
export function buildOnce(): Promise<void> {
  built ??= promisify(execFile)('npm', ['run', 'build'], { cwd: PROJECT_ROOT }).then(() => undefined);
  return built;
}

/** A port nobody listens on right now (the bot needs its number before it starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** From spawning the process until `/readyz` first answered 200. */
  readonly readyMs: number;
  /** The process's resident set size now, in bytes, from /proc/<pid>/status (VmRSS). */
  rssBytes(): Promise<number>;
  /** SIGTERM, and resolves once the process has ended. */
  stop(): Promise<void>;
}

/**
 * Starts a built bot as its own process with `node`, in local mode on the embedded store in
 * `dataDir`, on a free port, with background work on as in production, and waits for `/readyz`.
 * `env` overrides any of that (an empty value unsets a variable for the bot's configuration),
 * e.g. a registration with token validation, or the Cosmos DB store.
 */
export async function startBotProcess(
  kind: BotKind,
  options: { dataDir: string; logFile: string; env?: Readonly<Record<string, string>> },
): Promise<BotProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: options.dataDir,
    BOT_ID: '',
    LOCAL_MODE: 'true',
    STORE: 'embedded',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [BUILT[kind]], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  // 'close', not 'exit': output may still arrive after the process ended, and the log must take it.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    log.end();
  };
  try {
    await waitUntilReady(`${url}/readyz`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const readyMs = performance.now() - started;
  return { child, url, readyMs, rssBytes: () => rssOf(child.pid!), stop };
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + READY_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${READY_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** VmRSS of a process, in bytes (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** Median, least and most of some figures, rounded to a tenth. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const tenth = (value: number) => Math.round(value * 10) / 10;
  return { median: tenth(median), min: tenth(sorted[0]!), max: tenth(sorted.at(-1)!) };
}
