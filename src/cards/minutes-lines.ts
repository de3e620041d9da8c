import type { ShownItem } from '../app/minutes/minutes-messages';
import { formatDueDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { escapeMarkdown } from './escape-markdown';

/** "TOP 2 Ausbildungsabbrüche": standard items in the reader's language, others as written. */
export function minutesItemHeading(
  item: Pick<ShownItem, 'title' | 'standard'>,
  index: number,
  i18n: Translator,
): string {
  const title = item.standard ? i18n.t(`agenda.standard.${item.standard}`) : escapeMarkdown(item.title);
  return `${i18n.t('agenda.number', { number: index + 1 })} ${title}`;
}

/**
 * The item's summary (where shown), result and agreements as one text of a card (one TextBlock
 * keeps large minutes small), user text escaped. `compact` counts the agreements instead of
 * listing them, for cards of long minutes that also carry inputs; the PDF lists them.
 */
export function minutesItemBody(item: ShownItem, i18n: Translator, compact = false): string {
  const lines: string[] = [];
  if (item.summary !== undefined)
    lines.push(
      `**${i18n.t('minutes.summary')}:** ${item.summary ? escapeMarkdown(item.summary) : i18n.t('minutes.empty')}`,
    );
  lines.push(`**${i18n.t('minutes.result')}:** ${item.result ? escapeMarkdown(item.result) : i18n.t('minutes.empty')}`);
  if (compact && item.agreements.length > 0)
    return [...lines, i18n.t('minutes.agreementCount', { count: item.agreements.length })].join('\n\n');
  for (const agreement of item.agreements) {
    lines.push(
      i18n.t('minutes.agreementLine', {
        text: escapeMarkdown(agreement.text),
        institution: escapeMarkdown(agreement.institution),
        responsible: escapeMarkdown(agreement.responsibleName),
        due: formatDueDate(agreement.dueDate, i18n),
      }),
    );
  }
  return lines.join('\n\n');
}
