/**
 * How much of each item's text a minutes card can show. A Teams card must stay under 28 KB, but
 * minutes may hold thirty items of several thousand characters each; cards therefore show the
 * text cut to a share of a fixed budget, and the PDF (linked from every card) holds it in full.
 */
export const CARD_TEXT_BUDGET = 6000;

/** The review card also carries an answer and a comment per item, so its texts get less. */
export const REVIEW_TEXT_BUDGET = 3000;

export interface ItemTextLimits {
  readonly title: number;
  readonly summary: number;
  readonly result: number;
  /** For all agreement texts of the item together. */
  readonly agreements: number;
}

/** The characters each text of an item may take when the card shows `itemCount` items. */
export function itemTextLimits(itemCount: number, budget = CARD_TEXT_BUDGET): ItemTextLimits {
  const perItem = Math.max(120, Math.min(8000, Math.floor(budget / Math.max(1, itemCount))));
  return {
    title: Math.min(200, Math.max(50, Math.floor(perItem / 4))),
    summary: Math.floor(perItem / 2),
    result: Math.floor(perItem / 4),
    agreements: Math.floor(perItem / 4),
  };
}

/** Text cut to `max` characters with an ellipsis. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
