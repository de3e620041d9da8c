import { performance } from 'node:perf_hooks';
import type { PdfPrint } from './pdf-renderer';
import type { Locale } from '../i18n/translator';
import { inProcessPdfRenderer } from './pdf-renderer';

/** One render as the pool hands it to a worker thread. */
export interface PdfTask {
  readonly print: PdfPrint;
  readonly locale: Locale;
}

/** What a worker thread sends back: the file, and when it rendered, for the pool's figures. */
export interface RenderedPdf {
  readonly pdf: Uint8Array;
  /** Wall-clock milliseconds (comparable across threads) when the render started and ended. */
  readonly startedAt: number;
  readonly finishedAt: number;
}

/**
 * The entry point of a rendering worker thread (see `WorkerPdfRenderer`): the same layout as on
 * the main thread, with the fonts resolved from this file's own node_modules, whether it runs as
 * compiled JavaScript or as TypeScript under tsx.
 */
export default async function renderInWorker({ print, locale }: PdfTask): Promise<RenderedPdf> {
  const startedAt = performance.timeOrigin + performance.now();
  const pdf = await inProcessPdfRenderer.render(print, locale);
  return { pdf, startedAt, finishedAt: performance.timeOrigin + performance.now() };
}
