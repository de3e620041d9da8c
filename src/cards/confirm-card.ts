import type { CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';

/** Data model of `adaptiveCards/confirm.json`: already translated and escaped text. */
export interface ConfirmCardData {
  readonly title: string;
  readonly text: string;
  /** The confirming button first, then the way back. */
  readonly buttons: readonly CardButton[];
}

/** Asks once before a step with consequences for others, such as sending an agenda late. */
export function renderConfirmCard(data: ConfirmCardData): AdaptiveCardJson {
  return expandCard('confirm', data);
}
