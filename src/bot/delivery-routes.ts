import type { AppDependencies } from '../app/dependencies';
import { deliveryReport, retryFailedDeliveries, type DeliveryRefusal } from '../app/delivery/delivery-report';
import type { Actor } from '../app/identify-actor';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderDeliveryCard } from '../cards/delivery-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';

/** The delivery report for this person, or why they may not see it. */
export async function deliveryCardFor(
  deps: AppDependencies,
  actor: Actor,
  i18n: Translator,
  banner = '',
): Promise<AdaptiveCardJson> {
  const report = await deliveryReport(deps, actor);
  if (!report.ok) return refusal(report.error, i18n);
  return renderDeliveryCard(report.value, actor.committee?.timeZone ?? 'Europe/Berlin', i18n, banner);
}

/** Puts a dispatch's failed messages back into the outbox and shows the report again. */
export async function retryDeliveryCard(
  deps: AppDependencies,
  actor: Actor,
  data: unknown,
  i18n: Translator,
): Promise<AdaptiveCardJson> {
  const dispatchId =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).dispatchId : undefined;
  const result = await retryFailedDeliveries(deps, actor, dispatchId);
  if (!result.ok) return refusal(result.error, i18n);
  return deliveryCardFor(deps, actor, i18n, i18n.t('delivery.retried', { count: result.value.retried }));
}

function refusal(error: DeliveryRefusal, i18n: Translator): AdaptiveCardJson {
  return error.kind === 'notAllowed'
    ? notice(i18n, 'attention', 'notices.notAllowedTitle', 'delivery.notAllowed')
    : notice(i18n, 'attention', 'notices.unknownCommandTitle', 'delivery.unknownDispatch');
}
