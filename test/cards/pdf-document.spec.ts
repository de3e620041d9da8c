import assert from 'node:assert/strict';
import { renderMinutesPdf } from '../../src/cards/minutes-pdf';
import { translator } from '../../src/i18n/translator';
import { archiveFacts, assertArchiveReady } from '../support/pdf-archive';
import { minutesPrint } from './minutes-pdf-fixtures';

const de = translator('de');

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
    assert.match(facts.info.subject!, /^Minutes of session 2027\/1 on 11 February 2027 – /);
  });
});
