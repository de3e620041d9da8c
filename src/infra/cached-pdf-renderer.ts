import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

import type { Locale } from '../i18n/translator';
import type { PdfPrint, PdfRenderer } from './pdf-renderer';

export interface CachedPdfRendererOptions {
  /** Bytes of PDFs kept at most; the least recently served go first. */
  readonly maxBytes: number;
  /**
   * How long a file is kept after it was rendered. Files hold names; one that no request can
   * reach any more (the minutes changed, or a name was erased) leaves memory within this time.
   */
  readonly maxAgeMs: number;
  /** Milliseconds on a steady clock; performance.now unless a test steps its own. */
  readonly now?: () => number;
}

/** What the cache has done since it started. */
export interface CachedPdfRendererStats {
  /** Answered from the cache, without rendering. */
  readonly hits: number;
  /** Handed to the renderer behind (a render, or a failure or refusal of one). */
  readonly misses: number;
  /** Joined a render of the same print already under way instead of starting another. */
  readonly joined: number;
  readonly entries: number;
  readonly bytes: number;
}

/**
 * Keeps rendered PDFs (minutes and status reports) in memory, keyed by what they show: a hash of
 * the print (every field) and the language, or, when the caller names it, of what the print was
 * made of (`sourceKey`: the stored versions of the documents read for it) and the language. A new
 * version, the extract beside the full minutes, another language or any changed name gives
 * another key, so nothing needs invalidating; how a link led to the print (its token) plays no
 * part. Bounded by bytes (least recently served out first) and by age. The same print asked for
 * again while it is being rendered waits for that render rather than starting its own. A failed
 * or refused render leaves nothing behind: the next request tries again.
 */
export class CachedPdfRenderer implements PdfRenderer {
  private readonly cache: LRUCache<string, Buffer>;
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private counts = { hits: 0, misses: 0, joined: 0 };

  constructor(
    private readonly renderer: PdfRenderer,
    options: CachedPdfRendererOptions,
  ) {
    this.cache = new LRUCache<string, Buffer>({
      maxSize: options.maxBytes,
      maxEntrySize: options.maxBytes,
      sizeCalculation: (pdf) => Math.max(1, pdf.length),
      ttl: options.maxAgeMs,
      ttlAutopurge: true,
      // Read the clock on every look-up (a handful a second) rather than reuse it for a while.
      ttlResolution: 0,
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
  }

  /**
   * With a `sourceKey` the file is kept under that key (and the language), so a download of a
   * cached file costs a digest of a few hundred bytes instead of one of the whole print (a
   * quarter of a megabyte for the largest minutes, some milliseconds on the thread that answers
   * card clicks). Without one, under the print itself.
   */
  render(print: PdfPrint, locale: Locale, sourceKey?: string): Promise<Buffer> {
    const key = sourceKey === undefined ? printKey(print, locale) : sourceKeyDigest(sourceKey, locale);
    const cached = this.cache.get(key);
    if (cached) {
      this.counts.hits += 1;
      return Promise.resolve(cached);
    }
    const underWay = this.rendering.get(key);
    if (underWay) {
      this.counts.joined += 1;
      return underWay;
    }
    this.counts.misses += 1;
    const render = this.renderer
      .render(print, locale)
      .then((pdf) => {
        this.cache.set(key, pdf);
        return pdf;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, render);
    return render;
  }

  stats(): CachedPdfRendererStats {
    return { ...this.counts, entries: this.cache.size, bytes: this.cache.calculatedSize };
  }
}

/**
 * The cache key: SHA-256 over the language and the print as JSON. The same key means the same
 * JSON and so the same file. Prints are built by one function, always with their fields in the
 * same order; should two orders ever meet, the cost is one render more, never a wrong file. The
 * built-in JSON.stringify takes about a third of the time of a sorting serialiser on the main
 * thread, which pays it on every download (a few milliseconds for the largest minutes).
 */
export function printKey(print: PdfPrint, locale: Locale): string {
  return createHash('sha256').update(locale).update('\n').update(JSON.stringify(print)).digest('hex');
}

/**
 * The cache key of a print known by its `sourceKey`: SHA-256 over a marker, the language and the
 * key. The marker keeps it apart from every `printKey` (which starts with a language), so a key
 * of one kind can never stand for a file of the other.
 */
export function sourceKeyDigest(sourceKey: string, locale: Locale): string {
  return createHash('sha256').update('source\n').update(locale).update('\n').update(sourceKey).digest('hex');
}
