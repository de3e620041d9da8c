import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from '../app/ports/logger';
import { readJsonBody, type BodyRefusal } from './json-request-body';
import { logRequests, restifyLogger } from './request-log';
import { TooBusyError } from '../infra/too-busy-error';

export interface HttpServerOptions {
  readonly port: number;
  readonly host: string;
  readonly logger: Logger;
  /**
   * Largest accepted request body in bytes as they arrive (only uncompressed JSON is accepted);
   * Teams' own messages stay far below it.
   */
  readonly maxBodyBytes: number;
  /** How long a client may take to send its headers, and its whole request; DEFAULT_TIMEOUTS unless given. */
  readonly timeouts?: RequestTimeouts;
  /**
   * Hands a request to the Bot Framework adapter; resolves when the turn is done. The request's
   * `body` holds the activity, read and parsed by the server (see readJsonBody), which has
   * checked nothing about who sent it: the adapter checks the token.
   */
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
   * extract, as the link says), the page saying that a newer version was sent out since (410), or
   * undefined for any link that does not lead to one; the server answers all of those with the
   * same 404. Rejecting with TooBusyError answers 503 with Retry-After.
   */
  readonly minutesFile: (
    committeeId: string,
    sessionId: string,
    token: string,
  ) => Promise<MinutesFile | SupersededPage | undefined>;
  /**
   * A person's data export (JSON) behind the link of their "my data" card, collected when opened,
   * or undefined for a wrong or expired token; all of those get the same 404. No route without it.
   */
  readonly exportFile?: (
    committeeId: string,
    token: string,
  ) => Promise<{ readonly fileName: string; readonly content: string } | undefined>;
  /**
   * The committee's status report behind a link of the report card, as PDF or CSV (the link says
   * which year), or undefined for any link that does not lead to one (all the same 404).
   * Rejecting with TooBusyError answers 503 with Retry-After. No routes without it.
   */
  readonly reportFile?: (
    committeeId: string,
    token: string,
    format: 'pdf' | 'csv',
  ) => Promise<DownloadFile | undefined>;
  /**
   * The page behind an invitation's "add to calendar" button, at the session's calendar link
   * without its `.ics`: the session's file and the subscription to all sessions. `step` is
   * `show` for GET, `subscribe` or `renew` for the page's forms (POST). Undefined for any link
   * that does not lead to one (the same 404). No page without it.
   */
  readonly calendarOfferPage?: (
    committeeId: string,
    sessionId: string,
    token: string,
    step: 'show' | 'subscribe' | 'renew',
  ) => Promise<string | undefined>;
  /**
   * A person's subscribed calendar (`/api/feed/<directory>/<token>.ics`) and the page that offers
   * it (the same address without `.ics`), or undefined for a wrong, replaced or erased token (all
   * the same 404). No routes without it.
   */
  readonly calendarFeed?: (directoryId: string, token: string) => Promise<FeedFile | undefined>;
  readonly feedPage?: (directoryId: string, token: string) => Promise<string | undefined>;
  /**
   * Registers further routes (the OParl interface) after the server's own. Their handlers run
   * their work through `tracked`, so that shutdown waits for it and a failure is answered with a
   * status word.
   */
  readonly routes?: (server: restify.Server, tracked: TrackedWork) => void;
}

/**
 * Runs a request's work counted in flight (see `startHttpServer`): refused with 503 while the
 * server shuts down, failures answered with a status word, TooBusyError with 503 and Retry-After;
 * `headers` go on those answers too.
 */
export type TrackedWork = (
  response: Response,
  work: () => Promise<void>,
  headers?: Readonly<Record<string, string>>,
) => Promise<void>;

/** An iCalendar file as the calendar route hands it out. */
export interface CalendarFile {
  /** The name a browser saves it under. */
  readonly fileName: string;
  /** The iCalendar text. */
  readonly content: string;
}

/** A person's subscribed calendar as the feed route hands it out. */
export interface FeedFile {
  /** The iCalendar text. */
  readonly content: string;
  /** When anything in it last changed (ISO UTC), for Last-Modified. */
  readonly lastModified?: string;
}

