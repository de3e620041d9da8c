import type { Request, Response } from 'restify';
import type { AppDependencies } from '../app/dependencies';
import type { Logger } from '../app/ports/logger';
import type { DocumentStore } from '../app/ports/document-store';
import { availableParallelism, hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { auditedStore } from '../app/audit/audited-store';
import { OutboxSender } from '../app/delivery/outbox-sender';
import { createMailRenderer } from '../cards/feed-link-mail';
import type { JobHandler } from '../app/scheduling/run-due-jobs';
import { JOB_HANDLERS } from '../app/scheduling/job-handlers';
import { createSchedulerTick } from '../app/scheduling/scheduler-tick';
import { isSuperseded, minutesFile } from '../app/minutes/minutes-file';
import { sessionCalendar } from '../app/sessions/session-calendar';
import { createAdapter, createBotCredentials } from '../bot/create-adapter';
import { calendarFile } from '../cards/calendar-file';
import { renderSupersededPage } from '../cards/superseded-page';
import { createMessageRenderer } from '../cards/outgoing-messages';
import { SendRateLimiter } from '../domain/delivery/send-rate-limiter';
import { BackgroundLoop } from '../infra/background-loop';
import { BotFrameworkMessenger } from '../infra/bot-framework-messenger';
import { CachedPdfRenderer } from '../infra/cached-pdf-renderer';
import type { PdfRenderer } from '../infra/pdf-renderer';
import { WorkerPdfRenderer } from '../infra/worker-pdf-renderer';
import { IcsCalendarWriter } from '../infra/ics-calendar';
import { createBot } from '../bot/create-bot';
import { dataExportFile } from '../app/privacy/export-personal-data';
import { statusReportFile } from '../app/reports/status-report';
import { renderStatusReportCsv } from '../cards/status-report-csv';
import type { Clock } from '../domain/clock';
import { translator } from '../i18n/translator';
import type { Config } from './config';
import { graphOrganiserCalendar } from './graph-calendar';
import { DEFAULT_MAX_BODY_BYTES, startHttpServer, type RunningHttpServer } from './http-server';
import { oparlInterface } from './oparl-interface';
import { calendarFeedHandlers } from './calendar-feed-handlers';

/**
 * The adapter answers failures with the error's message (an upstream host name, a token
 * validation detail). Callers learn nothing from it, so failure bodies are replaced by a status
 * word; successful bodies (invoke responses) pass unchanged. A failure before the turn started
 * happened while checking the token (botbuilder raises a bad signature as a plain error, which
 * it would answer with 500): the request was not authenticated, so it is answered with 401.
 */
function withoutInternalDetails(response: Response, turnStarted: () => boolean, onUnauthenticated: () => void) {
  let status = 200;
  return {
    socket: response.socket,
    header: (name: string, value: unknown) => response.header(name, value as string),
    status: (code: number) => {
      status = code >= 500 && !turnStarted() ? 401 : code;
      if (status === 401) onUnauthenticated();
      return response.status(status);
    },
    send: (body: unknown) =>
      response.send(status >= 400 ? { status: status === 401 ? 'unauthorized' : 'error' } : body),
    end: () => response.end(),
  };
}

/**
 * How minutes PDFs are made. Renders run on worker threads, one core each while they last: all
 * cores but one for the main thread, at most two, so a busy PDF link never takes the core that
 * answers card clicks. Eight more renders may wait; beyond that a request is answered 503 with
 * Retry-After (a render of the largest minutes takes under half a second, so five seconds later
 * the queue has moved on). Finished files are kept by content, up to 64 MiB and for an hour.
 */
export const DEFAULT_PDF_RENDERING: PdfRendering = {
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  queue: 8,
  retryAfterSeconds: 5,
  cacheBytes: 64 * 1024 * 1024,
  cacheMaxAgeMs: 60 * 60 * 1000,
};

/** Bounds of the PDF rendering; see DEFAULT_PDF_RENDERING. */
export interface PdfRendering {
  /** Renders at once, each on its own worker thread. */
  readonly threads: number;
  /** Renders waiting for a thread at most. */
  readonly queue: number;
  /** What a refused request is told to wait. */
  readonly retryAfterSeconds: number;
  /** Bytes of rendered PDFs kept in memory at most; 0 keeps none and renders every request. */
  readonly cacheBytes: number;
  /** How long a rendered PDF is kept at most, so names in files nobody asks for leave memory. */
  readonly cacheMaxAgeMs: number;
  /**
   * Renders instead of the worker pool (then `threads`, `queue` and `retryAfterSeconds` do not
   * apply); the cache stays in front of it. Its owner closes it.
   */
  readonly renderer?: PdfRenderer;
}

/** Widens Teams' windows a little for the time a request travels; see SendRateLimiter. */
const SEND_MARGIN_MS = 25;

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
  /** Runs the outbox sender and the scheduler in this process (off in tests that drive them). */
  readonly background?: boolean;
  /** What each kind of deadline job does; the session cycle's handlers unless a test passes others. */
  readonly jobHandlers?: Readonly<Record<string, JobHandler>>;
  /** How minutes PDFs are rendered and kept; DEFAULT_PDF_RENDERING for whatever is not given. */
  readonly pdf?: Partial<PdfRendering>;
}

