import { expandCard, type AdaptiveCardJson } from './card-template';

/** How a notice looks: `good` confirms, `attention` refuses, `warning` asks to check. */
export type NoticeTone = 'good' | 'attention' | 'warning' | 'default';

/** Data model of `adaptiveCards/notice.json`: already translated and escaped text. */
export interface NoticeCardData {
  readonly style: NoticeTone;
  readonly title: string;
  readonly text: string;
  readonly lines: readonly string[];
}

/** A short message card: refusals, confirmations, errors. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return expandCard('notice', data);
}
