import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { kogDemoLanguages } from '../../../scripts/demo/kog-demo';
import { PLAYGROUND_QUIET_ENV, playgroundArguments } from '../../../scripts/playground';
import { seedLanguageChoices } from '../../../src/app/preferences/seed-language-choices';
import { EmbeddedStore } from '../../../src/infra/embedded-store';
import { systemClock } from '../../../src/infra/system-clock';

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(PROJECT_ROOT, 'node_modules/.bin');

/** A port nobody listens on right now, for servers that need a number before they start. */
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

/** Polls a URL until it answers 200, without sleeping for fixed times; fails after `limitMs`. */
export async function waitForHttp(url: string, limitMs: number, process?: ChildProcess): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (process && process.exitCode !== null) throw new Error(`${url}: the process exited with ${process.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${limitMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code once the process has ended. */
  stop(): Promise<number | null>;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  cwd = PROJECT_ROOT,
): RunningProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * The bot as `npm start` runs it, but from source, in local mode on the embedded store; `env`
 * adds to (or overrides) that environment, e.g. a Graph double's address.
 */
export async function startBot(options: {
  port: number;
  dataDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}): Promise<RunningProcess> {
  const environment = { ...botEnvironment(options), ...options.env };
  const bot = run(path.join(BIN, 'tsx'), ['src/server/main.ts'], environment, options.logFile);
  await waitForHttp(`http://127.0.0.1:${options.port}/readyz`, 60_000, bot.child);
  return bot;
}

function botEnvironment(options: { port: number; dataDir: string }): NodeJS.ProcessEnv {
  return {
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    BOT_ID: '',
    LOCAL_MODE: 'true',
    STORE: 'embedded',
    LOG_LEVEL: 'info',
  };
}

/**
 * Loads the demo committee into the data folder, as `npm run seed:demo` does, with the address of
 * the playground whose connector stands for Teams: through it Gremium reads the team's members
 * and opens chats with those it has not talked to yet.
 */
export async function seedDemo(options: {
  port: number;
  dataDir: string;
  logFile: string;
  playgroundPort: number;
}): Promise<void> {
  const environment = {
    ...botEnvironment(options),
    PLAYGROUND_SERVICE_URL: `http://localhost:${options.playgroundPort}/_connector`,
  };
  const seeding = run(path.join(BIN, 'tsx'), ['scripts/seed-demo.ts'], environment, options.logFile);
  const code = await new Promise<number | null>((resolve) => seeding.child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding the demo committee failed with ${code}; see ${options.logFile}`);
}

/**
 * German for the demo's people, who are the playground's users, as `npm run dev` chooses it, and
 * nothing else: no committee. Run before the bot opens the data folder.
 */
export async function seedDemoLanguages(dataDir: string): Promise<void> {
  const store = await EmbeddedStore.open({ dataDir });
  try {
    await seedLanguageChoices({ store, clock: systemClock }, kogDemoLanguages());
  } finally {
    await store.close();
  }
}

/**
 * The Microsoft 365 Agents Playground against the bot, telemetry off, with the project's yml, or
 * with the one in `cwd` (another signed-in person, see playground-as.ts).
 */
export async function startPlayground(options: {
  port: number;
  botPort: number;
  logFile: string;
  cwd?: string;
}): Promise<RunningProcess> {
  const playground = run(
    path.join(BIN, 'agentsplayground'),
    playgroundArguments(`http://127.0.0.1:${options.botPort}/api/messages`, options.port),
    {
      ...PLAYGROUND_QUIET_ENV,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile.replace(/\.log$/, '.playground-internal.log'),
    },
    options.logFile,
    options.cwd,
  );
  await waitForHttp(`http://localhost:${options.port}/`, 60_000, playground.child);
  return playground;
}
