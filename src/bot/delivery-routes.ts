import { deliveryReport, retryFailedDeliveries, type DeliveryRefusal } from '../app/delivery/delivery-report';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderDeliveryCard } from '../cards/delivery-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';

/** The delivery report for this person, or why they may not see it. */
async function reportCard(turn: RouteTurn<unknown>, banner = ''): Promise<AdaptiveCardJson> {
  const report = await deliveryReport(turn.deps, turn.actor);
  if (!report.ok) return refusal(report.error, turn.i18n);
  return renderDeliveryCard(report.value, turn.actor.committee?.timeZone ?? 'Europe/Berlin', turn.i18n, banner);
}

/** `zustellung`: what was sent, and what failed. */
async function report(turn: RouteTurn): Promise<AdaptiveCardJson> {
  return reportCard(turn);
}

/** Puts a dispatch's failed messages back into the outbox and shows the report again. */
async function retry(turn: VerbTurn<'delivery.retry'>): Promise<AdaptiveCardJson> {
  const result = await retryFailedDeliveries(turn.deps, turn.actor, turn.payload.dispatchId);
  if (!result.ok) return refusal(result.error, turn.i18n);
  return reportCard(turn, turn.i18n.t('delivery.retried', { count: result.value.retried }));
}

/** The secretariat's delivery report and its retry button. */
export const deliveryRoutes = { report, retry };

function refusal(error: DeliveryRefusal, i18n: Translator): AdaptiveCardJson {
  return error.kind === 'notAllowed'
    ? notice(i18n, 'attention', 'notices.notAllowedTitle', 'delivery.notAllowed')
    : notice(i18n, 'attention', 'notices.unknownCommandTitle', 'delivery.unknownDispatch');
}