/** A PDF of the minutes as the minutes route hands it out. */
export interface MinutesFile {
  /** The name a browser saves it under. */
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * What a link answers when what it was issued for was replaced: a short HTML page, with 410
 * Gone, since the link will never lead to a file again.
 */
export interface SupersededPage {
  readonly superseded: true;
  readonly html: string;
}

/** What a secret link leads to: a file and the name a browser saves it under. */
export interface DownloadFile {
  readonly fileName: string;
  readonly content: string | Buffer;
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
  readonly find: (
    committeeId: string,
    sessionId: string,
    token: string,
  ) => Promise<DownloadFile | SupersededPage | undefined>;
  /** A page at the same address without the extension (the calendar's "add to calendar" page). */
  readonly page?: (committeeId: string, sessionId: string, token: string) => Promise<string | undefined>;
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
 * The Bot Framework adapter throws (answered 500) on a body that is not an object with a string
 * `type`, before it checks the token; such a body is a bad request, whoever sent it.
 */
function isActivityShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Calendar files change with every reschedule, minutes with every version sent, and both are
 * reached by a secret link, so neither the browser nor a proxy may keep a copy.
 */
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** What an HTML page of the bot may do: show itself with its own styles, and send its forms to the bot. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

/** Sends one of the bot's few HTML pages, never kept by a browser or proxy (they may hold a new address). */
function sendPage(response: Response, status: number, html: string): void {
  const page = Buffer.from(html, 'utf8');
  response.sendRaw(status, page, {
    ...NO_STORE,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(page.length),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': PAGE_POLICY,
    'Referrer-Policy': 'no-referrer',
  });
}

/**
 * Calendar apps poll a subscription every hour or so: the feed carries a strong ETag (a digest
 * of its text), and a poll that sends it back (If-None-Match) gets 304 without the body. It may
 * be kept by the subscriber's own client only (`private`), and only as long as it revalidates.
 */
function sendFeed(request: Request, response: Response, feed: FeedFile): void {
  const body = Buffer.from(feed.content, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  const headers: Record<string, string> = {
    'Cache-Control': 'private, no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    ...(feed.lastModified ? { 'Last-Modified': new Date(feed.lastModified).toUTCString() } : {}),
  };
  const asked = request.header('If-None-Match');
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    response.sendRaw(304, Buffer.alloc(0), headers);
    return;
  }
  response.sendRaw(200, body, {
    ...headers,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="gremium.ics"',
    'Content-Length': String(body.length),
  });
}

/**
 * The restify server: the bot endpoint, the two health probes, the sessions' calendar files and
 * the minutes as PDF (Teams bot messages cannot carry files, so cards link here).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  // restify 11 logs with pino; its type package still names bunyan's logger.
  const log = restifyLogger() as unknown as restify.ServerOptions['log'];
  const server = restify.createServer({ name: 'gremium', handleUncaughtExceptions: false, log });
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  server.server.headersTimeout = timeouts.headersMs;
  server.server.requestTimeout = timeouts.requestMs;
  // Read when the server starts listening, so setting it here still counts.
  Object.assign(server.server, { connectionsCheckingInterval: checkingIntervalFor(timeouts) });
  server.on(
    'restifyError',
    (
      _request: Request,
      _response: Response,
      error: { statusCode?: number; toJSON?: () => unknown; toString?: () => string },
      callback: () => void,
    ) => {
      const status = statusWordOf(error.statusCode ?? 500);
      error.toJSON = () => ({ status });
      error.toString = () => status;
      callback();
    },
  );
  logRequests(server, options.logger);
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
  const tracked: TrackedWork = async (response, work, headers = {}) => {
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

  /**
   * A request whose body is refused: the status word only, and the connection closed after the
   * answer when body bytes may still be coming, so they are neither read nor kept. A client that
   * is already gone gets nothing.
   */
  const refuseBody = (request: Request, response: Response, refusal: BodyRefusal): void => {
    const { status, reason, unread } = refusal;
    options.logger.debug({ path: request.path(), status, reason }, 'request body refused');
    if (response.headersSent || !response.socket || response.socket.destroyed) return;
    response.send(status, { status: statusWordOf(status) }, unread ? { Connection: 'close' } : {});
  };

  // The body is read here, not by a restify plugin: only plain JSON within the limit, refused
  // before any parsing otherwise (see readJsonBody). No other route reads a body.
  // restify requires handlers without `next` to be async functions.
  server.post('/api/messages', async (request: Request, response: Response) =>
    tracked(response, async () => {
      const body = await readJsonBody(request, options.maxBodyBytes);
      if (!body.ok) return refuseBody(request, response, body.refusal);
      if (!isActivityShaped(body.value)) {
        return refuseBody(request, response, { status: 400, reason: 'not-an-activity', unread: false });
      }
      request.body = body.value;
      await options.handleMessage(request, response);
    }),
  );

