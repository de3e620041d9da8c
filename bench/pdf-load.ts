import { Worker } from 'node:worker_threads';
import {
  currentPrint,
  minutesLinkPath,
  renderTimesInProcess,
  sentMinutesUrl,
  unclosable,
  withMinutesWorld,
  type MinutesWorldOptions,
} from './minutes-world';
import type { DocumentStore } from '../src/app/ports/document-store';
import { minutesDocumentId, type MinutesDocument } from '../src/app/minutes/minutes-document';
import type { Clock } from '../src/domain/clock';
import { inProcessPdfRenderer, type PdfRenderer } from '../src/infra/pdf-renderer';
import { DEFAULT_PDF_RENDERING, startGremiumServer, type PdfRendering } from '../src/server/gremium-server';
import {
  click,
  COMMITTEE,
  countingLogger,
  figures,
  memberId,
  NOW,
  ratio,
  round,
  rsvpClick,
  SESSION,
  startConnectorStandIn,
  type LatencyFigures,
} from './rsvp-answers';

const CHOICES = ['inPerson', 'online', 'declined'] as const;

/** Committee members (`members`) click; as many attendees are listed in the minutes. */
export interface PdfLoadOptions extends MinutesWorldOptions {
  /** Card clicks per second, in every phase. */
  readonly clicksPerSecond: number;
  /** PDF downloads per second while under load. */
  readonly pdfPerSecond: number;
  /** New versions saved per second while under load; each makes the next download render. */
  readonly versionsPerSecond: number;
  /** Length of each phase. */
  readonly seconds: number;
  /** PDF downloads per second in the comparison with rendering on the main thread, uncached. */
  readonly mainThreadPdfPerSecond: number;
}

export const DEFAULT_PDF_LOAD: PdfLoadOptions = {
  clicksPerSecond: 10,
  pdfPerSecond: 20,
  versionsPerSecond: 0.5,
  seconds: 20,
  mainThreadPdfPerSecond: 3,
  members: 60,
};

