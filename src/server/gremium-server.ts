import type { Request, Response } from 'restify';
import type { AppDependencies } from '../app/dependencies';
import type { Logger } from '../app/ports/logger';
import type { DocumentStore } from '../app/ports/document-store';
import { createAdapter } from '../bot/create-adapter';
import { createBot } from '../bot/create-bot';
import type { Clock } from '../domain/clock';
import type { Config } from './config';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer, type RunningHttpServer } from './http-server';

/**
 * The adapter answers failures with the error's message (an upstream host name, a token
 * validation detail). Callers learn nothing from it, so failure bodies are replaced by a status
 * word; successful bodies (invoke responses) pass unchanged. A failure before the turn started
 * happened while checking the token (botbuilder raises a bad signature as a plain error, which
 * it would answer with 500): the request was not authenticated, so it is answered with 401.
 */
function withoutInternalDetails(response: Response, turnStarted: () => boolean) {
  let status = 200;
  return {
    socket: response.socket,
    header: (name: string, value: unknown) => response.header(name, value as string),
    status: (code: number) => {
      status = code >= 500 && !turnStarted() ? 401 : code;
      return response.status(status);
    },
    send: (body: unknown) => response.send(status >= 400 ? { status: status === 401 ? 'unauthorized' : 'error' } : body),
    end: () => response.end(),
  };
}

export interface GremiumServer {
  readonly http: RunningHttpServer;
  /** Stops accepting, finishes turns in flight, closes the store; within `graceMs` in all. */
  stop(graceMs?: number): Promise<void>;
}

export interface GremiumServerParts {
  readonly config: Config;
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The one place that wires store, use cases, bot and HTTP together. */
export async function startGremiumServer({ config, store, clock, logger }: GremiumServerParts): Promise<GremiumServer> {
  const deps: AppDependencies = { store, clock };
  const adapter = createAdapter(config.bot);
  const app = createBot({ deps, adapter, defaultLocale: config.defaultLocale, logger });
  const http = await startHttpServer({
    port: config.port,
    host: config.host,
    logger,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    handleMessage: (request: Request, response: Response) => {
      let turnStarted = false;
      return adapter.process(request, withoutInternalDetails(response, () => turnStarted), async (context) => {
        turnStarted = true;
        await app.run(context);
      });
    },
    isReady: async () => {
      await store.ping();
      return true;
    },
  });
  let stopping: Promise<void> | undefined;
  return {
    http,
    stop(graceMs = 8000) {
      stopping ??= (async () => {
        const finished = await http.stop(graceMs);
        if (!finished) logger.warn({ graceMs }, 'turns still running at shutdown were cut off');
        await store.close();
      })();
      return stopping;
    },
  };
}
