import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeReportPage } from '../../scripts/report-page';
import { pdfPageTexts } from '../support/pdf-text';

describe('scripts/report-page: page 1 of the demo committee status report for the user guide', function () {
  this.timeout(120_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'gremium-report-page-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('makes the demo year through the use cases and writes its report as PDF and page 1 as PNG', async () => {
    const files = await writeReportPage(folder);
    const png = readFileSync(files.png);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.ok(png.length > 20_000, `${png.length} bytes`);
    const [first] = await pdfPageTexts(readFileSync(files.pdf));
    for (const expected of [
      'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“ (Demo)',
      'Sachstandsbericht 2027',
      'Stand: Dienstag, 15. Juni 2027, 10:00 Uhr',
      '2 durchgeführt, 0 abgesagt, 1 noch nicht durchgeführt',
      'Jobcenter Leipzig vor Ort vor Ort 2 von 2',
      'Abbrüche im Handwerk (Thema): mit einem Tagesordnungspunkt zusammengeführt',
      'Mobilität im ländlichen Raum (Thema): verschoben auf 2027/3',
      '5 getroffen, 1 erledigt, 4 offen, davon 1 überfällig',
      'Seite 1 von 2',
    ])
      assert.ok(first!.includes(expected), `${expected}\n— not in —\n${first}`);
    for (const name of ['Katrin Albers', 'Sabine Hoffmann', 'Thomas Richter', 'Yusuf Demir', 'Lena Vogt'])
      assert.ok(!first!.includes(name), `${name} is named`);
  });
});
