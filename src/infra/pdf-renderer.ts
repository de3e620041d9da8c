import type { MinutesPrint } from '../app/minutes/minutes-print';
import { isStatusReportPrint, type StatusReportPrint } from '../app/reports/status-report-print';
import { renderMinutesPdf } from '../cards/minutes-pdf';
import { renderStatusReportPdf } from '../cards/status-report-pdf';
import { translator, type Locale } from '../i18n/translator';

/** What a PDF can be made of: minutes (full or extract) or a status report. */
export type PdfPrint = MinutesPrint | StatusReportPrint;

/**
 * Turns a print (minutes or a status report) into PDF bytes in one language. The server holds
 * one, wired in its composition root, so the download routes need not know whether a file comes
 * from a cache, a worker thread or the calling thread. It may reject with `TooBusyError` when it
 * takes no more work for now; any other rejection is a failed render.
 */
export interface PdfRenderer {
  /**
   * `sourceKey`, when given, identifies the print by what it was made of (see
   * `MinutesFile.sourceKey`): the same key must always come with the same print. A renderer that
   * keeps files may find one by it without digesting the print; one that keeps none ignores it.
   */
  render(print: PdfPrint, locale: Locale, sourceKey?: string): Promise<Buffer>;
}

/**
 * Renders on the calling thread. What a worker thread runs, and the reference the worker's output
 * is compared against; a server must not use it directly, as a large set of minutes takes a few
 * hundred milliseconds in which the thread answers nothing else.
 */
export const inProcessPdfRenderer: PdfRenderer = {
  render: (print, locale) =>
    isStatusReportPrint(print)
      ? renderStatusReportPdf(print, translator(locale))
      : renderMinutesPdf(print, translator(locale)),
};
