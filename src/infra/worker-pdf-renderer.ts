import path from 'node:path';
import { Piscina } from 'piscina';

import type { Locale } from '../i18n/translator';
import type { PdfPrint, PdfRenderer } from './pdf-renderer';
import type { PdfTask, RenderedPdf } from './pdf-worker';
import { TooBusyError } from './too-busy-error';

export interface WorkerPdfRendererOptions {
  /** Renders at the same time at most: one per worker thread, each using a core while it lasts. */
  readonly threads: number;
  /** Renders that may wait for a thread; beyond threads + queue, `render` refuses with TooBusyError. */
  readonly queue: number;
  /** What a refusal tells the client to wait, in seconds. */
  readonly retryAfterSeconds: number;
  /** A thread idle this long ends; the next render starts one again (about 100 ms). */
  readonly idleTimeoutMs?: number;
  /** Heap of one worker thread; a render beyond it fails alone instead of taking the process. */
  readonly maxHeapMb?: number;
  /**
   * How much lower than the main thread the render threads run in the operating system's
   * scheduling (Unix nice; 10 unless given). When cores are short, the main thread, which answers
   * card clicks, goes first, and renders take the time left over.
   */
  readonly niceIncrement?: number;
  /** Told of every finished render, with its times; for benchmarks and tests. */
  readonly onRendered?: (render: RenderTiming) => void;
}

/** When one render ran on its thread, in wall-clock milliseconds. */
export interface RenderTiming {
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What the pool has done since it started. */
export interface WorkerPdfRendererStats {
  readonly rendered: number;
  readonly failed: number;
  /** Refused with TooBusyError because threads and queue were full. */
  readonly refused: number;
  /** Renders accepted and not yet finished: running (at most `threads`) and waiting. */
  readonly outstanding: number;
  /** The longest single render, measured on its worker thread. */
  readonly longestRenderMs: number;
}

/**
 * Renders PDFs (minutes and status reports) on a pool of worker threads (piscina), so a render of several hundred
 * milliseconds never holds up the main thread, where every card click is answered. At most
 * `threads` renders run at once and at most `queue` wait; any further one is refused at once with
 * TooBusyError rather than queued, so a flood of distinct requests holds at most
 * `threads + queue` prints in memory and answers the rest with "try again later".
 *
 * Threads start on demand and end when idle, so a server that never serves a PDF runs none, and
 * run at a lower scheduling priority than the main thread.
 */
export class WorkerPdfRenderer implements PdfRenderer {
  private readonly pool: Piscina<PdfTask, RenderedPdf>;
  private readonly capacity: number;
  private counts = { rendered: 0, failed: 0, refused: 0, outstanding: 0, longestRenderMs: 0 };

  constructor(private readonly options: WorkerPdfRendererOptions) {
    if (!(options.threads >= 1) || !(options.queue >= 0))
      throw new Error('a PDF pool needs at least one thread and a queue of zero or more');
    this.capacity = options.threads + options.queue;
    this.pool = new Piscina<PdfTask, RenderedPdf>({
      ...workerEntry(),
      minThreads: 0,
      maxThreads: options.threads,
      concurrentTasksPerWorker: 1,
      // The pool counts waiting renders itself (see `render`); this is only a backstop.
      maxQueue: this.capacity,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 },
      // Applied by piscina through @napi-rs/nice, its optional dependency; without it, no change.
      niceIncrement: options.niceIncrement ?? 10,
    });
  }

  async render(print: PdfPrint, locale: Locale): Promise<Buffer> {
    if (this.counts.outstanding >= this.capacity) {
      this.counts.refused += 1;
      throw new TooBusyError(this.options.retryAfterSeconds, 'every PDF render thread is busy and the queue is full');
    }
    this.counts.outstanding += 1;
    try {
      const rendered = await this.pool.run({ print, locale });
      this.counts.rendered += 1;
      this.counts.longestRenderMs = Math.max(this.counts.longestRenderMs, rendered.finishedAt - rendered.startedAt);
      this.options.onRendered?.({ startedAt: rendered.startedAt, finishedAt: rendered.finishedAt });
      return Buffer.from(rendered.pdf.buffer, rendered.pdf.byteOffset, rendered.pdf.byteLength);
    } catch (error) {
      this.counts.failed += 1;
      throw error;
    } finally {
      this.counts.outstanding -= 1;
    }
  }

  stats(): WorkerPdfRendererStats {
    return { ...this.counts };
  }

  /** Ends the threads; renders still running are cut off and reject. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * The worker's file beside this one, with the same extension: `.js` in the compiled build
 * (`npm start`), `.ts` under tsx (`npm run dev`, tests, benchmarks). A TypeScript worker needs
 * tsx's loader in its own thread: a thread inherits the command line's options (tsx's own CLI
 * passes its loader there) but not a loader registered in-process, as mocha does with tsx/cjs.
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  const extension = path.extname(__filename);
  const filename = path.join(__dirname, `pdf-worker${extension}`);
  if (extension !== '.ts') return { filename };
  return { filename, execArgv: [...process.execArgv, '--require', require.resolve('tsx/cjs')] };
}
