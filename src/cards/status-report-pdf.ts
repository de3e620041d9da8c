import type { StatusReportPrint } from '../app/reports/status-report-print';
import type { ReportTopicLine, StatusReport } from '../domain/reports/status-report';
import { formatDate, formatDateTime, formatDay, formatDueDate, formatLocalDate } from '../i18n/format-date';
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
import { sessionTitle } from './session-label';
import { groupReportText, outcomeCounts } from './status-report-card';

/** Session columns of one attendance table; more held sessions continue in a further table. */
const SESSION_COLUMNS_PER_TABLE = 6;
const RULE = '#999999';

/**
 * The status report as an A4 PDF/A-2b in the translator's language, laid out by the minutes'
 * rules (header with the committee and what the document is, "Seite n von m", German dates), so
 * it can be attached to a council committee's Informationsvorlage as it is: title and date of the
 * figures, then sessions, attendance per institution as a table (sessions as columns), topic
 * submissions and what became of them, agreements per institution as a table and the open ones
 * with their due dates, and the temporary working groups with their reports. The creation date is
 * the moment the figures stand at, so the same figures give the same file.
 */
export function renderStatusReportPdf({ report }: StatusReportPrint, i18n: Translator): Promise<Buffer> {
  const day = formatDay(report.asOf, report.timeZone, i18n);
  const { document, finished } = archivePdfDocument(
    {
      title: i18n.t('statusReport.pdfTitle', { year: report.year, committee: report.committeeName }),
      subject: i18n.t('statusReport.pdfSubject', { year: report.year, committee: report.committeeName, date: day }),
      author: report.committeeName,
      keywords: i18n.t('statusReport.keywords', { year: report.year }),
      createdAt: report.asOf,
    },
    i18n,
  );
  const header: PageHeader = {
    title: report.committeeName,
    subtitle: i18n.t('statusReport.header', { year: report.year, date: day }),
  };
  startBelowHeader(document, header);
  new StatusReportLayout(document, report, i18n).body();
  writeHeadersAndFooters(document, header, i18n);
  document.end();
  return finished;
}

/** A table column: its heading, its share of the width, and how its cells align. */
interface Column {
  readonly heading: string;
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

/** Lays out one report on one document; a class only to share the document and the texts. */
class StatusReportLayout {
  constructor(
    private readonly document: PDFKit.PDFDocument,
    private readonly report: StatusReport,
    private readonly i18n: Translator,
  ) {}

  body(): void {
    this.titleBlock();
    this.sessions();
    this.attendance();
    this.topics();
    this.agreements();
    this.workingGroups();
  }

  private titleBlock(): void {
    const { report, i18n } = this;
    this.paragraph(i18n.t('statusReport.title', { year: report.year }), 'bold', SIZES.title, 6);
    this.paragraph(report.committeeName, 'bold', SIZES.body, 2);
    this.paragraph(
      i18n.t('statusReport.asOf', { date: formatDateTime(report.asOf, report.timeZone, i18n) }),
      'regular',
      SIZES.body,
      4,
    );
    this.paragraph(i18n.t('statusReport.intro', { year: report.year }), 'regular', SIZES.small, 4, GREY);
    this.document.moveDown(0.6);
  }

  private sessions(): void {
    const { report, i18n } = this;
    const { sessions } = report;
    this.heading(i18n.t('statusReport.sessions.heading'));
    this.paragraph(
      i18n.t('statusReport.sessions.summary', {
        held: sessions.held,
        cancelled: sessions.cancelled,
        notYetHeld: sessions.notYetHeld,
      }),
      'regular',
      SIZES.body,
      4,
    );
    for (const line of sessions.lines) {
      this.bullet(
        i18n.t('statusReport.sessions.line', {
          session: sessionTitle(line, i18n),
          date: formatDate(line.startsAt, report.timeZone, i18n),
          outcome: i18n.t(`statusReport.sessions.outcomes.${line.outcome}`),
        }),
      );
    }
    this.sectionEnd();
  }

  private attendance(): void {
    const { report, i18n } = this;
    this.heading(i18n.t('statusReport.attendance.heading'));
    if (report.attendance.length === 0) {
      this.paragraph(i18n.t('statusReport.attendance.none'), 'regular', SIZES.body, 2, GREY);
      this.sectionEnd();
      return;
    }
    for (let start = 0; start < report.heldSessions.length; start += SESSION_COLUMNS_PER_TABLE) {
      const numbers = report.heldSessions.slice(start, start + SESSION_COLUMNS_PER_TABLE);
      const last = start + SESSION_COLUMNS_PER_TABLE >= report.heldSessions.length;
      const sessionWidth = 52;
      const totalWidth = last ? 62 : 0;
      const columns: Column[] = [
        {
          heading: i18n.t('statusReport.attendance.institution'),
          width: TEXT_WIDTH - numbers.length * sessionWidth - totalWidth,
        },
        ...numbers.map((number): Column => ({ heading: number, width: sessionWidth, align: 'center' })),
        ...(last
          ? [{ heading: i18n.t('statusReport.attendance.represented'), width: totalWidth, align: 'right' } as Column]
          : []),
      ];
      const rows = report.attendance.map((row) => [
        row.institution,
        ...numbers.map((number) => {
          const presence = row.bySession[number];
          return presence ? i18n.t(`statusReport.attendance.${presence}`) : '';
        }),
        ...(last
          ? [i18n.t('statusReport.attendance.representedValue', { attended: row.attended, invited: row.invited })]
          : []),
      ]);
      this.table(columns, rows);
      this.document.moveDown(0.4);
    }
    this.paragraph(i18n.t('statusReport.attendance.legend'), 'regular', SIZES.small, 2, GREY);
    this.sectionEnd();
  }

