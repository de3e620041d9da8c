import assert from 'node:assert/strict';
import type { MinutesPrint } from '../../src/app/minutes/minutes-print';
import type { Locale } from '../../src/i18n/translator';
import { CachedPdfRenderer, printKey, sourceKeyDigest } from '../../src/infra/cached-pdf-renderer';
import type { PdfRenderer } from '../../src/infra/pdf-renderer';
import { TooBusyError } from '../../src/infra/too-busy-error';
import { minutesPrint } from '../cards/minutes-pdf-fixtures';

/**
 * A renderer behind the cache that writes what it was asked for as the file's bytes and counts
 * its calls; each call waits for the test's go unless `instant`, and fails as the test says.
 */
class ScriptedRenderer implements PdfRenderer {
  readonly calls: string[] = [];
  failNext: Error | undefined;
  instant = true;
  private releases: (() => void)[] = [];

  async render(print: MinutesPrint, locale: Locale): Promise<Buffer> {
    const label = `${locale} v${print.version}${print.extract ? ' extract' : ''}`;
    this.calls.push(label);
    if (!this.instant) await new Promise<void>((resolve) => this.releases.push(resolve));
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return Buffer.from(`%PDF ${label}`.padEnd(40, '.'));
  }

  release(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

describe('infra/cached-pdf-renderer', () => {
  const extract = (overrides: Partial<MinutesPrint> = {}) =>
    minutesPrint({ extract: true, participants: [], ...overrides });

  it('renders a print once and serves the same file again without rendering', async () => {
    const inner = new ScriptedRenderer();
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    const first = await cached.render(minutesPrint(), 'de');
    const second = await cached.render(minutesPrint(), 'de');
    assert.ok(second.equals(first));
    assert.deepEqual(inner.calls, ['de v3']);
    assert.deepEqual(cached.stats(), { hits: 1, misses: 1, joined: 0, entries: 1, bytes: first.length });
  });

  it('renders anew for a new version, and keeps full minutes, extract and each language apart', async () => {
    const inner = new ScriptedRenderer();
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    for (let round = 0; round < 2; round += 1) {
      await cached.render(minutesPrint(), 'de');
      await cached.render(minutesPrint({ version: 4, savedAt: '2027-03-01T09:00:00.000Z' }), 'de');
      await cached.render(extract(), 'de');
      await cached.render(minutesPrint(), 'en');
    }
    assert.deepEqual(inner.calls, ['de v3', 'de v4', 'de v3 extract', 'en v3']);
    assert.equal(cached.stats().hits, 4);
  });

  it('renders anew when anything printed changes, even within the same version', async () => {
    const inner = new ScriptedRenderer();
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    await cached.render(minutesPrint(), 'de');
    // A name pseudonymised by an erasure, say: same version, other text.
    const erased = minutesPrint({
      participants: minutesPrint().participants.map((participant, index) =>
        index === 0 ? { ...participant, name: 'Gelöschte Person' } : participant,
      ),
    });
    await cached.render(erased, 'de');
    await cached.render(minutesPrint(), 'de');
    await cached.render(erased, 'de');
    assert.deepEqual(inner.calls, ['de v3', 'de v3']);
    assert.equal(printKey(minutesPrint(), 'de'), printKey(minutesPrint(), 'de'));
    assert.notEqual(printKey(minutesPrint(), 'de'), printKey(erased, 'de'));
    assert.notEqual(printKey(minutesPrint(), 'de'), printKey(minutesPrint(), 'en'));
  });

  it('keeps a file named by its source key under that key, without looking at the print again', async () => {
    const inner = new ScriptedRenderer();
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    const first = await cached.render(minutesPrint(), 'de', 'minutes|3|documents@etag-1');
    // The caller vouches that one key means one print: found by the key, the print is not compared.
    const again = await cached.render(minutesPrint({ version: 9 }), 'de', 'minutes|3|documents@etag-1');
    assert.ok(again.equals(first));
    // Another ETag of any document read, another language: another file.
    await cached.render(minutesPrint(), 'de', 'minutes|3|documents@etag-2');
    await cached.render(minutesPrint(), 'en', 'minutes|3|documents@etag-1');
    assert.deepEqual(inner.calls, ['de v3', 'de v3', 'en v3']);
    assert.equal(cached.stats().hits, 1);
  });

  it('keeps files found by source key apart from those found by their print', async () => {
    const inner = new ScriptedRenderer();
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    await cached.render(minutesPrint(), 'de');
    await cached.render(minutesPrint(), 'de', 'minutes|3');
    await cached.render(minutesPrint(), 'de', JSON.stringify(minutesPrint()));
    assert.deepEqual(inner.calls, ['de v3', 'de v3', 'de v3']);
    assert.notEqual(sourceKeyDigest(JSON.stringify(minutesPrint()), 'de'), printKey(minutesPrint(), 'de'));
  });

  it('lets requests for a print under way wait for that render instead of starting their own', async () => {
    const inner = new ScriptedRenderer();
    inner.instant = false;
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    const waiting = Array.from({ length: 5 }, () => cached.render(minutesPrint(), 'de'));
    inner.release();
    const files = await Promise.all(waiting);
    assert.deepEqual(inner.calls, ['de v3']);
    assert.ok(files.every((file) => file.equals(files[0]!)));
    assert.deepEqual({ ...cached.stats(), bytes: 0 }, { hits: 0, misses: 1, joined: 4, entries: 1, bytes: 0 });
  });

  it('keeps nothing of a failed or refused render: everyone waiting gets the failure, the next request renders', async () => {
    const inner = new ScriptedRenderer();
    inner.instant = false;
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
    inner.failNext = new Error('font file unreadable');
    const waiting = [cached.render(minutesPrint(), 'de'), cached.render(minutesPrint(), 'de')];
    inner.release();
    for (const outcome of await Promise.allSettled(waiting)) assert.equal(outcome.status, 'rejected');
    assert.equal(cached.stats().entries, 0);

    inner.instant = true;
    inner.failNext = new TooBusyError(5);
    await assert.rejects(cached.render(minutesPrint(), 'de'), TooBusyError);
    assert.equal(cached.stats().entries, 0);

    const pdf = await cached.render(minutesPrint(), 'de');
    assert.ok(pdf.toString().startsWith('%PDF de v3'));
    assert.ok((await cached.render(minutesPrint(), 'de')).equals(pdf));
    assert.equal(inner.calls.length, 3);
  });

  it('drops a file once it is older than its age limit, and renders it anew when asked again', async () => {
    const inner = new ScriptedRenderer();
    let now = 1_000;
    const cached = new CachedPdfRenderer(inner, { maxBytes: 1024 * 1024, maxAgeMs: 60_000, now: () => now });
    await cached.render(minutesPrint(), 'de');
    now += 59_000;
    await cached.render(minutesPrint(), 'de');
    assert.equal(inner.calls.length, 1);
    now += 2_000;
    await cached.render(minutesPrint(), 'de');
    assert.equal(inner.calls.length, 2);
  });

  it('holds at most its bytes, dropping the file served least recently first', async () => {
    const inner = new ScriptedRenderer();
    // Each file is 40 bytes: room for two.
    const cached = new CachedPdfRenderer(inner, { maxBytes: 100, maxAgeMs: 60_000 });
    await cached.render(minutesPrint({ version: 1 }), 'de');
    await cached.render(minutesPrint({ version: 2 }), 'de');
    await cached.render(minutesPrint({ version: 1 }), 'de');
    await cached.render(minutesPrint({ version: 3 }), 'de');
    assert.ok(cached.stats().bytes <= 100);
    assert.equal(cached.stats().entries, 2);
    await cached.render(minutesPrint({ version: 1 }), 'de');
    await cached.render(minutesPrint({ version: 2 }), 'de');
    assert.deepEqual(inner.calls, ['de v1', 'de v2', 'de v3', 'de v2']);
  });
});
