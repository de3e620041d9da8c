import type { TurnContext } from 'botbuilder';

/**
 * Every tenant id the activity names, in the conversation and in Teams' channel data, without
 * repeats. The tenant gate checks all of them; empty when the activity names none.
 */
export function tenantsNamedBy(context: TurnContext): string[] {
  const { activity } = context;
  const named = [
    activity.conversation?.tenantId,
    (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id,
  ];
  return [...new Set(named.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
