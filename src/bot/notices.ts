import type { AdaptiveCardJson } from '../cards/card-template';
import { renderNoticeCard, type NoticeTone } from '../cards/notice-card';
import type { MessageKey, MessageParams, Translator } from '../i18n/translator';

/** A notice card from message keys: the bot's one way of saying no, or that something failed. */
export function notice(
  i18n: Translator,
  tone: NoticeTone,
  title: MessageKey,
  text: MessageKey,
  params?: MessageParams,
  lines: readonly string[] = [],
): AdaptiveCardJson {
  return renderNoticeCard({ style: tone, title: i18n.t(title), text: i18n.t(text, params), lines });
}
