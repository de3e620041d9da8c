import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import restify, { type Request, type Response } from 'restify';
import { minutesDocumentId, type MinutesDocument } from '../src/app/minutes/minutes-document';
import type { MinutesPrint } from '../src/app/minutes/minutes-print';
import { fixedClock } from '../src/domain/clock';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { WorkerPdfRenderer } from '../src/infra/worker-pdf-renderer';
import { loadConfig } from '../src/server/config';
import { DEFAULT_PDF_RENDERING, startGremiumServer } from '../src/server/gremium-server';
import { spreadOf, type Spread } from './bot-process';
import { largestMinutesPrint } from './largest-minutes';
import { currentPrint, minutesDocument, minutesLinkPath, renderTimesInProcess, unclosable } from './pdf-load';
import { COMMITTEE, countingLogger, NOW, SESSION, seedInvitedCommittee } from './rsvp-answers';

/** The static file the cached minutes are compared with. */
const STATIC_BYTES = 1024 * 1024;
const STATIC_PATH = '/bench/static-1mb.pdf';

export interface PdfServeOptions {
  /** Downloads of each kind, taking turns, one at a time. */
  readonly requests: number;
  /** Members of the committee, as many attendees in the minutes. */
  readonly members: number;
  /** The minutes as printed; the largest the limits allow unless a smaller one is given. */
  readonly print?: (members: number) => MinutesPrint;
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
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-pdf-serve-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOCAL_MODE: 'true' });
  const clock = fixedClock(NOW);
  const store = await EmbeddedStore.open({ dataDir });
  const pool = new WorkerPdfRenderer({ ...DEFAULT_PDF_RENDERING });
  const print = (options.print ?? ((members) => largestMinutesPrint(members)))(options.members);
  try {
    await seedInvitedCommittee(store, { store, clock }, options.members);
    await store.create(minutesDocument(print, options.members));
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
      const head = await store.get<MinutesDocument>(COMMITTEE, minutesDocumentId(SESSION));
      const minutesUrl = `${server.http.url}${await minutesLinkPath(store, clock, head!.publishedVersion!)}`;
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
      const cachedServeMs = spreadOf(cached);
      const staticServeMs = spreadOf(plain);
      const renders = await renderTimesInProcess(await currentPrint(store, print));
      return {
        largestRenderMs: renders.medianMs,
        largestRenderMaxMs: renders.maxMs,
        pdfBytes,
        staticBytes: STATIC_BYTES,
        requests: options.requests,
        cachedServeRatio: Math.round((median(cached) / median(plain)) * 1000) / 1000,
        cachedServeMs,
        staticServeMs,
      };
    } finally {
      await server.stop(5000);
    }
  } finally {
    await pool.close();
    await store.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

if (require.main === module) {
  pdfServe()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
