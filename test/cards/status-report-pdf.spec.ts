import assert from 'node:assert/strict';
import { renderStatusReportPdf } from '../../src/cards/status-report-pdf';
import { translator } from '../../src/i18n/translator';
import { archiveFacts, assertArchiveReady } from '../support/pdf-archive';
import { pdfPageTexts } from '../support/pdf-text';
import { largestStatusReport, sampleStatusReport } from './status-report-fixtures';

const de = translator('de');

describe('cards/status-report-pdf', function () {
  this.timeout(30_000);

  it('reads in German: title, date of the figures, sessions, attendance, topics, agreements and working groups', async () => {
    const pdf = await renderStatusReportPdf({ kind: 'statusReport', report: sampleStatusReport() }, de);
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');
    const pages = await pdfPageTexts(pdf);
    const text = pages.join(' ');
    for (const expected of [
      'Sachstandsbericht 2027',
      'Stand: Donnerstag, 1. Juli 2027, 00:30 Uhr',
      'Sitzungen 2 durchgeführt, 1 abgesagt, 1 noch nicht durchgeführt',
      'Sitzung 2027/1, Donnerstag, 11. Februar 2027: durchgeführt',
      'Sondersitzung 2027/S1, Donnerstag, 1. Juli 2027: abgesagt',
      'Teilnahme je Institution',
      'Institution 2027/1 2027/2 vertreten',
      'Agentur für Arbeit Leipzig online vor Ort 2 von 2',
      'Jobcenter Leipzig vor Ort – 1 von 2',
      '7 Themenanmeldungen',
      'auf die Tagesordnung genommen: 1',
      'Anerkennung von Abschlüssen (Thema): verschoben auf 2027/2',
      'Mobilität im ländlichen Raum (Thema): verschoben auf 2028/1',
      'Berichte von [Name entfernt] (Thema): zurückgezogen',
      '5 getroffen, 2 erledigt, 3 offen, davon 2 überfällig',
      'Agentur für Arbeit Leipzig 1 0 1 1',
      'Zusammen 5 2 3 2',
      'Offene Vereinbarungen',
      'Institution: Agentur für Arbeit Leipzig · aus Sitzung 2027/2 · zu erledigen bis Dienstag, 15. Juni 2027, 24:00 Uhr · überfällig',
      'Institution: IHK zu Leipzig · aus Sitzung 2027/1 · zu erledigen bis Donnerstag, 1. Juli 2027, 24:00 Uhr',
      'Temporäre Arbeitsgruppen',
      'AG 3 Fachkräfteeinwanderungsgesetz',
      'Laufzeit: 01.12.2026 bis 30.06.2027 (geplant); arbeitet noch',
      'Bericht in der Sitzung 2027/2 erstattet',
      'beendet am 01.01.2027',
      'Bericht für die Sitzung 2027/3 vorgesehen',
    ]) {
      assert.ok(text.includes(expected), `${expected}\n— not in —\n${text}`);
    }
    assert.ok(!text.includes('Sabine Hoffmann'), 'no person is named');
    pages.forEach((page, index) => {
      assert.ok(page.includes('KOG Sachstandsbericht 2027 · Stand: 01.07.2027'), `header on page ${index + 1}`);
      assert.ok(page.endsWith(`Seite ${index + 1} von ${pages.length}`), `page ${index + 1}: ${page.slice(-80)}`);
    });
  });

  it('is PDF/A-2b with the report as title, the committee and year as subject, and the figures date as creation date', async () => {
    const facts = await archiveFacts(
      await renderStatusReportPdf({ kind: 'statusReport', report: sampleStatusReport() }, de),
    );
    assertArchiveReady(facts);
    assert.equal(facts.info.title, 'Sachstandsbericht 2027 – KOG');
    assert.equal(facts.info.subject, 'Sachstandsbericht über die Arbeit im Jahr 2027, Stand 01.07.2027 – KOG');
    assert.equal(facts.info.author, 'KOG');
    assert.equal(facts.info.creationDate?.toISOString(), '2027-06-30T22:30:00.000Z');
    assert.equal(facts.lang, 'de');
  });

  it('lays out the largest year over many pages, repeating table headings, every institution and agreement printed', async () => {
    const report = largestStatusReport();
    const pages = await pdfPageTexts(await renderStatusReportPdf({ kind: 'statusReport', report }, de));
    assert.ok(pages.length > 10, `${pages.length} pages`);
    const text = pages.join(' ');
    assert.ok(text.includes('Institution 80 Überlange'), 'the last institution');
    assert.ok(text.includes('Institution 2027/7 2027/8 2027/9 2027/10 2027/11 2027/12 vertreten'), 'the second table');
    assert.equal(text.split('Offene Vereinbarungen').length - 1, 1);
    assert.ok(text.includes(`${report.agreements.open.length}. Vereinbarung`), 'the last open agreement');
    pages.forEach((page, index) => assert.ok(page.endsWith(`Seite ${index + 1} von ${pages.length}`)));
  });

  it('speaks English to an English reader, with the same figures', async () => {
    const text = (
      await pdfPageTexts(
        await renderStatusReportPdf({ kind: 'statusReport', report: sampleStatusReport() }, translator('en')),
      )
    ).join(' ');
    for (const expected of ['Status report 2027', '2 held, 1 cancelled, 1 not held yet', 'Total 5 2 3 2', 'Page 1 of'])
      assert.ok(text.includes(expected), `${expected}\n— not in —\n${text}`);
  });

  it('gives the same file for the same figures', async () => {
    const print = { kind: 'statusReport' as const, report: sampleStatusReport() };
    const [first, second] = await Promise.all([renderStatusReportPdf(print, de), renderStatusReportPdf(print, de)]);
    assert.ok(first.equals(second));
  });
});
