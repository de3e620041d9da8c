import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { openStatusReport } from '../src/app/reports/status-report';
import { committeeIdForHome } from '../src/app/committees/committee-id';
import { actorIn } from '../src/app/identify-actor';
import { renderStatusReportPdf } from '../src/cards/status-report-pdf';
import { translator } from '../src/i18n/translator';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { demoYear } from './demo/demo-year';
import { DEMO_TEAM, DEMO_TENANT_ID } from './demo/kog-demo';

/** Where the pictures of the user guide are written, as the end-to-end runs write theirs. */
export const RESULTS = path.resolve(__dirname, '..', 'test-results');

/**
 * `npm run report:page`: makes the demo committee's year 2027 in a temporary embedded store,
 * its status report as the secretariat gets it, and writes the PDF and its first page as a PNG
 * (`report-1-pdf-page-1.png`, like `minutes-5-pdf-page-1.png` of the end-to-end run) into
 * `test-results/` or the folder given. Answers the files written.
 */
export async function writeReportPage(folder = RESULTS): Promise<{ readonly pdf: string; readonly png: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gremium-report-'));
  const store = await EmbeddedStore.open({ dataDir });
  try {
    const deps = await demoYear(store);
    const secretariat = await actorIn(
      deps,
      { tenantId: DEMO_TENANT_ID, aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1', displayName: 'Katrin Albers' },
      committeeIdForHome(DEMO_TENANT_ID, DEMO_TEAM),
    );
    const report = await openStatusReport(deps, secretariat, '2027');
    if (!report.ok) throw new Error(`no report: ${JSON.stringify(report.error)}`);
    const pdf = await renderStatusReportPdf({ kind: 'statusReport', report: report.value }, translator('de'));
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const [page] = (await parser.getScreenshot({ first: 1, scale: 1.25, imageDataUrl: false })).pages;
      if (!page) throw new Error('no page rendered');
      mkdirSync(folder, { recursive: true });
      const files = { pdf: path.join(folder, 'report-1.pdf'), png: path.join(folder, 'report-1-pdf-page-1.png') };
      writeFileSync(files.pdf, pdf);
      writeFileSync(files.png, page.data);
      return files;
    } finally {
      await parser.destroy();
    }
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  writeReportPage(process.argv[2]).then(
    (files) => process.stdout.write(`${files.png}\n${files.pdf}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
