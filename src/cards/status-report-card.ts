import type { StatusReport, TopicOutcome } from '../domain/reports/status-report';
import { TOPIC_OUTCOMES } from '../domain/reports/status-report';
import { REPORT_LINK_DAYS } from '../domain/links/link-lifetime';
import { formatDate, formatDateTime, formatLocalDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';

/** Lines a section of the card lists at most; the PDF has them all, and the card says how many more. */
export const REPORT_CARD_LINES = 12;

/** Data model of `adaptiveCards/status-report.json`: already translated, user text escaped. */
export interface StatusReportCardData {
  readonly title: string;
  readonly committee: string;
  readonly asOf: string;
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly summary: string; readonly lines: string[] }>;
  readonly note: string;
  readonly downloads: ReadonlyArray<{ readonly title: string; readonly url: string }>;
}

/** The reader's own links to the report's files; empty where none could be issued. */
export interface StatusReportDownloads {
  readonly pdfUrl: string;
  readonly csvUrl: string;
}

/**
 * The status report in a card: per section its figures and the first lines of its detail (the
 * PDF has every line), and the reader's links to the PDF and the CSV.
 */
export function renderStatusReportCard(
  report: StatusReport,
  downloads: StatusReportDownloads,
  i18n: Translator,
): AdaptiveCardJson {
  const text = (value: string) => escapeMarkdown(value);
  const day = (isoDate: string) => formatLocalDate(isoDate, i18n);
  const { sessions, attendance, topics, agreements, workingGroups } = report;
  const links = [
    ...(downloads.pdfUrl ? [{ title: i18n.t('statusReport.pdf'), url: downloads.pdfUrl }] : []),
    ...(downloads.csvUrl ? [{ title: i18n.t('statusReport.csv'), url: downloads.csvUrl }] : []),
  ];
  const data: StatusReportCardData = {
    title: i18n.t('statusReport.title', { year: report.year }),
    committee: text(report.committeeName),
    asOf: i18n.t('statusReport.asOf', { date: formatDateTime(report.asOf, report.timeZone, i18n) }),
    sections: [
      {
        heading: i18n.t('statusReport.sessions.heading'),
        summary: i18n.t('statusReport.sessions.summary', {
          held: sessions.held,
          cancelled: sessions.cancelled,
          notYetHeld: sessions.notYetHeld,
        }),
        lines: capped(
          sessions.lines.map((line) =>
            i18n.t('statusReport.sessions.line', {
              session: sessionTitle(line, i18n),
              date: formatDate(line.startsAt, report.timeZone, i18n),
              outcome: i18n.t(`statusReport.sessions.outcomes.${line.outcome}`),
            }),
          ),
          i18n,
        ),
      },
      {
        heading: i18n.t('statusReport.attendance.heading'),
        summary: attendance.length === 0 ? i18n.t('statusReport.attendance.none') : '',
        lines: capped(
          attendance.map((row) =>
            i18n.t('statusReport.attendance.line', {
              institution: text(row.institution),
              attended: row.attended,
              invited: row.invited,
            }),
          ),
          i18n,
        ),
      },
      {
        heading: i18n.t('statusReport.topics.heading'),
        summary:
          topics.total === 0
            ? i18n.t('statusReport.topics.none')
            : i18n.t('statusReport.topics.summary', { total: topics.total }),
        lines: outcomeCounts(topics.byOutcome, i18n),
      },
      {
        heading: i18n.t('statusReport.agreements.heading'),
        summary:
          agreements.total.made === 0
            ? i18n.t('statusReport.agreements.none')
            : i18n.t('statusReport.agreements.summary', { ...agreements.total }),
        lines: capped(
          agreements.byInstitution.map((row) =>
            i18n.t('statusReport.agreements.line', { ...row, institution: text(row.institution) }),
          ),
          i18n,
        ),
      },
      {
        heading: i18n.t('statusReport.workingGroups.heading'),
        summary: workingGroups.length === 0 ? i18n.t('statusReport.workingGroups.none', { year: report.year }) : '',
        lines: capped(
          workingGroups.map((group) =>
            i18n.t('statusReport.workingGroups.line', {
              name: text(group.name),
              state: group.endedOn
                ? i18n.t('statusReport.workingGroups.ended', { date: day(group.endedOn) })
                : i18n.t('statusReport.workingGroups.active'),
              report: groupReportText(group.report, i18n),
            }),
          ),
          i18n,
        ),
      },
    ],
    note:
      links.length > 0 ? i18n.t('statusReport.linksNote', { days: REPORT_LINK_DAYS }) : i18n.t('statusReport.noLinks'),
    downloads: links,
  };
  return expandCard('status-report', data);
}

/** Where a working group's report stands, in words. */
export function groupReportText(report: StatusReport['workingGroups'][number]['report'], i18n: Translator): string {
  switch (report.kind) {
    case 'given':
      return i18n.t('statusReport.workingGroups.reportGiven', { number: report.sessionNumber });
    case 'planned':
      return i18n.t('statusReport.workingGroups.reportPlanned', { number: report.sessionNumber });
    case 'none':
      return i18n.t('statusReport.workingGroups.reportNone');
  }
}

/** "verschoben: 2" for every outcome that occurred, in the order of the cycle. */
export function outcomeCounts(byOutcome: Readonly<Record<TopicOutcome, number>>, i18n: Translator): string[] {
  return TOPIC_OUTCOMES.filter((outcome) => byOutcome[outcome] > 0).map((outcome) =>
    i18n.t('statusReport.topics.count', {
      outcome: i18n.t(`statusReport.topics.outcomes.${outcome}`),
      count: byOutcome[outcome],
    }),
  );
}

function capped(lines: string[], i18n: Translator): string[] {
  if (lines.length <= REPORT_CARD_LINES) return lines;
  const shown = lines.slice(0, REPORT_CARD_LINES - 1);
  return [...shown, i18n.t('statusReport.more', { count: lines.length - shown.length })];
}
