import type { MinutesItem } from './minutes-content';

/**
 * The agenda items whose minutes differ between two versions: summary, result or agreements
 * changed, or the item is new. Recipients of a revision see these marked.
 */
export function changedItemIds(before: readonly MinutesItem[], after: readonly MinutesItem[]): string[] {
  const previous = new Map(before.map((item) => [item.itemId, item]));
  return after
    .filter((item) => {
      const old = previous.get(item.itemId);
      return (
        !old ||
        old.summary !== item.summary ||
        old.result !== item.result ||
        JSON.stringify(old.agreements) !== JSON.stringify(item.agreements)
      );
    })
    .map((item) => item.itemId);
}

/** How many agreements the minutes hold in all; approval writes one action item per agreement. */
export function agreementCount(items: readonly Pick<MinutesItem, 'agreements'>[]): number {
  return items.reduce((sum, item) => sum + item.agreements.length, 0);
}