  private topics(): void {
    const { report, i18n } = this;
    const { topics } = report;
    this.heading(i18n.t('statusReport.topics.heading'));
    if (topics.total === 0) {
      this.paragraph(i18n.t('statusReport.topics.none'), 'regular', SIZES.body, 2, GREY);
      this.sectionEnd();
      return;
    }
    this.paragraph(i18n.t('statusReport.topics.summary', { total: topics.total }), 'regular', SIZES.body, 2);
    for (const count of outcomeCounts(topics.byOutcome, i18n)) this.bullet(count);
    this.document.moveDown(0.4);
    let session = '';
    for (const line of topics.lines) {
      if (line.sessionNumber !== session) {
        session = line.sessionNumber;
        this.label(sessionTitle({ number: session }, i18n));
      }
      this.bullet(this.topicLine(line));
    }
    this.sectionEnd();
  }

  private topicLine(line: ReportTopicLine): string {
    const { i18n } = this;
    const outcome =
      line.outcome === 'deferred' && line.movedTo
        ? i18n.t('statusReport.topics.movedTo', { number: line.movedTo })
        : i18n.t(`statusReport.topics.outcomes.${line.outcome}`);
    return i18n.t('statusReport.topics.line', {
      title: line.title,
      kind: i18n.t(`submission.kinds.${line.kind}`),
      outcome,
    });
  }

  private agreements(): void {
    const { report, i18n } = this;
    const { agreements } = report;
    this.heading(i18n.t('statusReport.agreements.heading'));
    if (agreements.total.made === 0) {
      this.paragraph(i18n.t('statusReport.agreements.none'), 'regular', SIZES.body, 2, GREY);
      this.sectionEnd();
      return;
    }
    this.paragraph(i18n.t('statusReport.agreements.summary', { ...agreements.total }), 'regular', SIZES.body, 4);
    const figure = 58;
    const columns: Column[] = [
      { heading: i18n.t('statusReport.agreements.institution'), width: TEXT_WIDTH - 4 * figure },
      { heading: i18n.t('statusReport.agreements.made'), width: figure, align: 'right' },
      { heading: i18n.t('statusReport.agreements.done'), width: figure, align: 'right' },
      { heading: i18n.t('statusReport.agreements.open'), width: figure, align: 'right' },
      { heading: i18n.t('statusReport.agreements.overdue'), width: figure, align: 'right' },
    ];
    const counts = (row: { made: number; done: number; open: number; overdue: number }) =>
      [row.made, row.done, row.open, row.overdue].map(String);
    this.table(columns, [
      ...agreements.byInstitution.map((row) => [row.institution, ...counts(row)]),
      [i18n.t('statusReport.agreements.total'), ...counts(agreements.total)],
    ]);
    this.document.moveDown(0.6);
    this.label(i18n.t('statusReport.agreements.openHeading'));
    if (agreements.open.length === 0)
      this.paragraph(i18n.t('statusReport.agreements.noneOpen'), 'regular', SIZES.body, 2, GREY);
    agreements.open.forEach((line, index) => {
      const details = i18n.t('statusReport.agreements.openDetails', {
        institution: line.institution,
        session: line.sessionNumber,
        due: formatDueDate(line.dueDate, i18n),
      });
      this.numbered(
        index + 1,
        agreements.open.length,
        line.text,
        line.overdue ? `${details} · ${i18n.t('statusReport.agreements.overdueMark')}` : details,
      );
    });
    this.sectionEnd();
  }

  private workingGroups(): void {
    const { report, i18n } = this;
    this.heading(i18n.t('statusReport.workingGroups.heading'));
    if (report.workingGroups.length === 0)
      this.paragraph(i18n.t('statusReport.workingGroups.none', { year: report.year }), 'regular', SIZES.body, 2, GREY);
    const day = (isoDate: string) => formatLocalDate(isoDate, i18n);
    for (const group of report.workingGroups) {
      this.keepSpace(4 * SIZES.body * 1.4);
      this.paragraph(group.name, 'bold', SIZES.body, 1);
      const term = i18n.t('statusReport.workingGroups.term', {
        start: day(group.startsOn),
        end: day(group.plannedEndOn),
      });
      const state = group.endedOn
        ? i18n.t('statusReport.workingGroups.ended', { date: day(group.endedOn) })
        : i18n.t('statusReport.workingGroups.active');
      this.paragraph(`${term}; ${state}`, 'regular', SIZES.small, 1, GREY);
      if (group.mandate.trim())
        this.paragraph(
          i18n.t('statusReport.workingGroups.mandate', { mandate: group.mandate }),
          'regular',
          SIZES.body,
          1,
        );
      this.paragraph(groupReportText(group.report, i18n), 'regular', SIZES.body, 6);
    }
  }

