import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFString,
} from 'pdf-lib';

/** What an archive (or a PDF/A validator) reads of a PDF's metadata and declarations. */
export interface ArchiveFacts {
  /** The version in the file's header, `1.7`. */
  readonly headerVersion: string;
  readonly info: {
    readonly title?: string;
    readonly author?: string;
    readonly subject?: string;
    readonly creator?: string;
    readonly producer?: string;
    readonly creationDate?: Date;
  };
  /** The catalog's natural language. */
  readonly lang?: string;
  /** Whether the XMP packet is well-formed XML (a strict parser accepts it). */
  readonly xmpWellFormed: true | string;
  /** The XMP properties by their qualified name (`pdfaid:part`, `dc:title`, …), as text. */
  readonly xmp: Readonly<Record<string, string>>;
  readonly outputIntents: ReadonlyArray<{
    readonly subtype: string;
    readonly condition: string;
    /** The ICC profile's colour space (bytes 16–19) and signature (36–39) and its component count. */
    readonly profileColourSpace: string;
    readonly profileSignature: string;
    readonly components: number;
  }>;
  /** Every font the file uses, with whether its program is embedded. */
  readonly fonts: ReadonlyArray<{ readonly name: string; readonly embedded: boolean }>;
}

/**
 * Reads a PDF's structure with pdf-lib (an independent PDF parser, not the library that wrote
 * it) and its XMP packet with a strict XML parser: what PDF/A-2b declares and requires of
 * metadata, output intents and fonts. It checks declarations and structure, not the full rule set
 * a validator such as veraPDF checks.
 */
export async function archiveFacts(pdf: Buffer): Promise<ArchiveFacts> {
  const document = await PDFDocument.load(new Uint8Array(pdf), { updateMetadata: false });
  const catalog = document.catalog;
  const lang = catalog.lookup(PDFName.of('Lang'));
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  const xml = metadata instanceof PDFRawStream ? Buffer.from(streamBytes(metadata)).toString('utf8') : '';
  const validation = XMLValidator.validate(xml);
  return {
    headerVersion:
      pdf
        .subarray(0, 16)
        .toString('latin1')
        .match(/^%PDF-(\d\.\d)/)?.[1] ?? '',
    info: {
      title: document.getTitle(),
      author: document.getAuthor(),
      subject: document.getSubject(),
      creator: document.getCreator(),
      producer: document.getProducer(),
      creationDate: document.getCreationDate(),
    },
    ...(lang instanceof PDFString || lang instanceof PDFHexString ? { lang: lang.decodeText() } : {}),
    xmpWellFormed: validation === true ? true : JSON.stringify(validation.err),
    xmp: validation === true ? xmpProperties(xml) : {},
    outputIntents: outputIntents(document, catalog.lookup(PDFName.of('OutputIntents'))),
    fonts: fontsOf(document),
  };
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  return stream.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(stream).decode() : stream.contents;
}

/** Every simple property of the packet's descriptions, and the first entry of an Alt, Seq or Bag. */
function xmpProperties(xml: string): Record<string, string> {
  const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true }).parse(xml) as Record<
    string,
    unknown
  >;
  const rdf = (parsed['x:xmpmeta'] as Record<string, unknown> | undefined)?.['rdf:RDF'] as Record<string, unknown>;
  const descriptions = [rdf?.['rdf:Description'] ?? []].flat() as Array<Record<string, unknown>>;
  const properties: Record<string, string> = {};
  for (const description of descriptions) {
    for (const [name, value] of Object.entries(description)) properties[name] = textOf(value);
  }
  return properties;
}

function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const container = value as Record<string, unknown>;
  for (const key of ['rdf:Alt', 'rdf:Seq', 'rdf:Bag']) {
    const list = container[key] as Record<string, unknown> | undefined;
    if (list) return textOf([list['rdf:li']].flat()[0]);
  }
  return String(container['#text'] ?? '');
}

function outputIntents(document: PDFDocument, value: unknown): ArchiveFacts['outputIntents'] {
  if (!(value instanceof PDFArray)) return [];
  return value.asArray().map((entry) => {
    const intent = document.context.lookup(entry, PDFDict);
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    const bytes = profile instanceof PDFRawStream ? streamBytes(profile) : new Uint8Array();
    const text = (start: number) => Buffer.from(bytes.subarray(start, start + 4)).toString('latin1');
    const components = profile instanceof PDFRawStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    return {
      subtype: String(intent.lookup(PDFName.of('S'))),
      condition: decoded(intent.lookup(PDFName.of('OutputConditionIdentifier'))),
      profileColourSpace: text(16),
      profileSignature: text(36),
      components: Number(String(components)),
    };
  });
}

function decoded(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

/** Each font dictionary: a composite font's program sits in its descendant's descriptor. */
function fontsOf(document: PDFDocument): ArchiveFacts['fonts'] {
  const fonts: Array<{ name: string; embedded: boolean }> = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('CIDFontType0') || subtype === PDFName.of('CIDFontType2')) continue;
    const descendants = object.lookup(PDFName.of('DescendantFonts'));
    const described =
      subtype === PDFName.of('Type0') && descendants instanceof PDFArray
        ? document.context.lookup(descendants.get(0) as PDFRef, PDFDict)
        : object;
    const descriptor = described.lookup(PDFName.of('FontDescriptor'));
    const embedded =
      descriptor instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
    fonts.push({ name: String(object.lookup(PDFName.of('BaseFont'))), embedded });
  }
  return fonts;
}

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