/** PDF downloads as the load generator saw them. */
export interface DownloadFigures {
  readonly requests: number;
  readonly ok: number;
  /** Answered 503 with Retry-After: refused while renders and queue were full. */
  readonly busy: number;
  /** Answered 410: asked for with the link of a version just superseded by the next one sent out. */
  readonly superseded: number;
  /** Any other status, or no answer. */
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** One phase: card clicks at a steady rate, with or without PDF downloads beside them. */
export interface LoadPhase {
  readonly clicks: LatencyFigures;
  readonly downloads?: DownloadFigures;
  /** Renders the server made in the phase, and how many of those failed. */
  readonly renders?: number;
  /** The click p99 over the baseline's. */
  readonly clickP99Ratio?: number;
}

export interface PdfLoadResult {
  readonly name: string;
  readonly options: Omit<PdfLoadOptions, 'print'>;
  /** The server's PDF settings in the loaded phase. */
  readonly rendering: Omit<PdfRendering, 'renderer'>;
  /** Clicks, with the new versions saved as under load, and no download. */
  readonly baseline: LoadPhase;
  /** Clicks while `pdfPerSecond` downloads of the largest minutes run, with `versionsPerSecond` new versions. */
  readonly underLoad: LoadPhase;
  /** For comparison: clicks while `mainThreadPdfPerSecond` downloads are each rendered on the main thread. */
  readonly mainThreadUncached: LoadPhase;
  /** underLoad's click p99 over the baseline's: what PDF downloads cost a card click. */
  readonly clickP99Ratio: number;
  readonly clickP99Ms: number;
  readonly baselineClickP99Ms: number;
  readonly pdf: {
    readonly bytes: number;
    /** Rendering the minutes on one thread, warm: the median and the slowest of five. */
    readonly largestRenderMs: number;
    readonly largestRenderMaxMs: number;
    /** The longest render on a worker thread while under load. */
    readonly workerLongestRenderMs: number;
  };
  /** No click failed alone or under load, and every download under load was served or refused with 503. */
  readonly ok: boolean;
}

/**
 * What PDF downloads cost a card click. Card clicks (invitation answers, as in the RSVP
 * benchmark) go at a steady rate to the real server while new versions of the largest minutes are
 * saved at `versionsPerSecond`: first without downloads, then while a load generator on its own
 * thread downloads the minutes at `pdfPerSecond` (the first download of each version renders it,
 * the others are served from the cache or wait for that render). The ratio of the clicks' p99 is
 * the figure. For comparison, the old way: every download rendered on the main thread, at a far
 * lower rate.
 */
export async function pdfLoad(options: PdfLoadOptions = DEFAULT_PDF_LOAD): Promise<PdfLoadResult> {
  const rendering = { ...DEFAULT_PDF_RENDERING };
  return withMinutesWorld('pdf', options, async ({ config, clock, store, pool, print, revision }) => {
    const connector = await startConnectorStandIn();
    try {
      let clickIndex = 0;
      const nextClick = () => {
        const index = clickIndex++;
        const member = index % options.members;
        return rsvpClick(connector.url, memberId(member), member, revision, CHOICES[index % CHOICES.length]!);
      };
      const phase = async (
        renderer: PdfRenderer,
        pdfPerSecond: number,
        versionsPerSecond: number,
        cacheBytes = rendering.cacheBytes,
      ) => {
        const logger = countingLogger();
        const server = await startGremiumServer({
          config,
          store: unclosable(store),
          clock,
          logger,
          background: false,
          pdf: { renderer, cacheBytes },
        });
        try {
          const url = await sentMinutesUrl(server.http.url, store, clock);
          // Warm up: connections, code paths, a worker thread and the current version's file.
          await Promise.all(Array.from({ length: 10 }, () => click(server.http.url, nextClick())));
          if (pdfPerSecond > 0) await (await fetch(url)).arrayBuffer();
          const rendersBefore = pool.stats().rendered;
          const downloads = pdfPerSecond > 0 ? downloadAtRate(url, pdfPerSecond, options.seconds) : undefined;
          // One save after the other, as one editor would; a save waits for the one before. Each is
          // sent out, and the downloads follow the newest link from then on.
          let saved = Promise.resolve();
          const save = async () => downloads?.follow(`${server.http.url}${await newVersion(store, clock)}`);
          const saving = atRate(versionsPerSecond, options.seconds, () => (saved = saved.then(save)));
          const clicks = await Promise.all(
            await atRate(options.clicksPerSecond, options.seconds, () => click(server.http.url, nextClick())),
          );
          await Promise.all(await saving);
          return {
            clicks: figures(clicks, logger.errors(), 0),
            ...(downloads
              ? { downloads: await downloads.figures, renders: pool.stats().rendered - rendersBefore }
              : {}),
          };
        } finally {
          await server.stop(30_000);
        }
      };

      // The secretariat's saves run in the baseline too, so the ratio is what the downloads cost.
      const baseline = await phase(pool, 0, options.versionsPerSecond);
      const underLoad = await phase(pool, options.pdfPerSecond, options.versionsPerSecond);
      // The old way: no cache, every download rendered on the main thread.
      const mainThread = await phase(inProcessPdfRenderer, options.mainThreadPdfPerSecond, 0, 0);
      const renderTimes = await renderTimesInProcess(await currentPrint(store, print));

      const clickP99Ratio = ratio(underLoad.clicks.p99Ms, baseline.clicks.p99Ms);
      // The old way is expected to fail clicks (a click waiting longer than the request deadline is cut off).
      const clicksOk = [baseline, underLoad].every((result) => result.clicks.errors + result.clicks.loggedErrors === 0);
      const downloadsOk = underLoad.downloads!.errors === 0 && underLoad.downloads!.ok > 0;
      return {
        name: `card clicks while ${options.pdfPerSecond} downloads per second fetch the largest minutes`,
        options: {
          clicksPerSecond: options.clicksPerSecond,
          pdfPerSecond: options.pdfPerSecond,
          versionsPerSecond: options.versionsPerSecond,
          seconds: options.seconds,
          mainThreadPdfPerSecond: options.mainThreadPdfPerSecond,
          members: options.members,
        },
        rendering: {
          threads: rendering.threads,
          queue: rendering.queue,
          retryAfterSeconds: rendering.retryAfterSeconds,
          cacheBytes: rendering.cacheBytes,
          cacheMaxAgeMs: rendering.cacheMaxAgeMs,
        },
        baseline: { clicks: baseline.clicks },
        underLoad: { ...underLoad, clickP99Ratio },
        mainThreadUncached: {
          clicks: mainThread.clicks,
          downloads: mainThread.downloads,
          clickP99Ratio: ratio(mainThread.clicks.p99Ms, baseline.clicks.p99Ms),
        },
        clickP99Ratio,
        clickP99Ms: underLoad.clicks.p99Ms,
        baselineClickP99Ms: baseline.clicks.p99Ms,
        pdf: {
          bytes: renderTimes.bytes,
          largestRenderMs: renderTimes.medianMs,
          largestRenderMaxMs: renderTimes.maxMs,
          workerLongestRenderMs: round(pool.stats().longestRenderMs),
        },
        ok: clicksOk && downloadsOk,
      };
    } finally {
      await connector.close();
    }
  });
}

/**
 * Saves the head as a new version (the same text) and sends it out, so downloads through the
 * secretariat's new link render it once; answers that link's path on the server.
 */
async function newVersion(store: DocumentStore, clock: Clock): Promise<string> {
  const head = await store.get<MinutesDocument>(COMMITTEE, minutesDocumentId(SESSION));
  const version = head!.version + 1;
  await store.replace(
    {
      ...head!,
      version,
      publishedVersion: version,
      updatedAt: new Date(Date.parse(NOW) + version * 60_000).toISOString(),
    },
    head!._etag,
  );
  return minutesLinkPath(store, clock, version);
}

/**
 * Calls `act` `perSecond` times a second for `seconds`, on schedule whether or not earlier calls
 * have finished (an open loop, as independent people would); resolves once all are started.
 */
async function atRate<T>(perSecond: number, seconds: number, act: () => Promise<T>): Promise<Promise<T>[]> {
  const started: Promise<T>[] = [];
  const count = Math.round(perSecond * seconds);
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const wait = start + (index * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const call = act();
    // Awaited by the caller once all are started; until then a failure must not end the process.
    call.catch(() => undefined);
    started.push(call);
  }
  return started;
}

/**
 * Downloads the PDF at a steady rate from a thread of its own, so reading the files costs the
 * server's thread nothing that a browser elsewhere would not cost it.
 */
function downloadAtRate(
  firstUrl: string,
  perSecond: number,
  seconds: number,
): { readonly figures: Promise<DownloadFigures>; follow(url: string): void } {
  const source = `
    const { workerData, parentPort } = require('node:worker_threads');
    const { perSecond, seconds } = workerData;
    let url = workerData.url;
    parentPort.on('message', (next) => (url = next));
    (async () => {
      const samples = [];
      const pending = [];
      const count = Math.round(perSecond * seconds);
      const start = performance.now();
      for (let index = 0; index < count; index += 1) {
        const wait = start + (index * 1000) / perSecond - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        pending.push((async () => {
          const sent = performance.now();
          try {
            const response = await fetch(url);
            const body = await response.arrayBuffer();
            const pdf = response.status === 200 && Buffer.from(body.slice(0, 5)).toString('latin1') === '%PDF-';
            samples.push({ ms: performance.now() - sent, status: response.status === 200 && !pdf ? -1 : response.status, retryAfter: response.headers.get('retry-after') });
          } catch {
            samples.push({ ms: performance.now() - sent, status: 0 });
          }
        })());
      }
      await Promise.all(pending);
      parentPort.postMessage(samples);
    })();`;
  const worker = new Worker(source, { eval: true, workerData: { url: firstUrl, perSecond, seconds } });
  return { figures: downloadFigures(worker), follow: (url) => worker.postMessage(url) };
}

/** What the download thread measured, once it has made all its requests. */
async function downloadFigures(worker: Worker): Promise<DownloadFigures> {
  try {
    const samples = await new Promise<{ ms: number; status: number; retryAfter?: string | null }[]>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    const at = (p: number) => round(times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)] ?? 0);
    return {
      requests: samples.length,
      ok: samples.filter((sample) => sample.status === 200).length,
      busy: samples.filter((sample) => sample.status === 503 && sample.retryAfter).length,
      superseded: samples.filter((sample) => sample.status === 410).length,
      errors: samples.filter(
        (sample) => sample.status !== 200 && sample.status !== 410 && !(sample.status === 503 && sample.retryAfter),
      ).length,
      p50Ms: at(50),
      p99Ms: at(99),
      maxMs: round(times.at(-1) ?? 0),
    };
  } finally {
    await worker.terminate();
  }
}
