import { Application, type AdaptiveCard, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'restify';
import type { Logger } from '../src/app/ports/logger';
import { createAdapter, type BotRegistration } from '../src/bot/create-adapter';
import { VERBS } from '../src/cards/verbs';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer } from '../src/server/http-server';

/** What the echo bot answers to a card click: a fixed card, as a bot with no store would. */
const ANSWER_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Danke, Ihre Antwort ist gespeichert.', wrap: true }],
};

export interface EchoBot {
  readonly url: string;
  stop(graceMs?: number): Promise<void>;
}

/**
 * The baseline of the benchmarks: a bare teams-ai echo bot on the same stack as Gremium (the
 * restify HTTP server with `/readyz`, the Teams adapter made the same way, so it validates tokens
 * exactly as Gremium does when the registration has an app id, and the teams-ai Application). It
 * echoes a message's text and answers any RSVP click with a fixed card; it has no store, no cards
 * of its own, no background work, so what a figure shows beyond it is what Gremium itself costs.
 */
export async function startEchoBot(options: {
  readonly registration: BotRegistration;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
}): Promise<EchoBot> {
  const { logger } = options;
  const adapter = createAdapter(options.registration);
  const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  });
  app.adaptiveCards.actionExecute(VERBS.rsvpAnswer, async () => ANSWER_CARD as unknown as AdaptiveCard);
  app.error(async (_context, error) => logger.error({ err: error }, 'unhandled turn error'));
  const http = await startHttpServer({
    port: options.port,
    host: options.host,
    logger,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    handleMessage: (request: Request, response: Response) =>
      adapter.process(request, passThrough(response), (context) => app.run(context).then(() => undefined)),
    isReady: async () => true,
    calendarFile: async () => undefined,
    minutesFile: async () => undefined,
  });
  return { url: http.url, stop: async (graceMs = 5000) => void (await http.stop(graceMs)) };
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
