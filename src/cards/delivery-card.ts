import type { DispatchSummary } from '../app/delivery/delivery-report';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/** Failures listed per dispatch; the rest is counted, so the card stays within Teams' size. */
export const LISTED_FAILURES = 10;

/** Data model of `adaptiveCards/delivery.json`. */
export interface DeliveryCardData {
  readonly banner: string;
  readonly title: string;
  readonly none: string;
  readonly dispatches: ReadonlyArray<{
    readonly heading: string;
    readonly counts: string;
    readonly failures: readonly string[];
    readonly retry: { readonly title: string; readonly verb: string; readonly dispatchId: string } | null;
  }>;
}

/** The delivery report: one block per dispatch, failures with their reason, and a retry action. */
export function renderDeliveryCard(
  dispatches: readonly DispatchSummary[],
  timeZone: string,
  i18n: Translator,
  banner = '',
): AdaptiveCardJson {
  const data: DeliveryCardData = {
    banner,
    title: i18n.t('delivery.title'),
    none: i18n.t('delivery.none'),
    dispatches: dispatches.map((dispatch) => {
      const listed = dispatch.failures.slice(0, LISTED_FAILURES).map((failure) =>
        i18n.t('delivery.failure', {
          recipient: recipientText(failure.recipientLabel, i18n),
          reason: reasonText(failure, i18n),
        }),
      );
      const more = dispatch.failures.length - listed.length;
      return {
        heading: i18n.t('delivery.dispatch', {
          dispatch: escapeMarkdown(dispatch.dispatchId),
          at: formatDateTime(dispatch.createdAt, timeZone, i18n),
        }),
        counts: i18n.t('delivery.counts', { sent: dispatch.sent, pending: dispatch.pending, failed: dispatch.failed }),
        failures: more > 0 ? [...listed, i18n.t('delivery.moreFailures', { count: more })] : listed,
        retry:
          dispatch.failed > 0
            ? { title: i18n.t('delivery.retry'), verb: VERBS.deliveryRetry, dispatchId: dispatch.dispatchId }
            : null,
      };
    }),
  };
  return expandCard('delivery', data);
}

function reasonText(failure: DispatchSummary['failures'][number], i18n: Translator): string {
  if (failure.reason === 'attemptsExhausted') return i18n.t('delivery.reasonAttemptsExhausted');
  if (failure.reason === 'noConversation') return i18n.t('delivery.reasonNoConversation');
  const status = failure.status ?? '–';
  if (failure.status === 403) return i18n.t('delivery.reasonBlocked', { status });
  if (failure.status === 404) return i18n.t('delivery.reasonGone', { status });
  return i18n.t('delivery.reasonRejected', { status });
}

/**
 * The label a message to the working group's channel or group chat is stored with: a marker in
 * the outbox, not a word for the reader, so it is translated here.
 */
const WORKING_GROUP_CONVERSATION_LABEL = 'working group';

function recipientText(label: string, i18n: Translator): string {
  return label === WORKING_GROUP_CONVERSATION_LABEL
    ? i18n.t('delivery.workingGroupConversation')
    : escapeMarkdown(label);
}
