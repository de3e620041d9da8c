import assert from 'node:assert/strict';
import { PDFParse } from 'pdf-parse';
import { printableText, renderMinutesPdf } from '../../src/cards/minutes-pdf';
import { translator } from '../../src/i18n/translator';
import { longItems, minutesPrint } from './minutes-pdf-fixtures';

const de = translator('de');
const en = translator('en');

/** The text of each page, as a PDF reader extracts it, with lines joined by single spaces. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return result.pages.map((page) => page.text.replace(/\s+/g, ' ').trim());
  } finally {
    await parser.destroy();
  }
}

describe('cards/minutes-pdf', function () {
  this.timeout(20_000);

  it('is an A4 PDF whose every page has the header and "Seite n von m"', async () => {
    const pdf = await renderMinutesPdf(minutesPrint(), de);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
    const pages = await pageTexts(pdf);
    assert.equal(pages.length, 1);
    const [page] = pages;
    assert.ok(page!.includes('Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“'), page);
    assert.ok(
      page!.includes(
        'Sitzung 2027/1 · Donnerstag, 11. Februar 2027 · Sitzungsleitung: Oberbürgermeister der Stadt Leipzig',
      ),
      page,
    );
    assert.ok(page!.includes('Seite 1 von 1'), page);
  });

  it('prints the full minutes: title, time span, status, participants by presence, and per item summary, result and agreements', async () => {
    const [page] = await pageTexts(await renderMinutesPdf(minutesPrint(), de));
    for (const expected of [
      'Protokoll',
      'Sitzung 2027/1, Donnerstag, 11. Februar 2027, 14:00–17:00 Uhr',
      'Ort: Neues Rathaus, Raum 259',
      // 23:30 UTC is already the next day in Leipzig.
      'Fassung 3, freigegeben am 28.02.2027',
      'Vor Ort Sabine Hoffmann (Jobcenter Leipzig)',
      'Online Yusuf Demir (IHK zu Leipzig)',
      'Abwesend Birgit Lehmann (Agentur für Arbeit Leipzig)',
      'TOP 1 Eröffnung, Freigabe des Protokolls der letzten Sitzung',
      'TOP 2 Ausbildungsabbrüche – Zahlen der Kammern',
      'Zusammenfassung Interne Aussprache über „Abbruchquoten“ und Übergänge.',
      'Ergebnis Die Kammern legen Zahlen für Größenordnungen vor.',
      'Vereinbarungen 1. Zahlen für 2026 zusammenstellen',
      'Institution: IHK zu Leipzig · Verantwortlich: Yusuf Demir · Zu erledigen bis Donnerstag, 11. März 2027, 24:00 Uhr',
    ]) {
      assert.ok(page!.includes(expected), `${expected}\n— not in —\n${page}`);
    }
  });

  it('names an institution whose representative was not recorded by the institution alone', async () => {
    const print = {
      ...minutesPrint(),
      participants: [{ institution: 'Jobcenter Leipzig', name: ' ', presence: 'inPerson' as const }],
    };
    const [page] = await pageTexts(await renderMinutesPdf(print, de));
    assert.ok(page!.includes('Vor Ort Jobcenter Leipzig'), page);
    assert.ok(!page!.includes('(Jobcenter Leipzig)'), page);
  });

  it('leaves the discussion and the participants out of the extract', async () => {
    const print = minutesPrint({
      extract: true,
      participants: [],
      items: minutesPrint().items.map(({ summary: _summary, ...item }) => item),
    });
    const [page] = await pageTexts(await renderMinutesPdf(print, de));
    assert.ok(page!.includes('Ergebnisse und Vereinbarungen (Auszug)'), page);
    assert.ok(page!.includes('Ergebnis Die Kammern legen Zahlen für Größenordnungen vor.'), page);
    assert.ok(page!.includes('Zu erledigen bis Donnerstag, 11. März 2027, 24:00 Uhr'), page);
    for (const absent of [
      'Zusammenfassung',
      'Interne Aussprache',
      'Die Vorsitzende eröffnet',
      'Teilnehmende',
      'Sabine Hoffmann',
      'Vor Ort',
      'Abwesend',
    ]) {
      assert.ok(!page!.includes(absent), `${absent} is in the extract`);
    }
  });

  it('marks a draft with its version and a correction of approved minutes as such', async () => {
    const [draft] = await pageTexts(
      await renderMinutesPdf(minutesPrint({ status: 'circulated', approvedAt: undefined, version: 2 }), de),
    );
    assert.ok(draft!.includes('Entwurf, Fassung 2'), draft);
    assert.ok(!draft!.includes('freigegeben'), draft);
    const [correction] = await pageTexts(await renderMinutesPdf(minutesPrint({ correction: true, version: 4 }), de));
    assert.ok(correction!.includes('Berichtigung: Fassung 4 des am 28.02.2027 freigegebenen Protokolls'), correction);
  });

  it('speaks English to an English translator, with the same dates in the committee time zone', async () => {
    const [page] = await pageTexts(await renderMinutesPdf(minutesPrint(), en));
    for (const expected of [
      'Minutes',
      'Session 2027/1 · Thursday, 11 February 2027 · Chair: Oberbürgermeister der Stadt Leipzig',
      'Item 1 Opening, approval of the last minutes',
      'Version 3, approved on 28 February 2027',
      'Due by Thursday, 11 March 2027, end of day',
      'Page 1 of 1',
    ]) {
      assert.ok(page!.includes(expected), `${expected}\n— not in —\n${page}`);
    }
  });

  it('spreads 30 long items over several pages, each with the header and its own page number', async () => {
    const pdf = await renderMinutesPdf(minutesPrint({ items: longItems(30) }), de);
    const pages = await pageTexts(pdf);
    assert.ok(pages.length >= 5, `only ${pages.length} pages`);
    pages.forEach((page, index) => {
      // Header and footer are written once the page count is known, so they come last in the text.
      assert.ok(
        page.includes(
          'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“ Sitzung 2027/1 · Donnerstag, 11. Februar 2027 · Sitzungsleitung: Oberbürgermeister der Stadt Leipzig',
        ),
        `page ${index + 1}: ${page.slice(-300)}`,
      );
      assert.ok(page.endsWith(`Seite ${index + 1} von ${pages.length}`), `page ${index + 1}: ${page.slice(-100)}`);
    });
    const all = pages.join(' ');
    for (const number of [1, 15, 30]) assert.ok(all.includes(`TOP ${number} Thema ${number}:`), `TOP ${number}`);
    assert.ok(all.includes('Vereinbarung 30 Institution: Jobcenter Leipzig'), 'the last agreement is printed');
  });

  it('wraps a word longer than a line instead of running off the page', async () => {
    const word = 'Verwaltungsvorschriftenänderungsbekanntmachung'.repeat(12);
    const pdf = await renderMinutesPdf(
      minutesPrint({
        items: [
          {
            number: 1,
            title: word,
            result: word,
            agreements: [{ text: word, institution: word, responsibleName: 'Yusuf Demir', dueDate: '2027-03-11' }],
          },
        ],
      }),
      de,
    );
    const [page] = await pageTexts(pdf);
    assert.equal(
      page!.replace(/\s+/g, '').split(word).length - 1,
      4,
      'title, result, agreement and institution appear whole',
    );
    assert.ok(page!.includes('Seite 1 von 1'));
  });

  it('prints letters beyond Western European ones, and replaces what no font has without disturbing the rest', async () => {
    const text = 'Łukasz Wiśniewski, Şahin Yılmaz, Ольга Петрова; 会议 🎉 Ende\u0000\u0007 gut\ttabelliert';
    const pdf = await renderMinutesPdf(
      minutesPrint({ items: [{ number: 1, title: 'Grüße aus „Köln“', result: text, agreements: [] }] }),
      de,
    );
    const [page] = await pageTexts(pdf);
    assert.ok(page!.includes('TOP 1 Grüße aus „Köln“'), page);
    assert.ok(
      page!.includes('Ergebnis Łukasz Wiśniewski, Şahin Yılmaz, Ольга Петрова; �� � Ende gut tabelliert'),
      page,
    );
    assert.ok(page!.includes('Seite 1 von 1'), page);
  });

  it('keeps user text printable: composed, without control characters, "�" where no glyph exists', () => {
    assert.equal(printableText('Mu\u0308ller\r\nZeile\u0000 2\u200d'), 'Müller\nZeile 2');
    assert.equal(printableText('会'), '\uFFFD');
    assert.equal(printableText('„Ä“ ß €'), '„Ä“ ß €');
  });

  it('gives the same file for the same print', async () => {
    const [first, second] = await Promise.all([
      renderMinutesPdf(minutesPrint(), de),
      renderMinutesPdf(minutesPrint(), de),
    ]);
    assert.ok(first.equals(second));
  });
});