  /**
   * A table with a bold heading row, thin rules between rows, and cells that wrap within their
   * column. A row that does not fit on the page moves to the next one, which repeats the heading.
   */
  private table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): void {
    const document = this.document;
    const padding = 3;
    const rowHeight = (cells: readonly string[], font: 'regular' | 'bold') =>
      Math.max(
        ...cells.map((cell, index) =>
          this.font(font, SIZES.small).heightOfString(printableText(cell) || ' ', {
            width: columns[index]!.width - 2 * padding,
          }),
        ),
      ) +
      2 * padding;
    const drawRow = (cells: readonly string[], font: 'regular' | 'bold') => {
      const height = rowHeight(cells, font);
      const top = document.y;
      let x = PAGE.margins.left;
      cells.forEach((cell, index) => {
        const column = columns[index]!;
        this.font(font, SIZES.small).text(printableText(cell), x + padding, top + padding, {
          width: column.width - 2 * padding,
          align: column.align ?? 'left',
        });
        x += column.width;
      });
      document.y = top + height;
      document
        .moveTo(PAGE.margins.left, document.y)
        .lineTo(PAGE.margins.left + TEXT_WIDTH, document.y)
        .lineWidth(font === 'bold' ? 0.8 : 0.4)
        .strokeColor(font === 'bold' ? GREY : RULE)
        .stroke();
      document.x = PAGE.margins.left;
    };
    const headings = columns.map((column) => column.heading);
    this.keepSpace(rowHeight(headings, 'bold') + rowHeight(rows[0] ?? headings, 'regular'));
    drawRow(headings, 'bold');
    for (const row of rows) {
      if (document.y + rowHeight(row, 'regular') > document.page.height - document.page.margins.bottom) {
        document.addPage(PAGE);
        drawRow(headings, 'bold');
      }
      drawRow(row, 'regular');
    }
  }

  /** One entry of a numbered list whose highest number is `last`: the numbers get the width the longest needs. */
  private numbered(number: number, last: number, text: string, details: string): void {
    const document = this.document;
    const indent = Math.max(14, this.font('regular', SIZES.body).widthOfString(`${last}.`) + 5);
    this.keepSpace(3 * SIZES.body * 1.4);
    const y = document.y;
    this.font('regular', SIZES.body).text(`${number}.`, PAGE.margins.left, y, { width: indent });
    document.y = y;
    this.font('regular', SIZES.body).text(printableText(text.trim()), PAGE.margins.left + indent, y, {
      width: TEXT_WIDTH - indent,
    });
    this.font('regular', SIZES.small)
      .fillColor(GREY)
      .text(printableText(details), PAGE.margins.left + indent, document.y + 1, { width: TEXT_WIDTH - indent });
    document.fillColor('black');
    document.x = PAGE.margins.left;
    document.moveDown(0.3);
  }

  private bullet(text: string): void {
    const document = this.document;
    const indent = 12;
    this.keepSpace(SIZES.body * 1.4);
    const y = document.y;
    this.font('regular', SIZES.body).text('•', PAGE.margins.left, y, { width: indent });
    document.y = y;
    this.font('regular', SIZES.body).text(printableText(text), PAGE.margins.left + indent, y, {
      width: TEXT_WIDTH - indent,
    });
    document.x = PAGE.margins.left;
    document.y += 1;
  }

  private heading(text: string): void {
    // A heading needs a few lines below it on the same page, or it moves to the next one.
    this.keepSpace(SIZES.heading * 1.4 + 3 * SIZES.body * 1.4);
    this.paragraph(text, 'bold', SIZES.heading, 4);
  }

  private label(text: string): void {
    this.keepSpace(SIZES.label * 1.4 + 2 * SIZES.body * 1.4);
    this.paragraph(text, 'bold', SIZES.label, 2);
  }

  private sectionEnd(): void {
    this.document.moveDown(0.8);
  }

  private keepSpace(height: number): void {
    const document = this.document;
    if (document.y + height > document.page.height - document.page.margins.bottom) document.addPage(PAGE);
  }

  private paragraph(text: string, font: 'regular' | 'bold', size: number, gapAfter: number, color = 'black'): void {
    const document = this.document;
    this.font(font, size).fillColor(color).text(printableText(text), PAGE.margins.left, document.y, {
      width: TEXT_WIDTH,
    });
    document.fillColor('black');
    document.y += gapAfter;
  }

  private font(name: 'regular' | 'bold', size: number): PDFKit.PDFDocument {
    return this.document.font(name).fontSize(size);
  }
}
