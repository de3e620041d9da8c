import type { TurnContext } from 'botbuilder';
import type { ActorIdentity } from '../app/identify-actor';
import { isSafeIdPart } from '../domain/ids';

/**
 * The acting person as Teams vouches for it on the activity: tenant and Entra object id. Card
 * data is never consulted for this. Undefined when the activity lacks them (not from Teams).
 */
export function identityOf(context: TurnContext): ActorIdentity | undefined {
  const { activity } = context;
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId || !isSafeIdPart(tenantId) || !isSafeIdPart(aadObjectId)) return undefined;
  return { tenantId, aadObjectId, displayName: (activity.from.name ?? '').slice(0, 200) };
}