/** The one place that wires store, use cases, bot and HTTP together. */
export async function startGremiumServer({
  config,
  store,
  clock,
  logger,
  background = true,
  jobHandlers = JOB_HANDLERS,
  pdf = {},
}: GremiumServerParts): Promise<GremiumServer> {
  // Every write of every use case, turn and job goes through the audit trail (see auditedStore).
  const deps: AppDependencies = {
    store: auditedStore(store, clock),
    clock,
    logger,
    ...(config.graph
      ? { organiserMailbox: config.graph.organizerMailbox, organiserCalendar: graphOrganiserCalendar(config.graph) }
      : {}),
  };
  const credentials = createBotCredentials(config.bot);
  const adapter = createAdapter(config.bot, credentials);
  const instanceId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const sender = new OutboxSender({
    ...deps,
    messenger: new BotFrameworkMessenger({ botAppId: config.bot.id, credentialsFactory: credentials }),
    renderer: createMessageRenderer(config.defaultLocale, { publicBaseUrl: config.publicBaseUrl }),
    limiter: new SendRateLimiter({ limit: config.deliveryPerSecond, windowMs: 1000 }, undefined, SEND_MARGIN_MS),
    logger,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    instanceId,
    // The calendar address e-mailed to people without Teams starts with the bot's public origin.
    publicBaseUrl: config.publicBaseUrl,
    mailRenderer: createMailRenderer(),
  });
  const schedulerTick = createSchedulerTick({ deps, logger, instanceId, jobHandlers });
  const loops = [
    new BackgroundLoop({
      name: 'outbox',
      idleMs: 1000,
      nextWorkInMs: () => sender.msUntilNextRetry(),
      logger,
      step: async (signal) => {
        const result = await sender.drainOnce(signal);
        return result.expanded + result.sent + result.retried + result.failed + result.finished > 0;
      },
    }),
    new BackgroundLoop({
      name: 'scheduler',
      idleMs: 30_000,
      logger,
      step: schedulerTick,
    }),
  ];
  const app = createBot({
    deps,
    adapter,
    defaultLocale: config.defaultLocale,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    allowedTenants: config.allowedTenants,
  });
  const calendarWriter = new IcsCalendarWriter();
  const supersededPage = renderSupersededPage();
  const pdfRendering = { ...DEFAULT_PDF_RENDERING, ...pdf };
  const pdfPool = pdfRendering.renderer ? undefined : new WorkerPdfRenderer(pdfRendering);
  const uncachedPdfRenderer = pdfRendering.renderer ?? pdfPool!;
  const pdfRenderer =
    pdfRendering.cacheBytes > 0
      ? new CachedPdfRenderer(uncachedPdfRenderer, {
          maxBytes: pdfRendering.cacheBytes,
          maxAgeMs: pdfRendering.cacheMaxAgeMs,
        })
      : uncachedPdfRenderer;
  // The public OParl interface: its routes, and the loop that keeps the published records current.
  const oparl = oparlInterface({ config, deps, pdfRenderer, logger });
  loops.push(oparl.refreshLoop);
  const http = await startHttpServer({
    port: config.port,
    host: config.host,
    logger,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    timeouts: { headersMs: config.http.headersTimeoutMs, requestMs: config.http.requestTimeoutMs },
    handleMessage: (request: Request, response: Response) => {
      let turnStarted = false;
      // Only the fact: the token itself, or why it failed, is nothing an operator needs in a log.
      const refused = () =>
        logger.warn({ path: request.path() }, 'request without a valid Bot Framework token was refused');
      return adapter.process(
        request,
        withoutInternalDetails(response, () => turnStarted, refused),
        async (context) => {
          turnStarted = true;
          await app.run(context);
        },
      );
    },
    isReady: async () => {
      await store.ping();
      return true;
    },
    // A link has one holder, so its file speaks the holder's language, wherever it is opened.
    calendarFile: async (committeeId, sessionId, token) => {
      const calendar = await sessionCalendar(deps, committeeId, sessionId, token);
      if (!calendar) return undefined;
      const event = calendarFile(calendar, translator(calendar.language ?? config.defaultLocale));
      return { fileName: event.fileName, content: calendarWriter.write(event) };
    },
    // A person's subscribed calendar and the invitation's "add to calendar" page.
    ...calendarFeedHandlers({
      deps,
      publicBaseUrl: config.publicBaseUrl,
      defaultLocale: config.defaultLocale,
      calendarWriter,
    }),
    minutesFile: async (committeeId, sessionId, token) => {
      const file = await minutesFile(deps, committeeId, sessionId, token);
      if (!file) return undefined;
      if (isSuperseded(file)) return { superseded: true, html: supersededPage };
      const language = file.language ?? config.defaultLocale;
      return { fileName: file.fileName, content: await pdfRenderer.render(file.print, language, file.sourceKey) };
    },
    exportFile: (committeeId, token) => dataExportFile(deps, committeeId, token),
    // Rendered like the minutes: the PDF through the worker pool and its cache, the CSV in place (a few kilobytes).
    reportFile: async (committeeId, token, format) => {
      const file = await statusReportFile(deps, committeeId, token, format);
      if (!file) return undefined;
      const content =
        format === 'pdf'
          ? await pdfRenderer.render(file.print, config.defaultLocale)
          : renderStatusReportCsv(file.print, translator(config.defaultLocale));
      return { fileName: file.fileName, content };
    },
    routes: oparl.routes,
  });
  if (background) for (const loop of loops) loop.start();
  let stopping: Promise<void> | undefined;
  return {
    http,
    stop(graceMs = 8000) {
      stopping ??= (async () => {
        const [finished] = await Promise.all([http.stop(graceMs), ...loops.map((loop) => loop.stop())]);
        if (!finished) logger.warn({ graceMs }, 'turns still running at shutdown were cut off');
        await pdfPool?.close();
        await store.close();
      })();
      return stopping;
    },
  };
}
