import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { renderStatusReportCsv } from '../../src/cards/status-report-csv';
import { translator } from '../../src/i18n/translator';
import { sampleStatusReport } from './status-report-fixtures';

const de = translator('de');

/** The file as German Excel reads it: UTF-8 after the byte order mark, `;` between fields. */
function rows(csv: Buffer): string[][] {
  return parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n', relax_column_count: false });
}

describe('cards/status-report-csv', () => {
  it('is UTF-8 with a byte order mark, ";" between fields and CRLF line ends, as German Excel opens it', () => {
    const csv = renderStatusReportCsv({ kind: 'statusReport', report: sampleStatusReport() }, de);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const text = csv.subarray(3).toString('utf8');
    assert.ok(Buffer.from(text, 'utf8').equals(csv.subarray(3)), 'valid UTF-8');
    assert.ok(text.includes('Agentur für Arbeit Leipzig'), 'umlauts as UTF-8');
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.split('\r\n').length - 1, text.split('\n').length - 1, 'every line ends in CRLF');
    assert.equal(text.split('\r\n')[0], 'Berichtsjahr;Stand;Bereich;Sitzung;Institution;Arbeitsgruppe;Kennzahl;Anzahl');
  });

  it('holds the figures of the report in one long table, each figure a whole count that adds up', () => {
    const report = sampleStatusReport();
    const [header, ...body] = rows(renderStatusReportCsv({ kind: 'statusReport', report }, de));
    assert.equal(header!.length, 8);
    for (const row of body) {
      assert.equal(row.length, 8, row.join(';'));
      assert.deepEqual(row.slice(0, 2), ['2027', '01.07.2027']);
      assert.match(row[7]!, /^\d+$/, row.join(';'));
    }
    const sum = (area: string, measure: string, filter: (row: string[]) => boolean = () => true) =>
      body
        .filter((row) => row[2] === area && row[6] === measure && filter(row))
        .reduce((total, row) => total + Number(row[7]), 0);
    assert.equal(sum('Sitzungen', 'durchgeführt'), 2);
    assert.equal(sum('Sitzungen', 'abgesagt'), 1);
    assert.equal(sum('Sitzungen', 'noch nicht durchgeführt'), 1);
    assert.ok(body.some((row) => row[3] === 'Sondersitzung 2027/S1'));
    assert.equal(
      sum('Teilnahme', 'vor Ort', (row) => row[4] === 'IHK zu Leipzig'),
      1,
    );
    assert.equal(
      sum('Teilnahme', 'nicht vertreten', (row) => row[4] === 'IHK zu Leipzig'),
      1,
    );
    assert.equal(
      sum('Teilnahme', 'online', (row) => row[3] === 'Sitzung 2027/2'),
      1,
    );
    assert.equal(sum('Themenanmeldungen', 'verschoben'), 2);
    assert.equal(sum('Themenanmeldungen', 'auf die Tagesordnung genommen'), 1);
    // Summed over sessions, the agreements per institution are the report's own figures.
    for (const institution of report.agreements.byInstitution) {
      const of = (row: string[]) => row[4] === institution.institution;
      assert.deepEqual(
        [
          sum('Vereinbarungen', 'getroffen', of),
          sum('Vereinbarungen', 'erledigt', of),
          sum('Vereinbarungen', 'offen', of),
          sum('Vereinbarungen', 'davon überfällig', of),
        ],
        [institution.made, institution.done, institution.open, institution.overdue],
        institution.institution,
      );
    }
    assert.equal(sum('Vereinbarungen', 'getroffen'), 5);
    assert.deepEqual(
      body.filter((row) => row[5] === 'AG 4 Berufschancen von Frauen').map((row) => [row[3], row[6]]),
      [
        ['', 'arbeitet noch'],
        ['Sitzung 2027/3', 'Bericht vorgesehen'],
      ],
    );
    assert.ok(!body.flat().some((cell) => cell.includes('Sabine Hoffmann')), 'no person is named');
  });

  it('quotes what needs quoting and keeps user text from being run as a spreadsheet formula', () => {
    const report = sampleStatusReport();
    const hostile = {
      ...report,
      attendance: [
        {
          institution: '=HYPERLINK("http://example.org";"Klick")',
          bySession: { '2027/1': 'inPerson' as const },
          invited: 1,
          attended: 1,
        },
        { institution: 'Amt; "Nord"\nZeile', bySession: { '2027/1': 'online' as const }, invited: 1, attended: 1 },
      ],
    };
    const parsed = rows(renderStatusReportCsv({ kind: 'statusReport', report: hostile }, de));
    const institutions = parsed.filter((row) => row[2] === 'Teilnahme').map((row) => row[4]);
    assert.deepEqual(institutions, ['\'=HYPERLINK("http://example.org";"Klick")', 'Amt; "Nord"\nZeile']);
  });

  it('writes English headings and words for an English reader', () => {
    const csv = renderStatusReportCsv({ kind: 'statusReport', report: sampleStatusReport() }, translator('en'));
    const [header, first] = rows(csv);
    assert.deepEqual(header, ['Year', 'As of', 'Area', 'Session', 'Institution', 'Working group', 'Measure', 'Count']);
    assert.deepEqual(first, ['2027', '1 July 2027', 'Sessions', 'Session 2027/1', '', '', 'held', '1']);
  });
});