  /**
   * A secret-link download. The token is the whole secret, so every address that does not lead
   * to a file (wrong token, unknown session, a missing extension, any other path below the
   * prefix) gets the same 404, and the lookup is only asked for addresses that can be one.
   */
  const serveSecretLinkDownloads = (download: SecretLinkDownload): void => {
    const suffix = `.${download.extension}`;
    const perSession = download.perSession !== false;
    server.get(
      `/${download.prefix}/:committeeId/${perSession ? ':sessionId/' : ''}:file`,
      async (request: Request, response: Response) =>
        tracked(
          response,
          async () => {
            const {
              committeeId,
              sessionId = perSession ? undefined : '',
              file,
            } = request.params as Partial<Record<string, string>>;
            const token = file?.endsWith(suffix) ? file.slice(0, -suffix.length) : undefined;
            if (!token && download.page && committeeId && sessionId && file && !file.includes('.')) {
              const html = await download.page(committeeId, sessionId, file);
              if (html) sendPage(response, 200, html);
              else response.send(404, { status: 'not found' }, NO_STORE);
              return;
            }
            const found =
              committeeId && sessionId !== undefined && (sessionId || !perSession) && token
                ? await download.find(committeeId, sessionId, token)
                : undefined;
            if (!found) {
              response.send(404, { status: 'not found' }, NO_STORE);
              return;
            }
            if ('superseded' in found) {
              sendPage(response, 410, found.html);
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
  const calendarOfferPage = options.calendarOfferPage;
  if (calendarOfferPage)
    // The page's forms: a new subscription address is made only by a POST, never by opening a link.
    server.post('/api/calendar/:committeeId/:sessionId/:token/:step', async (request: Request, response: Response) =>
      tracked(
        response,
        async () => {
          const { committeeId, sessionId, token, step } = request.params as Partial<Record<string, string>>;
          const html =
            committeeId && sessionId && token && (step === 'subscribe' || step === 'renew')
              ? await calendarOfferPage(committeeId, sessionId, token, step)
              : undefined;
          if (html) sendPage(response, 200, html);
          else response.send(404, { status: 'not found' }, NO_STORE);
        },
        NO_STORE,
      ),
    );
  serveSecretLinkDownloads({
    prefix: 'api/calendar',
    extension: 'ics',
    contentType: 'text/calendar; charset=utf-8',
    find: options.calendarFile,
    ...(calendarOfferPage
      ? { page: (committeeId, sessionId, token) => calendarOfferPage(committeeId, sessionId, token, 'show') }
      : {}),
  });
  const { calendarFeed, feedPage } = options;
  if (calendarFeed && feedPage) {
    // A subscription: the feed at `<token>.ics`, the page that offers it at `<token>`; everything else the same 404.
    server.get('/api/feed/:directoryId/:file', async (request: Request, response: Response) =>
      tracked(
        response,
        async () => {
          const { directoryId, file } = request.params as Partial<Record<string, string>>;
          if (directoryId && file?.endsWith('.ics')) {
            const feed = await calendarFeed(directoryId, file.slice(0, -'.ics'.length));
            if (feed) return sendFeed(request, response, feed);
          } else if (directoryId && file && !file.includes('.')) {
            const html = await feedPage(directoryId, file);
            if (html) return sendPage(response, 200, html);
          }
          response.send(404, { status: 'not found' }, NO_STORE);
        },
        NO_STORE,
      ),
    );
    server.get('/api/feed/*', (_request: Request, response: Response, next) => {
      response.send(404, { status: 'not found' }, NO_STORE);
      next();
    });
  }
  serveSecretLinkDownloads({
    prefix: 'api/minutes',
    extension: 'pdf',
    contentType: 'application/pdf',
    find: options.minutesFile,
  });
  const exportFile = options.exportFile;
  if (exportFile)
    serveSecretLinkDownloads({
      prefix: 'api/export',
      extension: 'json',
      contentType: 'application/json; charset=utf-8',
      perSession: false,
      find: (committeeId, _session, token) => exportFile(committeeId, token),
    });
  const reportFile = options.reportFile;
  if (reportFile) {
    serveSecretLinkDownloads({
      prefix: 'api/report',
      extension: 'pdf',
      contentType: 'application/pdf',
      perSession: false,
      find: (committeeId, _session, token) => reportFile(committeeId, token, 'pdf'),
    });
    serveSecretLinkDownloads({
      prefix: 'api/report-csv',
      extension: 'csv',
      contentType: 'text/csv; charset=utf-8',
      perSession: false,
      find: (committeeId, _session, token) => reportFile(committeeId, token, 'csv'),
    });
  }
  options.routes?.(server, tracked);

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
      const idle =
        inFlight === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => (onIdle = () => resolve(true)));
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
