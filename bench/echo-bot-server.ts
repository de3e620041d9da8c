import { Application, type AdaptiveCard, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'restify';
import { createAdapter } from '../src/bot/create-adapter';
import { VERBS } from '../src/cards/verbs';
import { createLogger } from '../src/infra/logger';
import { loadConfig } from '../src/server/config';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer } from '../src/server/http-server';

/** What the echo bot answers to a card click: a fixed card, as a bot with no store would. */
const ANSWER_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Danke, Ihre Antwort ist gespeichert.', wrap: true }],
};

/**
 * The baseline of the process benchmarks: a bare teams-ai echo bot on the same stack as Gremium
 * (the same configuration, logger, restify HTTP server with `/readyz`, Teams adapter and teams-ai
 * Application), started as its own process the way `npm start` starts Gremium, from the build
 * output (`node dist/bench/echo-bot-server.js`). It echoes a message's text and answers any card
 * click with a fixed card; it has no store, no cards of its own, no background work, so what a
 * figure shows beyond it is what Gremium itself costs.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const adapter = createAdapter(config.bot);
  const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  });
  app.adaptiveCards.actionExecute(VERBS.rsvpAnswer, async () => ANSWER_CARD as unknown as AdaptiveCard);
  app.error(async (_context, error) => logger.error({ err: error }, 'unhandled turn error'));
  const http = await startHttpServer({
    port: config.port,
    host: config.host,
    logger,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    handleMessage: (request: Request, response: Response) =>
      adapter.process(request, passThrough(response), (context) => app.run(context).then(() => undefined)),
    isReady: async () => true,
    calendarFile: async () => undefined,
    minutesFile: async () => undefined,
  });
  logger.info({ url: http.url }, 'echo bot is ready');
  const shutdown = () => void http.stop(2000).then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** The same shape of response object Gremium's server hands the adapter, without its rewriting. */
function passThrough(response: Response) {
  return {
    socket: response.socket,
    header: (name: string, value: unknown) => response.header(name, value as string),
    status: (code: number) => response.status(code),
    send: (body: unknown) => response.send(body),
    end: () => response.end(),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`echo bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
