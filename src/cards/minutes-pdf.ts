import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { MinutesPrint, PrintedAgreement, PrintedItem } from '../app/minutes/minutes-print';
import type { MinutesParticipant } from '../domain/minutes/minutes-content';
import { formatDate, formatLocalDate, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';

/**
 * The fonts the PDF embeds: DejaVu Sans, shipped by the `dejavu-fonts-ttf` package. pdfkit's
 * built-in fonts only know WinAnsi (Western European), so a Polish, Turkish or Cyrillic name
 * (Łukasz, Şahin, Ольга) would come out garbled; DejaVu covers those scripts, and pdfkit embeds
 * only the glyphs used, so a file stays small. What DejaVu lacks too (CJK, emoji) is replaced by
 * U+FFFD, a visible "�" that tells the reader something was there, and control characters are
 * dropped, so no input can break the text around it.
 */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

const REPLACEMENT = '\uFFFD';

/** A4 with 2 cm side margins; the top margin grows with the header, see `renderMinutesPdf`. */
const PAGE = { size: 'A4', margins: { top: 72, bottom: 64, left: 56, right: 56 } } as const;
const HEADER_TOP = 28;
const FOOTER_FROM_BOTTOM = 40;
const SIZES = { header: 8.5, title: 18, heading: 12, label: 10, body: 10, small: 8.5 } as const;
const GREY = '#555555';

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

/**
 * The minutes as an A4 PDF in the translator's language: a header on every page (committee,
 * session, date, chair), the title (full minutes or the working group's extract), the version's
 * status, the participants (full minutes only), then per agenda item its TOP number and title,
 * summary (full only), result and agreements with institution, responsible person and due date;
 * "Seite n von m" in every page's footer. Dates are shown in the committee's time zone. Long
 * words wrap, headings never stand alone at a page's foot, and the same print gives the same
 * text (the creation date is the version's save time).
 */
export function renderMinutesPdf(print: MinutesPrint, i18n: Translator): Promise<Buffer> {
  const document = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: PAGE.size,
    margins: PAGE.margins,
    lang: i18n.locale,
    displayTitle: true,
    info: {
      Title: printableText(
        `${i18n.t(print.extract ? 'minutesPdf.extractTitle' : 'minutesPdf.title')} – ${print.committeeName} – ${i18n.t('minutesPdf.session', { number: print.sessionNumber })}`,
      ),
      Author: printableText(print.committeeName),
      Creator: 'Gremium',
      Producer: 'Gremium',
      CreationDate: new Date(print.savedAt ?? print.startsAt),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('regular', FONT_FILES.regular);
  document.registerFont('bold', FONT_FILES.bold);

  const layout = new MinutesLayout(document, print, i18n);
  layout.body();
  layout.headersAndFooters();
  document.end();
  return finished;
}

/** Lays out one print on one document; a class only to share the document and the texts. */
class MinutesLayout {
  private readonly width: number;
  private readonly header: { readonly committee: string; readonly session: string };

  constructor(
    private readonly document: PDFKit.PDFDocument,
    private readonly print: MinutesPrint,
    private readonly i18n: Translator,
  ) {
    this.width = 595.28 - PAGE.margins.left - PAGE.margins.right;
    const sessionParts = [
      i18n.t('minutesPdf.session', { number: print.sessionNumber }),
      formatDate(print.startsAt, print.timeZone, i18n),
      ...(print.chair ? [i18n.t('minutesPdf.chair', { chair: print.chair })] : []),
    ];
    this.header = { committee: printableText(print.committeeName), session: printableText(sessionParts.join(' · ')) };
  }

  body(): void {
    const document = this.document;
    document.addPage(PAGE);
    // The header may take more than one line (a committee name has up to 200 characters), so the
    // writing area of every page starts below what it really takes.
    const headerHeight =
      this.font('bold', SIZES.header).heightOfString(this.header.committee, { width: this.width }) +
      this.font('regular', SIZES.header).heightOfString(this.header.session, { width: this.width });
    const top = Math.max(PAGE.margins.top, HEADER_TOP + headerHeight + 18);
    const startBelowHeader = () => {
      document.page.margins.top = top;
      document.y = top;
    };
    startBelowHeader();
    document.on('pageAdded', startBelowHeader);

    this.titleBlock();
    if (!this.print.extract) this.participants();
    for (const item of this.print.items) this.item(item);
  }

  /** Writes header and footer onto every buffered page, now that the page count is known. */
  headersAndFooters(): void {
    const document = this.document;
    const range = document.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      document.switchToPage(index);
      const { top, bottom } = document.page.margins;
      // Writing into the margins must not start a new page.
      document.page.margins.top = 0;
      document.page.margins.bottom = 0;
      const left = PAGE.margins.left;
      this.font('bold', SIZES.header)
        .fillColor(GREY)
        .text(this.header.committee, left, HEADER_TOP, { width: this.width });
      this.font('regular', SIZES.header).text(this.header.session, left, document.y, { width: this.width });
      const ruleY = document.y + 4;
      document
        .moveTo(left, ruleY)
        .lineTo(left + this.width, ruleY)
        .lineWidth(0.5)
        .strokeColor(GREY)
        .stroke();
      const footer = this.i18n.t('minutesPdf.page', { page: index - range.start + 1, pages: range.count });
      this.font('regular', SIZES.small).text(footer, left, document.page.height - FOOTER_FROM_BOTTOM, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      document.fillColor('black');
      document.page.margins.top = top;
      document.page.margins.bottom = bottom;
    }
  }

  private titleBlock(): void {
    const { print, i18n } = this;
    this.paragraph(i18n.t(print.extract ? 'minutesPdf.extractTitle' : 'minutesPdf.title'), 'bold', SIZES.title, 6);
    const when = print.endsAt
      ? formatSessionRange(print.startsAt, print.endsAt, print.timeZone, i18n)
      : formatDate(print.startsAt, print.timeZone, i18n, 'dates.dateTime');
    this.paragraph(`${print.committeeName}`, 'bold', SIZES.body, 2);
    this.paragraph(
      `${i18n.t('minutesPdf.session', { number: print.sessionNumber })}, ${when}`,
      'regular',
      SIZES.body,
      2,
    );
    if (print.place) this.paragraph(i18n.t('minutesPdf.place', { place: print.place }), 'regular', SIZES.body, 2);
    if (print.chair) this.paragraph(i18n.t('minutesPdf.chair', { chair: print.chair }), 'regular', SIZES.body, 2);
    this.paragraph(this.statusLine(), 'bold', SIZES.body, 4);
    if (print.extract) this.paragraph(i18n.t('minutesPdf.extractNote'), 'regular', SIZES.small, 4, GREY);
    this.document.moveDown(0.8);
  }

  private statusLine(): string {
    const { print, i18n } = this;
    if (print.status !== 'approved' || !print.approvedAt) return i18n.t('minutesPdf.draft', { version: print.version });
    const date = formatDate(print.approvedAt, print.timeZone, i18n, 'minutesPdf.day');
    return i18n.t(print.correction ? 'minutesPdf.correction' : 'minutesPdf.approved', { version: print.version, date });
  }

  private participants(): void {
    const { print, i18n } = this;
    this.heading(i18n.t('minutesPdf.participants'));
    for (const presence of ['inPerson', 'online', 'absent'] as const) {
      const people = print.participants.filter((participant) => participant.presence === presence);
      this.paragraph(i18n.t(`minutesPdf.presence.${presence}`), 'bold', SIZES.label, 1);
      this.paragraph(
        people.length > 0 ? people.map(participantLabel).join('; ') : i18n.t('minutesPdf.nobody'),
        'regular',
        SIZES.body,
        4,
      );
    }
    this.document.moveDown(0.6);
  }

  private item(item: PrintedItem): void {
    const { i18n } = this;
    const title = item.standard ? i18n.t(`agenda.standard.${item.standard}`) : item.title;
    this.heading(`${i18n.t('agenda.number', { number: item.number })}  ${title}`);
    let written = false;
    if (item.summary !== undefined && item.summary.trim())
      written = this.section(i18n.t('minutesPdf.summary'), item.summary);
    if (item.result.trim()) written = this.section(i18n.t('minutesPdf.result'), item.result);
    if (item.agreements.length > 0) {
      written = true;
      this.label(i18n.t('minutesPdf.agreements'));
      item.agreements.forEach((agreement, index) => this.agreement(agreement, index));
    }
    if (!written) this.paragraph(i18n.t('minutesPdf.nothingRecorded'), 'regular', SIZES.body, 2, GREY);
    this.document.moveDown(0.8);
  }

  private section(label: string, text: string): true {
    this.label(label);
    this.paragraph(text.trim(), 'regular', SIZES.body, 6);
    return true;
  }

  private agreement(agreement: PrintedAgreement, index: number): void {
    const document = this.document;
    const indent = 14;
    this.keepSpace(3 * SIZES.body * 1.4);
    const y = document.y;
    this.font('regular', SIZES.body).text(`${index + 1}.`, PAGE.margins.left, y, { width: indent });
    document.y = y;
    this.font('regular', SIZES.body).text(printableText(agreement.text.trim()), PAGE.margins.left + indent, y, {
      width: this.width - indent,
    });
    const details = this.i18n.t('minutesPdf.agreementDetails', {
      institution: agreement.institution,
      responsible: agreement.responsibleName,
      due: this.day(agreement.dueDate),
    });
    this.font('regular', SIZES.small)
      .fillColor(GREY)
      .text(printableText(details), PAGE.margins.left + indent, document.y + 1, { width: this.width - indent });
    document.fillColor('black');
    document.x = PAGE.margins.left;
    document.moveDown(0.4);
  }

  /** A stored `yyyy-MM-dd` as the reader's calendar day; shown as stored if it is not one. */
  private day(isoDate: string): string {
    try {
      return formatLocalDate(isoDate, this.i18n, 'minutesPdf.day');
    } catch {
      return isoDate;
    }
  }

  private heading(text: string): void {
    // A heading needs a few lines below it on the same page, or it moves to the next one.
    this.keepSpace(SIZES.heading * 1.4 + 3 * SIZES.body * 1.4);
    this.paragraph(text, 'bold', SIZES.heading, 4);
  }

  private label(text: string): void {
    this.keepSpace(SIZES.label * 1.4 + 2 * SIZES.body * 1.4);
    this.paragraph(text, 'bold', SIZES.label, 1);
  }

  private keepSpace(height: number): void {
    const document = this.document;
    if (document.y + height > document.page.height - document.page.margins.bottom) document.addPage(PAGE);
  }

  private paragraph(text: string, font: 'regular' | 'bold', size: number, gapAfter: number, color = 'black'): void {
    const document = this.document;
    this.font(font, size)
      .fillColor(color)
      .text(printableText(text), PAGE.margins.left, document.y, { width: this.width });
    document.fillColor('black');
    document.y += gapAfter;
  }

  private font(name: 'regular' | 'bold', size: number): PDFKit.PDFDocument {
    return this.document.font(name).fontSize(size);
  }
}

function participantLabel(participant: MinutesParticipant): string {
  const name = participant.name.trim();
  if (!participant.institution) return name;
  return name ? `${name} (${participant.institution})` : participant.institution;
}
