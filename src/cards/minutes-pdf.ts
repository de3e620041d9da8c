import type { MinutesPrint, PrintedAgreement, PrintedItem } from '../app/minutes/minutes-print';
import type { MinutesParticipant } from '../domain/minutes/minutes-content';
import { formatDate, formatDateTime, formatDay, formatDueDate, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import {
  archivePdfDocument,
  GREY,
  PAGE,
  printableText,
  SIZES,
  startBelowHeader,
  TEXT_WIDTH,
  writeHeadersAndFooters,
  type PageHeader,
} from './pdf-document';

export { printableText };

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
  const kind = i18n.t(print.extract ? 'minutesPdf.extractTitle' : 'minutesPdf.title');
  const session = i18n.t('minutesPdf.session', { number: print.sessionNumber });
  const { document, finished } = archivePdfDocument(
    {
      title: `${kind} – ${print.committeeName} – ${session}`,
      subject: i18n.t('minutesPdf.subject', {
        kind,
        number: print.sessionNumber,
        date: formatDay(print.startsAt, print.timeZone, i18n),
        committee: print.committeeName,
      }),
      author: print.committeeName,
      createdAt: print.savedAt ?? print.startsAt,
    },
    i18n,
  );
  const layout = new MinutesLayout(document, print, i18n);
  layout.body();
  writeHeadersAndFooters(document, layout.header, i18n);
  document.end();
  return finished;
}

/** Lays out one print on one document; a class only to share the document and the texts. */
class MinutesLayout {
  private readonly width = TEXT_WIDTH;
  readonly header: PageHeader;

  constructor(
    private readonly document: PDFKit.PDFDocument,
    private readonly print: MinutesPrint,
    private readonly i18n: Translator,
  ) {
    const sessionParts = [
      i18n.t('minutesPdf.session', { number: print.sessionNumber }),
      formatDate(print.startsAt, print.timeZone, i18n),
      ...(print.chair ? [i18n.t('minutesPdf.chair', { chair: print.chair })] : []),
    ];
    this.header = { title: print.committeeName, subtitle: sessionParts.join(' · ') };
  }

  body(): void {
    startBelowHeader(this.document, this.header);
    this.titleBlock();
    if (!this.print.extract) this.participants();
    for (const item of this.print.items) this.item(item);
  }

  private titleBlock(): void {
    const { print, i18n } = this;
    this.paragraph(i18n.t(print.extract ? 'minutesPdf.extractTitle' : 'minutesPdf.title'), 'bold', SIZES.title, 6);
    const when = print.endsAt
      ? formatSessionRange(print.startsAt, print.endsAt, print.timeZone, i18n)
      : formatDateTime(print.startsAt, print.timeZone, i18n);
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
    const date = formatDay(print.approvedAt, print.timeZone, i18n);
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
      due: this.dueDate(agreement.dueDate),
    });
    this.font('regular', SIZES.small)
      .fillColor(GREY)
      .text(printableText(details), PAGE.margins.left + indent, document.y + 1, { width: this.width - indent });
    document.fillColor('black');
    document.x = PAGE.margins.left;
    document.moveDown(0.4);
  }

  /** A stored `yyyy-MM-dd` due date as every deadline is written; shown as stored if it is not one. */
  private dueDate(isoDate: string): string {
    try {
      return formatDueDate(isoDate, this.i18n);
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
