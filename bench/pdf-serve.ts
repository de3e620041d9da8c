import { randomBytes } from 'node:crypto';
import restify, { type Request, type Response } from 'restify';
import { startGremiumServer } from '../src/server/gremium-server';
import { median, spreadOf, type Spread } from './bot-process';
import {
  currentPrint,
  renderTimesInProcess,
  sentMinutesUrl,
  unclosable,
  withMinutesWorld,
  type MinutesWorldOptions,
} from './minutes-world';
import { countingLogger } from './rsvp-answers';

/** The static file the cached minutes are compared with. */
const STATIC_BYTES = 1024 * 1024;
const STATIC_PATH = '/bench/static-1mb.pdf';

export interface PdfServeOptions extends MinutesWorldOptions {
  /** Downloads of each kind, taking turns, one at a time. */
  readonly requests: number;
}

export const DEFAULT_PDF_SERVE: PdfServeOptions = { requests: 200, members: 60 };

export interface PdfServeResult {
  /** Rendering the largest minutes once on this thread, warm: the median of five. */
  readonly largestRenderMs: number;
  readonly largestRenderMaxMs: number;
  readonly pdfBytes: number;
  readonly staticBytes: number;
  readonly requests: number;
  /** The cached minutes' download time over the static file's, medians. */
  readonly cachedServeRatio: number;
  readonly cachedServeMs: Spread;
  readonly staticServeMs: Spread;
}

/**
 * What serving the largest minutes costs once they are rendered: the real server (its minutes
 * route: secret link looked up in the store, the worker pool's cache) against a static 1 MB file
 * sent by the same restify server instance. Downloads take turns, one at a time, each read to its
 * last byte; the medians are compared.
 */
export async function pdfServe(options: PdfServeOptions = DEFAULT_PDF_SERVE): Promise<PdfServeResult> {
  return withMinutesWorld('pdf-serve', options, async ({ config, clock, store, pool, print }) => {
    const staticFile = randomBytes(STATIC_BYTES);
    const { value: server, restifyServer } = await capturingRestifyServer(() =>
      startGremiumServer({
        config,
        store: unclosable(store),
        clock,
        logger: countingLogger(),
        background: false,
        pdf: { renderer: pool },
      }),
    );
    restifyServer.get(STATIC_PATH, (_request: Request, response: Response, next) => {
      response.sendRaw(200, staticFile, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(staticFile.length),
        'X-Content-Type-Options': 'nosniff',
      });
      next();
    });
    try {
      const minutesUrl = await sentMinutesUrl(server.http.url, store, clock);
      const staticUrl = `${server.http.url}${STATIC_PATH}`;
      // The first download renders the minutes; from then on they come from the cache.
      const pdfBytes = await download(minutesUrl).then((result) => result.bytes);
      for (let index = 0; index < 5; index += 1) await Promise.all([download(minutesUrl), download(staticUrl)]);
      const cached: number[] = [];
      const plain: number[] = [];
      for (let index = 0; index < options.requests; index += 1) {
        cached.push((await download(minutesUrl)).ms);
        plain.push((await download(staticUrl)).ms);
      }
      const renders = await renderTimesInProcess(await currentPrint(store, print));
      return {
        largestRenderMs: renders.medianMs,
        largestRenderMaxMs: renders.maxMs,
        pdfBytes,
        staticBytes: STATIC_BYTES,
        requests: options.requests,
        cachedServeRatio: Math.round((median(cached) / median(plain)) * 1000) / 1000,
        cachedServeMs: spreadOf(cached),
        staticServeMs: spreadOf(plain),
      };
    } finally {
      await server.stop(5000);
    }
  });
}

/**
 * Runs `start` while noting the restify server it creates, so the benchmark can add its static
 * route to the very server Gremium answers on (the server keeps its instance to itself).
 */
async function capturingRestifyServer<T>(
  start: () => Promise<T>,
): Promise<{ value: T; restifyServer: restify.Server }> {
  const original = restify.createServer;
  let created: restify.Server | undefined;
  restify.createServer = ((...args: Parameters<typeof original>) => {
    created = original(...args);
    return created;
  }) as typeof original;
  try {
    const value = await start();
    if (!created) throw new Error('the server was not created with restify.createServer');
    return { value, restifyServer: created };
  } finally {
    restify.createServer = original;
  }
}

/** One GET read to its last byte; fails unless answered 200. */
async function download(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms, bytes: body.byteLength };
}

if (require.main === module) {
  pdfServe()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
