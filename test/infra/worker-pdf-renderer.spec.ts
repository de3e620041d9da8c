import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MinutesPrint } from '../../src/app/minutes/minutes-print';
import { inProcessPdfRenderer } from '../../src/infra/pdf-renderer';
import { TooBusyError } from '../../src/infra/too-busy-error';
import { sampleStatusReport } from '../cards/status-report-fixtures';
import { WorkerPdfRenderer, type RenderTiming } from '../../src/infra/worker-pdf-renderer';
import { longItems, minutesPrint } from '../cards/minutes-pdf-fixtures';
import { PROJECT_ROOT } from '../e2e/support/processes';
import { pdfPageTexts } from '../support/pdf-text';

const run = promisify(execFile);

/** The extract as minutes-file builds it: no participants, no summaries. */
function extractPrint(): MinutesPrint {
  const full = minutesPrint();
  return { ...full, extract: true, participants: [], items: full.items.map(({ summary: _summary, ...item }) => item) };
}

/** The most renders that overlapped in time. */
function mostAtOnce(timings: readonly RenderTiming[]): number {
  const edges = timings.flatMap((timing) => [
    { at: timing.startedAt, step: 1 },
    { at: timing.finishedAt, step: -1 },
  ]);
  // An end and a start at the same instant do not overlap.
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let running = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (running += edge.step));
  return most;
}

/**
 * The nice value of every thread of this process, the main thread's first. The main thread is the
 * task whose id is the process id: the listing is ordered by id, and ids wrap around once a
 * busy machine has used them all, so a later thread can come before it.
 */
