import type { AgendaAgreementReport } from '../app/agreements/agenda-report';
import type { Translator } from '../i18n/translator';
import { actionDay, actionStatus } from './action-item-card';
import { escapeMarkdown } from './escape-markdown';

/**
 * The lines under the agenda item "status of agreements": each agreement with its text,
 * institution, due date and status (done shown as done), and how many more there are.
 */
export function agendaAgreementLines(report: AgendaAgreementReport | undefined, i18n: Translator): string[] {
  if (!report || report.total === 0) return [];
  const lines = report.shown.map(
    (agreement) =>
      `• ${i18n.t('actions.agenda.line', { text: escapeMarkdown(agreement.text), institution: escapeMarkdown(agreement.institution), due: actionDay(agreement.dueDate, i18n), status: actionStatus(agreement.status, i18n) })}`,
  );
  return report.total > report.shown.length
    ? [...lines, i18n.t('actions.agenda.more', { count: report.total - report.shown.length })]
    : lines;
}
