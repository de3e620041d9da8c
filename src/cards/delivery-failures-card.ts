import type { DeliveryFailuresMessage } from '../app/delivery/finish-dispatch';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { failureLines } from './delivery-card';
import { dispatchLabel } from './dispatch-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/delivery-failures.json`. */
export interface DeliveryFailuresCardData {
  readonly title: string;
  readonly queuedAt: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly more: string;
  readonly button: CardButton;
}

/**
 * The secretariat's 1:1 notice that a dispatch finished with messages that did not arrive: which
 * dispatch, how many, who, why and what to do, and the button to the delivery report of that
 * dispatch, where the failed ones are sent again.
 */
export function renderDeliveryFailuresCard(message: DeliveryFailuresMessage, i18n: Translator): AdaptiveCardJson {
  const label = dispatchLabel(message, i18n);
  const unnamed = message.failed - message.failures.length;
  const data: DeliveryFailuresCardData = {
    title: i18n.t(message.round > 0 ? 'deliveryNotice.titleAgain' : 'deliveryNotice.title', { label }),
    queuedAt: i18n.t('dispatches.queuedAt', { at: formatDateTime(message.createdAt, message.timeZone, i18n) }),
    text: i18n.t('deliveryNotice.text', { failed: message.failed, sent: message.sent }),
    lines: failureLines(message.failures, i18n),
    more: unnamed > 0 ? i18n.t('deliveryNotice.more', { count: unnamed }) : '',
    button: cardButton(i18n.t('deliveryNotice.open'), VERBS.deliveryOpen, { dispatchId: message.dispatchId }),
  };
  return expandCard('delivery-failures', data);
}
