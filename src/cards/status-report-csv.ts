import { stringify } from 'csv-stringify/sync';
import type { StatusReportPrint } from '../app/reports/status-report-print';
import { TOPIC_OUTCOMES } from '../domain/reports/status-report';
import { formatDay } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { sessionTitle } from './session-label';

/**
 * The status report's figures as one CSV table for the office's own monitoring, in "long" form:
 * one row per figure, with the columns Berichtsjahr; Stand; Bereich; Sitzung; Institution;
 * Arbeitsgruppe; Kennzahl; Anzahl. One table rather than several files, because a spreadsheet
 * filters and pivots one table at once (Teilnahme by institution, Vereinbarungen by session),
 * and because its columns stay the same whatever the year holds (a new institution or an extra
 * session adds rows, not columns), files of several years or days can be pasted below one
 * another and compared. Every figure is a whole count at the finest level where it adds up
 * (attendance per session and institution, agreements per session and institution), so sums
 * in a pivot table are right; "davon überfällig" is a part of "offen", as its name says.
 *
 * Written as German Excel opens a CSV by double-click: UTF-8 with a byte order mark (without
 * one, Excel reads the file as Windows-1252 and "Bürger" becomes "BÃ¼rger"), `;` between
 * fields (German Excel takes `,` as the decimal comma and expects `;` as the list separator),
 * CRLF line ends (RFC 4180). Counts are integers, so no decimal separator can be misread; the
 * date is `dd.MM.yyyy`, which German Excel reads as a date. Sessions are written as "Sitzung
 * 2027/1", which no spreadsheet mistakes for a date as it would "2027/1". Institution and
 * group names are user text: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is
 * prefixed with `'` so a spreadsheet shows it rather than running it as a formula.
 */
export function renderStatusReportCsv({ report }: StatusReportPrint, i18n: Translator): Buffer {
  const key = 'statusReport.csvFile';
  const asOf = formatDay(report.asOf, report.timeZone, i18n);
  const area = (name: 'sessions' | 'attendance' | 'topics' | 'agreements' | 'workingGroups') =>
    i18n.t(`${key}.areas.${name}`);
  const session = (number: string) => (number ? sessionTitle({ number }, i18n) : '');
  // The PDF's table writes "–" for "not represented"; a spreadsheet gets the words.
  const presenceWord = (presence: 'inPerson' | 'online' | 'absent') => i18n.t(`${key}.presence.${presence}`);
  const rows: Array<[string, string, string, string, string, number]> = [];

  for (const line of report.sessions.lines)
    rows.push([
      area('sessions'),
      sessionTitle(line, i18n),
      '',
      '',
      i18n.t(`statusReport.sessions.outcomes.${line.outcome}`),
      1,
    ]);
  for (const row of report.attendance)
    for (const number of report.heldSessions) {
      const presence = row.bySession[number];
      if (presence) rows.push([area('attendance'), session(number), row.institution, '', presenceWord(presence), 1]);
    }
  const topicSessions = [...new Set(report.topics.lines.map((line) => line.sessionNumber))];
  for (const number of topicSessions)
    for (const outcome of TOPIC_OUTCOMES) {
      const count = report.topics.lines.filter(
        (line) => line.sessionNumber === number && line.outcome === outcome,
      ).length;
      if (count > 0)
        rows.push([area('topics'), session(number), '', '', i18n.t(`statusReport.topics.outcomes.${outcome}`), count]);
    }
  for (const row of report.agreements.bySession)
    for (const measure of ['made', 'done', 'open', 'overdue'] as const)
      rows.push([
        area('agreements'),
        session(row.sessionNumber),
        row.institution,
        '',
        i18n.t(`statusReport.agreements.${measure}`),
        row[measure],
      ]);
  for (const group of report.workingGroups) {
    const reportSession = group.report.kind === 'none' ? '' : session(group.report.sessionNumber);
    rows.push([
      area('workingGroups'),
      '',
      '',
      group.name,
      i18n.t(`${key}.measures.${group.endedOn ? 'ended' : 'active'}`),
      1,
    ]);
    const reportMeasure =
      group.report.kind === 'given' ? 'reportGiven' : group.report.kind === 'planned' ? 'reportPlanned' : 'reportNone';
    rows.push([area('workingGroups'), reportSession, '', group.name, i18n.t(`${key}.measures.${reportMeasure}`), 1]);
  }

  const header = ['year', 'asOf', 'area', 'session', 'institution', 'workingGroup', 'measure', 'count'] as const;
  const text = stringify(
    [
      header.map((column) => i18n.t(`${key}.${column}`)),
      ...rows.map(([areaName, sessionName, institution, group, measure, count]) => [
        String(report.year),
        asOf,
        areaName,
        sessionName,
        institution,
        group,
        measure,
        String(count),
      ]),
    ],
    { bom: true, delimiter: ';', record_delimiter: 'windows', escape_formulas: true },
  );
  return Buffer.from(text, 'utf8');
}
