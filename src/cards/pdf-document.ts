import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Translator } from '../i18n/translator';

/**
 * What every PDF Gremium prints has in common: the minutes, their extract and the status report
 * are A4 with the same margins, fonts, header, rule and "Seite n von m" footer, and all are
 * written as PDF/A-2b, the archival form public administrations file documents in.
 */

/**
 * The fonts the PDF embeds: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package. pdfkit's
 * built-in fonts only know WinAnsi (Western European), so a Polish, Turkish or Cyrillic name
 * (Łukasz, Şahin, Ольга) would come out garbled; DejaVu covers those scripts, and pdfkit embeds
 * only the glyphs used, so a file stays small. What DejaVu lacks too (CJK, emoji) is replaced by
 * U+FFFD, a visible "�" that tells the reader something was there, and control characters are
 * dropped, so no input can break the text around it. PDF/A requires every font to be embedded,
 * which DejaVu is; pdfkit's default font (Helvetica, never embedded) is replaced by it too.
 */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

const REPLACEMENT = '\uFFFD';

/** A4 with 2 cm side margins; the top margin grows with the header, see `startBelowHeader`. */
export const PAGE = { size: 'A4', margins: { top: 72, bottom: 64, left: 56, right: 56 } } as const;
/** The width between the side margins of an A4 page (595.28 points wide). */
export const TEXT_WIDTH = 595.28 - PAGE.margins.left - PAGE.margins.right;
const HEADER_TOP = 28;
const FOOTER_FROM_BOTTOM = 40;
export const SIZES = { header: 8.5, title: 18, heading: 12, label: 10, body: 10, small: 8.5 } as const;
export const GREY = '#555555';

/**
 * The archival level every PDF declares: PDF/A-2 (ISO 19005-2, on PDF 1.7), conformance level B
 * ("basic": the pages look the same in every reader in years to come). Level A would add a
 * tagged structure for screen readers, which pdfkit's text layout does not produce.
 */
export const PDF_ARCHIVE_LEVEL = 'PDF/A-2b';

let supportedCodePoints: ReadonlySet<number> | undefined;

/** The code points both embedded fonts can draw, read once from the font files. */
function fontCoverage(): ReadonlySet<number> {
  if (!supportedCodePoints) {
    const [regular, bold] = [FONT_FILES.regular, FONT_FILES.bold].map(
      (file) => new Set((fontkit.openSync(file) as fontkit.Font).characterSet),
    );
    supportedCodePoints = new Set([...regular!].filter((codePoint) => bold!.has(codePoint)));
  }
  return supportedCodePoints;
}

/**
 * User text as the embedded fonts can show it: composed (a decomposed "ü" becomes one glyph),
 * without control characters (tabs become spaces, line breaks stay), and with "�" for any
 * character the fonts have no glyph for.
 */
export function printableText(text: string): string {
  const coverage = fontCoverage();
  let printable = '';
  for (const character of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const codePoint = character.codePointAt(0)!;
    if (character === '\n') printable += character;
    else if (
      codePoint < 0x20 ||
      (codePoint >= 0x7f && codePoint < 0xa0) ||
      (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
      codePoint === 0x200d
    )
      continue;
    else printable += coverage.has(codePoint) ? character : REPLACEMENT;
  }
  return printable;
}

/** The document information an archive reads without opening the pages. */
export interface ArchiveMetadata {
  /** What the document is, for whom, of what: "Protokoll – KOG – Sitzung 2027/1". */
  readonly title: string;
  /** What it is about, naming the committee and the session or year. */
  readonly subject: string;
  /** The committee, whose document it is. */
  readonly author: string;
  readonly keywords?: string;
  /** UTC instant the document's content stands at; the same content gives the same file. */
  readonly createdAt: string;
}

/** A document being laid out, and the file it becomes once `end()` is called. */
export interface ArchivePdf {
  readonly document: PDFKit.PDFDocument;
  readonly finished: Promise<Buffer>;
}

/**
 * A new A4 document declared as PDF/A-2b in the translator's language, with its metadata in the
 * document information and, as PDF/A requires, the same in XMP: pdfkit then writes the XMP
 * identification (pdfaid:part 2, pdfaid:conformance B) and an OutputIntent with the sRGB
 * IEC 61966-2.1 ICC profile it ships, in which all our colours (black, grey) are given. PDF/A-2
 * needs PDF 1.7 (pdfkit writes no XMP at all for its default 1.3). The two fonts are registered
 * as `regular` and `bold` and the document starts in `regular`, so nothing falls back to a font
 * that is not embedded.
 */
export function archivePdfDocument(metadata: ArchiveMetadata, i18n: Translator): ArchivePdf {
  const document = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: PAGE.size,
    margins: PAGE.margins,
    pdfVersion: '1.7',
    subset: PDF_ARCHIVE_LEVEL,
    // No default font: pdfkit would load Helvetica (never embedded) or, given a file, open that
    // file again on every later switch to a registered name. DejaVu is registered below instead.
    font: null as unknown as string,
    lang: i18n.locale,
    displayTitle: true,
    info: {
      Title: printableText(metadata.title),
      Subject: printableText(metadata.subject),
      Author: printableText(metadata.author),
      ...(metadata.keywords ? { Keywords: printableText(metadata.keywords) } : {}),
      Creator: 'Gremium',
      Producer: 'Gremium',
      CreationDate: new Date(metadata.createdAt),
    },
  });
  escapeXmpValues(document);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('regular', FONT_FILES.regular);
  document.registerFont('bold', FONT_FILES.bold);
  document.font('regular');
  return { document, finished };
}

