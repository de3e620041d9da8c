import type { TurnContext } from 'botbuilder';
import type { ActorIdentity } from '../app/identify-actor';
import { isSafeIdPart } from '../domain/ids';
import { plainName } from '../domain/text-input';

/**
 * The acting person as Teams vouches for it on the activity: tenant and Entra object id. Card
 * data is never consulted for this. Undefined when the activity lacks them (not from Teams).
 * The display name is outside input like any text: control characters are removed before it
 * can be stored (as the first secretariat's name, a submitter's name).
 */
export function identityOf(context: TurnContext): ActorIdentity | undefined {
  const { activity } = context;
  const tenantId =
    activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId || !isSafeIdPart(tenantId) || !isSafeIdPart(aadObjectId)) return undefined;
  return { tenantId, aadObjectId, displayName: plainName(activity.from.name, 200) };
}
