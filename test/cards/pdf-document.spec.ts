import assert from 'node:assert/strict';
import { renderMinutesPdf } from '../../src/cards/minutes-pdf';
import { translator } from '../../src/i18n/translator';
import { archiveFacts, type ArchiveFacts } from '../support/pdf-archive';
import { minutesPrint } from './minutes-pdf-fixtures';

const de = translator('de');

/** What every PDF/A-2b file of Gremium declares, whatever it shows. */
export function assertArchiveReady(facts: ArchiveFacts): void {
  assert.equal(facts.headerVersion, '1.7', 'PDF/A-2 is based on PDF 1.7');
  assert.equal(facts.xmpWellFormed, true, 'the XMP packet is well-formed XML');
  assert.equal(facts.xmp['pdfaid:part'], '2');
  assert.equal(facts.xmp['pdfaid:conformance'], 'B');
  assert.equal(facts.outputIntents.length, 1);
  const [intent] = facts.outputIntents;
  assert.equal(intent!.subtype, '/GTS_PDFA1');
  assert.equal(intent!.condition, 'sRGB IEC61966-2.1');
  assert.equal(intent!.profileSignature, 'acsp', 'the output intent carries an ICC profile');
  assert.equal(intent!.profileColourSpace, 'RGB ');
  assert.equal(intent!.components, 3);
  assert.ok(facts.fonts.length >= 2, JSON.stringify(facts.fonts));
  for (const font of facts.fonts) assert.ok(font.embedded, `${font.name} is not embedded`);
  assert.ok(
    facts.fonts.every((font) => /^\/[A-Z]{6}\+DejaVuSans(-Bold)?$/.test(font.name)),
    JSON.stringify(facts.fonts),
  );
  // The document information and the XMP say the same (PDF/A requires them to agree).
  assert.equal(facts.xmp['dc:title'], facts.info.title);
  assert.equal(facts.xmp['dc:creator'], facts.info.author);
  assert.equal(facts.xmp['dc:description'], facts.info.subject);
  assert.equal(facts.xmp['pdf:Producer'], facts.info.producer);
  assert.equal(facts.xmp['xmp:CreatorTool'], facts.info.creator);
  assert.equal(Date.parse(facts.xmp['xmp:CreateDate']!), facts.info.creationDate?.getTime());
}

describe('cards/pdf-document: PDFs ready for the archive (PDF/A-2b)', function () {
  this.timeout(20_000);

  it('declares approved minutes as PDF/A-2b, with title, subject, committee, date and language', async () => {
    const facts = await archiveFacts(await renderMinutesPdf(minutesPrint(), de));
    assertArchiveReady(facts);
    const committee = 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“';
    assert.equal(facts.info.title, `Protokoll – ${committee} – Sitzung 2027/1`);
    assert.equal(facts.info.subject, `Protokoll der Sitzung 2027/1 vom 11.02.2027 – ${committee}`);
    assert.equal(facts.info.author, committee);
    assert.equal(facts.info.creationDate?.toISOString(), '2027-02-20T09:00:00.000Z');
    assert.equal(facts.lang, 'de');
  });

  it('declares the extract the same way, titled as the extract', async () => {
    const facts = await archiveFacts(await renderMinutesPdf(minutesPrint({ extract: true, participants: [] }), de));
    assertArchiveReady(facts);
    assert.match(facts.info.title!, /^Ergebnisse und Vereinbarungen \(Auszug\) – .* – Sitzung 2027\/1$/);
    assert.match(facts.info.subject!, /^Ergebnisse und Vereinbarungen \(Auszug\) der Sitzung 2027\/1 vom 11\.02\.2027/);
  });

  it('keeps the XMP well-formed for a committee whose name has XML characters, saying the same as the document information', async () => {
    const name = 'Arbeit & Soziales <Beirat> "Nord" \'Süd\'';
    const facts = await archiveFacts(await renderMinutesPdf(minutesPrint({ committeeName: name }), de));
    assertArchiveReady(facts);
    assert.equal(facts.info.author, name);
    assert.equal(facts.xmp['dc:creator'], name);
  });

  it('writes the English metadata and language for an English reader', async () => {
    const facts = await archiveFacts(await renderMinutesPdf(minutesPrint(), translator('en')));
    assertArchiveReady(facts);
    assert.equal(facts.lang, 'en');
    assert.match(facts.info.subject!, /^Minutes of session 2027\/1 on 11\/02\/2027 – /);
  });
});
