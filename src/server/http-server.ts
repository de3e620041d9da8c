import { STATUS_CODES } from 'node:http';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../app/ports/logger';
import { TooBusyError } from '../infra/too-busy-error';

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  /** Largest accepted request body; Teams' own messages stay far below it. */
  readonly maxBodyBytes: number;
  /** How long a client may take to send its headers, and its whole request; DEFAULT_TIMEOUTS unless given. */
  readonly timeouts?: RequestTimeouts;
  /** Hands a request to the Bot Framework adapter; resolves when the turn is done. */
  readonly handleMessage: (request: Request, response: Response) => Promise<void>;
  /** Whether the store answers; `/readyz` reports 503 while it does not. */
  readonly isReady: () => Promise<boolean>;
  /**
   * The calendar file behind a link of an invitation card, or undefined for any link that does
   * not lead to one; the server answers all of those with the same 404.
   */
  readonly calendarFile: (committeeId: string, sessionId: string, token: string) => Promise<CalendarFile | undefined>;
  /**
   * The minutes as PDF behind a link of a minutes card (full minutes or the working group's
   * extract, as the token says), or undefined for any link that does not lead to one; the server
   * answers all of those with the same 404. Rejecting with TooBusyError answers 503 with
   * Retry-After.
   */
  readonly minutesFile: (committeeId: string, sessionId: string, token: string) => Promise<MinutesFile | undefined>;
  /**
   * A person's data export (JSON) behind the link of their "my data" card, or undefined for a
   * wrong or expired token; all of those get the same 404. No route without it.
   */
  readonly exportFile?: (committeeId: string, token: string) => Promise<{ readonly fileName: string; readonly content: string } | undefined>;
}

/** An iCalendar file as the calendar route hands it out. */
export interface CalendarFile {
  /** The name a browser saves it under. */
  readonly fileName: string;
  /** The iCalendar text. */
  readonly content: string;
}

/** A PDF of the minutes as the minutes route hands it out. */
export interface MinutesFile {
  /** The name a browser saves it under. */
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * A file reached by a secret link: `/<prefix>/<committee>/<session>/<token>.<extension>`. Each
 * kind has its own address and lookup; the answers are the same for all.
 */
interface SecretLinkDownload {
  readonly prefix: string;
  readonly extension: string;
  readonly contentType: string;
  /** Whether the address names a session (`/<prefix>/<committee>/<session>/<token>.<ext>`); a committee's own files omit it. */
  readonly perSession?: boolean;
  readonly find: (committeeId: string, sessionId: string, token: string) => Promise<{ readonly fileName: string; readonly content: string | Buffer } | undefined>;
}

export interface RunningHttpServer {
  readonly port: number;
  readonly url: string;
  /**
   * Stops accepting requests, lets turns and downloads in flight finish for at most `graceMs`,
   * then closes the remaining connections. Resolves with whether every one finished in time.
   */
  stop(graceMs: number): Promise<boolean>;
}

export const DEFAULT_MAX_BODY_BYTES = 512 * 1024;

/** Deadlines for receiving a request, so stalled or trickling clients cannot hold connections. */
export interface RequestTimeouts {
  readonly headersMs: number;
  /** The whole request, body included; the answer's own time (a turn) does not count. */
  readonly requestMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/**
 * Node checks the deadlines above on a timer (30 s by default, longer than the deadlines
 * themselves); a tenth of the headers' deadline, within bounds, keeps the cut-off close to it.
 */
function checkingIntervalFor(timeouts: RequestTimeouts): number {
  return Math.min(1000, Math.max(10, Math.floor(timeouts.headersMs / 10)));
}

/**
 * The body of every error answer restify gives by itself (a malformed or oversized body, an
 * unknown address, a wrong method): the status as a word, without the parser's message.
 */
function statusWordOf(statusCode: number): string {
  return statusCode >= 500 ? 'error' : (STATUS_CODES[statusCode] ?? 'error').toLowerCase();
}

/**
 * Calendar files change with every reschedule, minutes with every version sent, and both are
 * reached by a secret link, so neither the browser nor a proxy may keep a copy.
 */
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * The restify server: the bot endpoint, the two health probes, the sessions' calendar files and
 * the minutes as PDF (Teams bot messages cannot carry files, so cards link here).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = restify.createServer({ name: 'gremium', handleUncaughtExceptions: false });
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  server.server.headersTimeout = timeouts.headersMs;
  server.server.requestTimeout = timeouts.requestMs;
  // Read when the server starts listening, so setting it here still counts.
  Object.assign(server.server, { connectionsCheckingInterval: checkingIntervalFor(timeouts) });
  server.on('restifyError', (_request: Request, _response: Response, error: { statusCode?: number; toJSON?: () => unknown; toString?: () => string }, callback: () => void) => {
    const status = statusWordOf(error.statusCode ?? 500);
    error.toJSON = () => ({ status });
    error.toString = () => status;
    callback();
  });
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