async function threadNiceValues(): Promise<number[]> {
  const tasks = (await readdir('/proc/self/task')).sort(
    (a, b) => Number(a !== String(process.pid)) - Number(b !== String(process.pid)),
  );
  const stats = await Promise.all(
    tasks.map((task) => readFile(`/proc/self/task/${task}/stat`, 'utf8').catch(() => undefined)),
  );
  // Fields after the command name in parentheses: state is the 3rd field of the line, nice the 19th.
  return stats
    .filter((stat): stat is string => stat !== undefined)
    .map((stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
}

describe('infra/worker-pdf-renderer', function () {
  this.timeout(60_000);
  let renderer: WorkerPdfRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it('renders on a worker thread (TypeScript under tsx) the same file as on the calling thread, in either language', async () => {
    renderer = new WorkerPdfRenderer({ threads: 1, queue: 4, retryAfterSeconds: 5 });
    const report = { kind: 'statusReport', report: sampleStatusReport() } as const;
    for (const [print, locale] of [
      [minutesPrint(), 'de'],
      [extractPrint(), 'de'],
      [minutesPrint({ items: longItems(12) }), 'en'],
      [report, 'de'],
    ] as const) {
      const [inWorker, inProcess]: [Buffer, Buffer] = await Promise.all([
        renderer.render(print, locale),
        inProcessPdfRenderer.render(print, locale),
      ]);
      assert.ok(Buffer.isBuffer(inWorker));
      assert.deepEqual(await pdfPageTexts(inWorker), await pdfPageTexts(inProcess));
      const what = 'kind' in print ? 'status report' : print.extract ? 'extract' : 'full';
      assert.ok(inWorker.equals(inProcess), `${locale} ${what}: the bytes differ`);
    }
    const [page] = await pdfPageTexts(await renderer.render(extractPrint(), 'de'));
    assert.ok(page!.includes('Ergebnisse und Vereinbarungen (Auszug)'), page);
    assert.ok(page!.includes('Zu erledigen bis Donnerstag, 11. März 2027, 24:00 Uhr'), page);
    assert.ok(!page!.includes('Sabine Hoffmann'), 'the extract names no participant');
    assert.deepEqual(
      { ...renderer.stats(), longestRenderMs: 0 },
      { rendered: 5, failed: 0, refused: 0, outstanding: 0, longestRenderMs: 0 },
    );
    assert.ok(renderer.stats().longestRenderMs > 0);
  });

  it('runs no more renders at once than it has threads, however many are asked for', async () => {
    const timings: RenderTiming[] = [];
    renderer = new WorkerPdfRenderer({
      threads: 2,
      queue: 6,
      retryAfterSeconds: 5,
      onRendered: (timing) => timings.push(timing),
    });
    const prints = Array.from({ length: 8 }, (_, index) => minutesPrint({ version: index + 1, items: longItems(8) }));
    const rendering = prints.map((print) => renderer!.render(print, 'de'));
    assert.equal(renderer.stats().outstanding, 8);
    const pdfs = await Promise.all(rendering);
    assert.equal(new Set(pdfs.map((pdf) => pdf.toString('base64'))).size, 8, 'eight versions, eight files');
    assert.equal(timings.length, 8);
    assert.ok(mostAtOnce(timings) <= 2, `${mostAtOnce(timings)} renders ran at once`);
    assert.deepEqual(
      { ...renderer.stats(), longestRenderMs: 0 },
      { rendered: 8, failed: 0, refused: 0, outstanding: 0, longestRenderMs: 0 },
    );
  });

  it('refuses a render beyond threads and queue at once with when to retry, and takes work again once there is room', async () => {
    renderer = new WorkerPdfRenderer({ threads: 1, queue: 1, retryAfterSeconds: 7 });
    const first = renderer.render(minutesPrint({ version: 1 }), 'de');
    const second = renderer.render(minutesPrint({ version: 2 }), 'de');
    await assert.rejects(
      renderer.render(minutesPrint({ version: 3 }), 'de'),
      (error: unknown) => error instanceof TooBusyError && error.retryAfterSeconds === 7,
    );
    assert.equal(renderer.stats().refused, 1);
    await Promise.all([first, second]);
    const third = await renderer.render(minutesPrint({ version: 3 }), 'de');
    assert.ok((await pdfPageTexts(third))[0]!.includes('Fassung 3'));
    assert.deepEqual(
      { ...renderer.stats(), longestRenderMs: 0 },
      { rendered: 3, failed: 0, refused: 1, outstanding: 0, longestRenderMs: 0 },
    );
  });

  it('renders on a thread of lower scheduling priority than the main thread', async () => {
    const main = (await threadNiceValues())[0]!;
    assert.ok(
      !(await threadNiceValues()).includes(main + 7),
      'no thread runs at the lower priority before the first render',
    );
    renderer = new WorkerPdfRenderer({ threads: 1, queue: 0, retryAfterSeconds: 5, niceIncrement: 7 });
    await renderer.render(minutesPrint(), 'de');
    // The thread stays until it has been idle for a while, so it is still there to look at (with
    // any helper thread it started since, which inherits its priority).
    const after = await threadNiceValues();
    assert.ok(after.filter((nice) => nice === main + 7).length >= 1, JSON.stringify(after));
    assert.equal(after[0], main, 'the main thread keeps its priority');
  });

  it('rejects a render that fails on its thread and goes on rendering', async () => {
    renderer = new WorkerPdfRenderer({ threads: 1, queue: 1, retryAfterSeconds: 5 });
    const broken = { ...minutesPrint(), items: null } as unknown as MinutesPrint;
    await assert.rejects(renderer.render(broken, 'de'), TypeError);
    const pdf = await renderer.render(minutesPrint(), 'de');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(
      { ...renderer.stats(), longestRenderMs: 0 },
      { rendered: 1, failed: 1, refused: 0, outstanding: 0, longestRenderMs: 0 },
    );
  });

  it('renders from the compiled JavaScript under plain node, fonts included', async () => {
    // The build's own settings (tsconfig.json), for the renderer and what it imports only; the
    // output sits below node_modules so that packages resolve as they do from dist/.
    const buildDir = path.join(PROJECT_ROOT, 'node_modules', '.cache', `gremium-pdf-build-${process.pid}`);
    await mkdir(buildDir, { recursive: true });
    try {
      const relative = (file: string) => path.relative(buildDir, path.join(PROJECT_ROOT, file));
      await writeFile(
        path.join(buildDir, 'tsconfig.json'),
        JSON.stringify({
          extends: relative('tsconfig.json'),
          compilerOptions: { outDir: 'out', rootDir: relative('.'), sourceMap: false, types: ['node'] },
          include: [],
          files: [relative('src/infra/worker-pdf-renderer.ts'), relative('src/infra/pdf-worker.ts')],
        }),
      );
      await run(process.execPath, [
        path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        path.join(buildDir, 'tsconfig.json'),
      ]);
      const printFile = path.join(buildDir, 'print.json');
      const pdfFile = path.join(buildDir, 'minutes.pdf');
      await writeFile(printFile, JSON.stringify(minutesPrint()));
      const script = `
        const { readFileSync, writeFileSync } = require('node:fs');
        const { WorkerPdfRenderer } = require(${JSON.stringify(path.join(buildDir, 'out/src/infra/worker-pdf-renderer.js'))});
        const renderer = new WorkerPdfRenderer({ threads: 1, queue: 0, retryAfterSeconds: 5 });
        renderer.render(JSON.parse(readFileSync(process.argv[1], 'utf8')), 'de')
          .then((pdf) => writeFileSync(process.argv[2], pdf))
          .finally(() => renderer.close());`;
      // Plain node without tsx: it cannot load a .ts file, so the worker is the compiled one.
      await run(process.execPath, ['-e', script, printFile, pdfFile], {
        cwd: buildDir,
        env: { PATH: process.env.PATH ?? '' },
      });
      const compiled = await readFile(pdfFile);
      assert.ok(
        compiled.equals(await inProcessPdfRenderer.render(minutesPrint(), 'de')),
        'the compiled worker renders the same file',
      );
      assert.ok(
        (await pdfPageTexts(compiled))[0]!.includes(
          'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
        ),
      );
    } finally {
      await rm(buildDir, { recursive: true, force: true });
    }
  });
});
