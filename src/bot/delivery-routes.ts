import {
  deliveryReport,
  retryFailedDeliveries,
  type DeliveryRefusal,
  type ReportRequest,
} from '../app/delivery/delivery-report';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderDeliveryCard } from '../cards/delivery-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';

/** The delivery report for this person, or why they may not see it. */
async function reportCard(
  turn: RouteTurn<unknown>,
  request: ReportRequest,
  banner: Omit<CardBanner, 'lines'> | null = null,
): Promise<AdaptiveCardJson> {
  const report = await deliveryReport(turn.deps, turn.actor, request);
  if (!report.ok) return refusal(report.error, turn.i18n);
  return renderDeliveryCard(report.value, turn.actor.committee?.timeZone ?? 'Europe/Berlin', turn.i18n, banner);
}

/**
 * `zustellung`, its older and newer pages, and one dispatch with its refresh button. The page
 * and the dispatch come from card data and are checked by the use case.
 */
async function open(turn: VerbTurn<'delivery.open'>): Promise<AdaptiveCardJson> {
  const { page, dispatchId } = turn.payload;
  return reportCard(turn, { page, ...(dispatchId !== undefined ? { dispatchId } : {}) });
}

/**
 * Puts a dispatch's failed messages back into the outbox and shows that dispatch, with how many
 * went back and a refresh button: the outcome of the resend shows there once it is done.
 */
async function retry(turn: VerbTurn<'delivery.retry'>): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const result = await retryFailedDeliveries(turn.deps, turn.actor, turn.payload.dispatchId);
  if (!result.ok) return refusal(result.error, i18n);
  const { retried } = result.value;
  const banner =
    retried > 0
      ? {
          style: 'good' as const,
          title: i18n.t('delivery.retried', { count: retried }),
          text: i18n.t('delivery.retriedText'),
        }
      : { style: 'accent' as const, title: i18n.t('delivery.retriedNone'), text: '' };
  return reportCard(turn, { dispatchId: turn.payload.dispatchId }, banner);
}

/** The secretariat's delivery report, its pages and its resend button. */
export const deliveryRoutes = { open, retry };

function refusal(error: DeliveryRefusal, i18n: Translator): AdaptiveCardJson {
  return error.kind === 'notAllowed'
    ? notice(i18n, 'attention', 'notices.notAllowedTitle', 'delivery.notAllowed')
    : notice(i18n, 'attention', 'notices.unknownCommandTitle', 'delivery.unknownDispatch');
}
