import { createLogger } from '../src/infra/logger';
import { loadConfig } from '../src/server/config';
import { startEchoBot } from './echo-bot';

/**
 * The echo bot (see `startEchoBot`) started as its own process the way `npm start` starts
 * Gremium, from the build output (`node dist/bench/echo-bot-server.js`), with the same
 * configuration and logger: with BOT_ID and the rest of a deployment's registration it validates
 * every request's token as Gremium does.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const bot = await startEchoBot({ registration: config.bot, logger, port: config.port, host: config.host });
  logger.info({ url: bot.url }, 'echo bot is ready');
  const shutdown = () => void bot.stop(2000).then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`echo bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
