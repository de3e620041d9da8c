import { systemClock } from '../infra/system-clock';
import { createLogger } from '../infra/logger';
import { ConfigError, loadConfig } from './config';
import { startGremiumServer } from './gremium-server';
import { openStore } from './open-store';

/** Shutdown must complete within this, or the process exits anyway (App Service waits ~10 s). */
const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee env/.env.example for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  if (config.localMode) {
    logger.warn(
      { host: config.host },
      'LOCAL_MODE=true: local mode without authentication, listening on the loopback interface only',
    );
  }
  if (!config.localMode && new URL(config.publicBaseUrl).hostname === 'localhost') {
    logger.warn(
      { publicBaseUrl: config.publicBaseUrl },
      'PUBLIC_BASE_URL is not set: calendar links in invitations point at localhost, which nobody else can open',
    );
  }
  const store = await openStore(config);
  const server = await startGremiumServer({ config, store, clock: systemClock, logger });
  logger.info({ url: server.http.url, store: config.store }, 'Gremium is ready');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error({ signal }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    hardStop.unref();
    server.stop(SHUTDOWN_LIMIT_MS - 2000).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Gremium could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
