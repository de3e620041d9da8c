import type { NotCurrentReason } from '../domain/current-holder';
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

const NOT_CURRENT_KEYS = {
  invitation: {
    erased: 'notCurrent.invitationErased',
    inactive: 'notCurrent.invitationInactive',
    seatNotHeld: 'notCurrent.invitationSeatNotHeld',
  },
  minutes: {
    erased: 'notCurrent.minutesErased',
    inactive: 'notCurrent.minutesInactive',
    seatNotHeld: 'notCurrent.minutesSeatNotHeld',
  },
} as const satisfies Record<string, Record<NotCurrentReason, MessageKey>>;

/**
 * The answer to someone who may no longer reply to an invitation or to circulated minutes: why,
 * that nothing was saved, and to turn to the secretariat.
 */
export function notCurrentNotice(
  i18n: Translator,
  what: keyof typeof NOT_CURRENT_KEYS,
  reason: NotCurrentReason,
  params?: MessageParams,
): AdaptiveCardJson {
  return notice(i18n, 'attention', 'notCurrent.title', NOT_CURRENT_KEYS[what][reason], params);
}
