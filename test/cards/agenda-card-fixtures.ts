import type { PublishedAgenda, PublishedItem } from '../../src/app/agenda/agenda-document';
import { AGENDA_LIMITS, type AgendaItem } from '../../src/domain/agenda/agenda-items';

/** An item with the longest title and presenter the forms allow. */
export function longestItem(index: number): PublishedItem {
  return {
    id: `item-${index}`,
    title: `Thema ${index}: ${'Ausbildung und Arbeit '.repeat(10)}`.slice(0, AGENDA_LIMITS.title),
    kind: 'decision',
    presenter: 'P'.repeat(AGENDA_LIMITS.presenter),
    minutes: 240,
    origin: { type: 'topic' },
    submissionIds: [`topic-${index}`],
    ...(index % 2 === 0 ? { change: 'changed' as const } : {}),
  };
}

/** The fullest published agenda: the most items, the longest texts, each standard item, removals. */
export function fullestAgenda(): PublishedAgenda {
  const standard = (name: 'opening' | 'agreements' | 'other'): AgendaItem => ({
    id: name,
    title: '',
    kind: 'information',
    minutes: 10,
    origin: { type: 'standard', standard: name },
    submissionIds: [],
  });
  const items: PublishedItem[] = [
    standard('opening'),
    standard('agreements'),
    ...Array.from({ length: AGENDA_LIMITS.items - 3 }, (_, index) => longestItem(index + 1)),
    standard('other'),
  ];
  return {
    version: 12,
    publishedAt: '2027-01-28T08:00:00.000Z',
    items,
    removed: Array.from({ length: 10 }, (_, index) => longestItem(100 + index)),
  };
}
