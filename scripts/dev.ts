import { spawn } from 'node:child_process';
import path from 'node:path';
import { seedLanguageChoices } from '../src/app/preferences/seed-language-choices';
import { createLogger } from '../src/infra/logger';
import { systemClock } from '../src/infra/system-clock';
import { ConfigError, loadConfig } from '../src/server/config';
import { startGremiumServer } from '../src/server/gremium-server';
import { openStore } from '../src/server/open-store';
import { seedDemoCommittees } from './demo/demo-committees';
import { devGraph } from './dev-graph';
import { kogDemoLanguages } from './demo/kog-demo';
import { PLAYGROUND_QUIET_ENV, playgroundArguments } from './playground';

const ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

/**
 * `npm run dev`: the bot on the embedded store (the demo's two committees are loaded where the
 * store has none, and their people answered in German unless they chose otherwise) and the Microsoft 365
 * Agents Playground against it, telemetry off. Ctrl+C stops both.
 * Always local mode (LOCAL_MODE=true, no BOT_ID): the playground sends no Bot Framework tokens.
 * With DEV_GRAPH_DOUBLE=true the sessions become Outlook events in a local Graph stand-in (see dev-graph.ts).
 */
async function main(): Promise<void> {
  const graph = await devGraph();
  const config = loadConfig({
    LOG_FORMAT: 'pretty',
    ...process.env,
    ...graph.env,
    STORE: process.env.STORE ?? 'embedded',
    BOT_ID: '',
    LOCAL_MODE: 'true',
  });
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  if (graph.baseUrl)
    logger.info(
      { graphBaseUrl: graph.baseUrl, organiserMailbox: config.graph?.organizerMailbox },
      'sessions become Outlook events in a local Graph stand-in',
    );
  const store = await openStore(config);
  const clock = systemClock;
  const seeded = await seedDemoCommittees({ store, clock }, `http://localhost:${PLAYGROUND_PORT}/_connector`);
  for (const { shortName, outcome } of seeded)
    logger.info(
      { dataDir: config.dataDir, committee: shortName },
      outcome === 'created' ? 'demo committee loaded into the store' : 'demo committee there already; left as it is',
    );
  // German for the demo people, whom the playground reports as en-US; a choice made since stays.
  await seedLanguageChoices({ store, clock }, kogDemoLanguages());

  const server = await startGremiumServer({ config, store, clock, logger });
  const playground = spawn(
    path.join(ROOT, 'node_modules/.bin/agentsplayground'),
    playgroundArguments(`${server.http.url}/api/messages`, PLAYGROUND_PORT),
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...PLAYGROUND_QUIET_ENV },
    },
  );
  playground.stdout.on('data', (chunk: Buffer) => {
    const listening = /Listening on (\d+)/.exec(chunk.toString());
    if (listening) {
      process.stdout.write(
        `\n  Gremium is running. Open http://localhost:${listening[1]} in your browser.\n  Demo people and roles: README.md, "Demo". Stop with Ctrl+C.\n\n`,
      );
    }
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    playground.kill('SIGTERM');
    await server.stop();
    await graph.stop();
    process.exit(0);
  };
  playground.once('exit', (code) => {
    if (!stopping) logger.error({ code }, 'the Agents Playground stopped');
    void stop();
  });
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `npm run dev failed: ${error instanceof Error ? error.stack : String(error)}`}\n`,
  );
  process.exit(1);
});