/** The parts of pdfkit's document this module reaches into; see `escapeXmpValues`. */
interface PdfKitInternals {
  info: Record<string, unknown>;
  endMetadata: () => void;
}

/**
 * pdfkit writes the document information twice at `end()`: first as the Info dictionary (as PDF
 * strings, correctly encoded), then into the XMP packet, where it pastes the values into XML as
 * they are. A committee called "Arbeit & Soziales" would make that XML malformed, and a PDF/A
 * validator would reject the file. So the values are XML-escaped just before the XMP is written,
 * after the Info dictionary is: both then say the same thing, each in its own syntax. The test of
 * the PDF's metadata parses the XMP with a real XML parser, so a change in pdfkit shows there.
 */
function escapeXmpValues(document: PDFKit.PDFDocument): void {
  const internals = document as unknown as PdfKitInternals;
  const endMetadata = internals.endMetadata.bind(document);
  internals.endMetadata = () => {
    internals.info = Object.fromEntries(
      Object.entries(internals.info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]),
    );
    endMetadata();
  };
}

/** XML's five predefined entities. */
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]!);
}

/** The two lines at the top of every page: the committee in bold, then what this document is. */
export interface PageHeader {
  readonly title: string;
  readonly subtitle: string;
}

/**
 * Adds the first page and makes the writing area of every page start below the header, which
 * may take more than one line (a committee name has up to 200 characters).
 */
export function startBelowHeader(document: PDFKit.PDFDocument, header: PageHeader): void {
  document.addPage(PAGE);
  const headerHeight =
    document.font('bold').fontSize(SIZES.header).heightOfString(printableText(header.title), { width: TEXT_WIDTH }) +
    document
      .font('regular')
      .fontSize(SIZES.header)
      .heightOfString(printableText(header.subtitle), { width: TEXT_WIDTH });
  const top = Math.max(PAGE.margins.top, HEADER_TOP + headerHeight + 18);
  const atTop = () => {
    document.page.margins.top = top;
    document.y = top;
  };
  atTop();
  document.on('pageAdded', atTop);
}

/** Writes header, rule and "Seite n von m" onto every buffered page, now that the page count is known. */
export function writeHeadersAndFooters(document: PDFKit.PDFDocument, header: PageHeader, i18n: Translator): void {
  const range = document.bufferedPageRange();
  const title = printableText(header.title);
  const subtitle = printableText(header.subtitle);
  for (let index = range.start; index < range.start + range.count; index += 1) {
    document.switchToPage(index);
    const { top, bottom } = document.page.margins;
    // Writing into the margins must not start a new page.
    document.page.margins.top = 0;
    document.page.margins.bottom = 0;
    const left = PAGE.margins.left;
    document.font('bold').fontSize(SIZES.header).fillColor(GREY).text(title, left, HEADER_TOP, { width: TEXT_WIDTH });
    document.font('regular').fontSize(SIZES.header).text(subtitle, left, document.y, { width: TEXT_WIDTH });
    const ruleY = document.y + 4;
    document
      .moveTo(left, ruleY)
      .lineTo(left + TEXT_WIDTH, ruleY)
      .lineWidth(0.5)
      .strokeColor(GREY)
      .stroke();
    const footer = i18n.t('minutesPdf.page', { page: index - range.start + 1, pages: range.count });
    document
      .font('regular')
      .fontSize(SIZES.small)
      .text(footer, left, document.page.height - FOOTER_FROM_BOTTOM, {
        width: TEXT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    document.fillColor('black');
    document.page.margins.top = top;
    document.page.margins.bottom = bottom;
  }
}