  /**
   * Runs a request that may use the store and counts it in flight, so shutdown waits for it
   * before the store closes. Failures are answered with a status word, never their message; work
   * refused for a full queue (TooBusyError) with 503 and when to try again.
   */
  const tracked = async (response: Response, work: () => Promise<void>, headers: Readonly<Record<string, string>> = {}): Promise<void> => {
    if (draining) {
      response.send(503, { status: 'shutting down' }, headers);
      return;
    }
    inFlight += 1;
    try {
      await work();
    } catch (error) {
      if (error instanceof TooBusyError) {
        options.logger.warn({ retryAfterSeconds: error.retryAfterSeconds }, 'request refused: too busy');
        const retryAfter = { 'Retry-After': String(error.retryAfterSeconds) };
        if (!response.headersSent) response.send(503, { status: 'busy' }, { ...headers, ...retryAfter });
        return;
      }
      options.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) response.send(500, { status: 'error' }, headers);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    }
  };

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, mapFiles: false }),
    // restify requires handlers without `next` to be async functions.
    async (request: Request, response: Response) => tracked(response, () => options.handleMessage(request, response)),
  );

  /**
   * A secret-link download. The token is the whole secret, so every address that does not lead
   * to a file (wrong token, unknown session, a missing extension, any other path below the
   * prefix) gets the same 404, and the lookup is only asked for addresses that can be one.
   */
  const serveSecretLinkDownloads = (download: SecretLinkDownload): void => {
    const suffix = `.${download.extension}`;
    const perSession = download.perSession !== false;
    server.get(`/${download.prefix}/:committeeId/${perSession ? ':sessionId/' : ''}:file`, async (request: Request, response: Response) =>
      tracked(
        response,
        async () => {
          const { committeeId, sessionId = perSession ? undefined : '', file } = request.params as Partial<Record<string, string>>;
          const token = file?.endsWith(suffix) ? file.slice(0, -suffix.length) : undefined;
          const found = committeeId && sessionId !== undefined && (sessionId || !perSession) && token ? await download.find(committeeId, sessionId, token) : undefined;
          if (!found) {
            response.send(404, { status: 'not found' }, NO_STORE);
            return;
          }
          const body = typeof found.content === 'string' ? Buffer.from(found.content, 'utf8') : found.content;
          response.sendRaw(200, body, {
            ...NO_STORE,
            'Content-Type': download.contentType,
            'Content-Disposition': `attachment; filename="${found.fileName.replace(/[^\w.-]/g, '_')}"`,
            'Content-Length': String(body.length),
            'X-Content-Type-Options': 'nosniff',
          });
        },
        NO_STORE,
      ),
    );
    // Any other address below the prefix gets the same answer as a wrong token, not restify's own 404.
    server.get(`/${download.prefix}/*`, (_request: Request, response: Response, next) => {
      response.send(404, { status: 'not found' }, NO_STORE);
      next();
    });
  };
  serveSecretLinkDownloads({ prefix: 'api/calendar', extension: 'ics', contentType: 'text/calendar; charset=utf-8', find: options.calendarFile });
  serveSecretLinkDownloads({ prefix: 'api/minutes', extension: 'pdf', contentType: 'application/pdf', find: options.minutesFile });
  const exportFile = options.exportFile;
  if (exportFile) serveSecretLinkDownloads({ prefix: 'api/export', extension: 'json', contentType: 'application/json; charset=utf-8', perSession: false, find: (committeeId, _session, token) => exportFile(committeeId, token) });

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
