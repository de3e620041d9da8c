import type { CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';

/** Data model of `adaptiveCards/confirm.json`: already translated and escaped text. */
export interface ConfirmCardData {
  readonly title: string;
  /** The concrete reasons to ask, one line each, shown as a list under the title. */
  readonly reasons?: readonly string[];
  /** What happens when confirmed; empty for none. */
  readonly text: string;
  /** Shown above the question when it is asked again because something changed since. */
  readonly note?: string;
  /** The confirming button first, then the way back. */
  readonly buttons: readonly CardButton[];
}

/** Asks once before a step with consequences for others, such as sending an agenda late. */
export function renderConfirmCard(data: ConfirmCardData): AdaptiveCardJson {
  return expandCard('confirm', { note: '', reasons: [], ...data });
}
