import type { MinutesPrint } from '../app/minutes/minutes-print';
import { renderMinutesPdf } from '../cards/minutes-pdf';
import { translator, type Locale } from '../i18n/translator';

/**
 * Turns the minutes as printed into PDF bytes in one language. The server holds one, wired in
 * its composition root, so the download route need not know whether a file comes from a cache,
 * a worker thread or the calling thread. It may reject with `TooBusyError` when it takes no more
 * work for now; any other rejection is a failed render.
 */
export interface MinutesPdfRenderer {
  render(print: MinutesPrint, locale: Locale): Promise<Buffer>;
}

/**
 * Renders on the calling thread. What a worker thread runs, and the reference the worker's output
 * is compared against; a server must not use it directly, as a large set of minutes takes a few
 * hundred milliseconds in which the thread answers nothing else.
 */
export const inProcessMinutesPdfRenderer: MinutesPdfRenderer = {
  render: (print, locale) => renderMinutesPdf(print, translator(locale)),
};
