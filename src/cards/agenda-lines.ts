import type { AgendaItem } from '../domain/agenda/agenda-items';
import type { PublishedItem } from '../app/agenda/agenda-document';
import type { Translator } from '../i18n/translator';
import { escapeMarkdown } from './escape-markdown';

/** An item's title for readers: standard items in the reader's language, others as written. */
export function itemTitle(item: Pick<AgendaItem, 'title' | 'origin'>, i18n: Translator): string {
  if (item.origin.type === 'standard') return i18n.t(`agenda.standard.${item.origin.standard}`);
  if (item.origin.type === 'report') return i18n.t('agenda.report', { group: escapeMarkdown(item.title) });
  return escapeMarkdown(item.title);
}

/** "TOP 2" in German, "Item 2" in English. */
export function itemNumber(index: number, i18n: Translator): string {
  return i18n.t('agenda.number', { number: index + 1 });
}

/**
 * One line per item, as the invitation and the published agenda show it: number, title, minutes,
 * kind, presenter, and a mark when the item is new or changed since the version before.
 */
export function agendaLines(items: readonly PublishedItem[], i18n: Translator): string[] {
  return items.map((item, index) => {
    const details = [
      i18n.t('agenda.minutes', { minutes: item.minutes }),
      i18n.t(`agenda.kinds.${item.kind}`),
      ...(item.presenter ? [escapeMarkdown(item.presenter)] : []),
    ].join(' · ');
    const mark = item.change ? ` **${i18n.t(`agenda.changes.${item.change}`)}**` : '';
    return `**${itemNumber(index, i18n)}** ${itemTitle(item, i18n)} (${details})${mark}`;
  });
}

/** A length of time as the agenda shows it: "2 Std. 35 Min.", "3 Std." or "45 Min.". */
export function formatDuration(minutes: number, i18n: Translator): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return i18n.t('agenda.minutes', { minutes: rest });
  return rest === 0 ? i18n.t('agenda.hours', { hours }) : i18n.t('agenda.hoursMinutes', { hours, minutes: rest });
}
