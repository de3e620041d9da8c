import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../test/e2e/support/processes';
import type { ProbeReply, ProbeRequest } from './heap-probe';

const PROJECT_ROOT = path.resolve(__dirname, '..');
/** The built bot, as `npm start` runs it, and the echo bot built beside it. */
export const BUILT = {
  gremium: path.join(PROJECT_ROOT, 'dist/src/server/main.js'),
  echo: path.join(PROJECT_ROOT, 'dist/bench/echo-bot-server.js'),
} as const;
/**
 * The node options `npm start` gives the bot (package.json's start script, the command App Service
 * runs), so that every benchmark runs both bots with the runtime settings production has.
 */
export function startNodeOptions(): string[] {
  const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  const script = path.relative(PROJECT_ROOT, BUILT.gremium);
  if (words[0] !== 'node' || words.at(-1) !== script) {
    throw new Error(`npm start is expected to be "node [options] ${script}", not "${packageJson.scripts.start}"`);
  }
  return words.slice(1, -1);
}

/** Preloaded into a bot whose memory the benchmark looks into (see heap-probe.ts). */
const HEAP_PROBE = path.join(PROJECT_ROOT, 'dist/bench/heap-probe.js');
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

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** From spawning the process until `/readyz` first answered 200. */
  readonly readyMs: number;
  /** The process's resident set size now, in bytes, from /proc/<pid>/status (VmRSS). */
  rssBytes(): Promise<number>;
  /** SIGTERM, and resolves once the process has ended. */
  stop(): Promise<void>;
  /** Only when started with `probe`: the bot's own memory figures, after a full collection if asked. */
  probe?(request: Omit<ProbeRequest, 'id'>): Promise<ProbeReply>;
}

export interface BotProcessOptions {
  readonly dataDir: string;
  readonly logFile: string;
  /** Node options before the script; those of `npm start` (startNodeOptions) unless given. */
  readonly nodeArgs?: readonly string[];
  /**
   * Loads heap-probe.ts with `--expose-gc` and an IPC channel, so `probe` can force a collection
   * and read the heap from inside. A forced collection changes RSS from then on: read RSS first.
   */
  readonly probe?: boolean;
  /** Overrides the bot's environment, e.g. a registration with token validation, or the Cosmos DB store. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts a built bot as its own process with `node` and `npm start`'s node options, in local mode on the embedded store in
 * `dataDir`, on a free port, with background work on as in production, and waits for `/readyz`.
 * `env` overrides any of that (an empty value unsets a variable for the bot's configuration),
 * e.g. a registration with token validation, or the Cosmos DB store.
 */
export async function startBotProcess(kind: BotKind, options: BotProcessOptions): Promise<BotProcess> {
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
  const args = [
    ...(options.probe ? ['--expose-gc', '--require', HEAP_PROBE] : []),
    ...(options.nodeArgs ?? startNodeOptions()),
    BUILT[kind],
  ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: options.probe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
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
  return {
    child,
    url,
    readyMs,
    rssBytes: () => rssOf(child.pid!),
    stop,
    ...(options.probe ? { probe: probeOf(child) } : {}),
  };
}

/** Asks heap-probe.ts in the child, one request at a time, and waits for its answer. */
function probeOf(child: ChildProcess): (request: Omit<ProbeRequest, 'id'>) => Promise<ProbeReply> {
  let next = 0;
  return (request) =>
    new Promise((resolve, reject) => {
      const id = (next += 1);
      const onMessage = (reply: ProbeReply) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(reply);
      };
      const onExit = () => reject(new Error('the bot exited before its heap probe answered'));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...request, id } satisfies ProbeRequest);
    });
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
  const tenth = (value: number) => Math.round(value * 10) / 10;
  return { median: tenth(median(sorted)), min: tenth(sorted[0]!), max: tenth(sorted.at(-1)!) };
}

/** The middle figure, or the mean of the two middle ones; unrounded, for ratios. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
