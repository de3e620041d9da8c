import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../app/ports/logger';

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  /** Largest accepted request body; Teams' own messages stay far below it. */
  readonly maxBodyBytes: number;
  /** Hands a request to the Bot Framework adapter; resolves when the turn is done. */
  readonly handleMessage: (request: Request, response: Response) => Promise<void>;
  /** Whether the store answers; `/readyz` reports 503 while it does not. */
  readonly isReady: () => Promise<boolean>;
}

export interface RunningHttpServer {
  readonly port: number;
  readonly url: string;
  /**
   * Stops accepting requests, lets turns in flight finish for at most `graceMs`, then closes
   * the remaining connections. Resolves with whether every turn finished in time.
   */
  stop(graceMs: number): Promise<boolean>;
}

export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;

/** The restify server: the bot endpoint and the two health probes, nothing else. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = restify.createServer({ name: 'gremium', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;

  server.get('/healthz', (_request, response, next) => {
    response.send(200, { status: 'ok' });
    next();
  });

  server.get('/readyz', async (_request, response) => {
    const ready = !draining && (await options.isReady().catch(() => false));
    response.send(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, mapFiles: false }),
    async (request: Request, response: Response) => {
      if (draining) {
        response.send(503, { status: 'shutting down' });
        return;
      }
      inFlight += 1;
      try {
        await options.handleMessage(request, response);
      } catch (error) {
        options.logger.error({ err: error }, 'request failed');
        if (!response.headersSent) response.send(500, { status: 'error' });
      } finally {
        inFlight -= 1;
        if (inFlight === 0) onIdle?.();
      }
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${address.port}`;
  options.logger.info({ url }, 'listening');

  return {
    port: address.port,
    url,
    async stop(graceMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const idle = inFlight === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => (onIdle = () => resolve(true)));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const finished = await Promise.race([idle, timeout]);
      clearTimeout(timer);
      server.server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}
