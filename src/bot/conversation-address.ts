import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ConversationAddress, ConversationKind } from '../app/documents';
import type { TurnConversation } from '../app/committees/identify-committee';
import type { ConversationSighting } from '../app/remember-conversation';
import { plainName } from '../domain/text-input';

/** Longest conversation, team or user name kept; Teams' own limits are far below. */
const NAME_MAX = 200;

/** A name Teams supplies, without control characters; undefined when nothing is left. */
function teamsName(value: string | undefined): string | undefined {
  return plainName(value, NAME_MAX) || undefined;
}

interface TeamsChannelData {
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
  readonly tenant?: { readonly id?: string };
}

/** Maps an activity to the plain conversation data the app layer keeps. */
export function sightingOf(context: TurnContext): ConversationSighting | undefined {
  const { activity } = context;
  const reference = TurnContext.getConversationReference(activity);
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const address = addressOf(reference, channelData.tenant?.id);
  if (!address) return undefined;
  const title =
    address.conversationType === 'channel'
      ? [teamsName(channelData.team?.name), teamsName(channelData.channel?.name)].filter(Boolean).join(' › ') ||
        undefined
      : teamsName(activity.conversation?.name);
  return {
    address,
    title,
    teamId: channelData.team?.id,
    teamName: teamsName(channelData.team?.name),
    locale: activity.locale,
  };
}

/**
 * The address of another channel of the same team, for channels listed at installation. The
 * general channel has no name in the Teams API; it is shown by the team's name.
 */
export function channelSighting(
  team: ConversationSighting,
  channelId: string,
  channelName: string | undefined,
): ConversationSighting {
  return {
    ...team,
    address: { ...team.address, conversationId: channelId },
    title: [team.teamName, teamsName(channelName)].filter(Boolean).join(' › '),
  };
}

function addressOf(
  reference: Partial<ConversationReference>,
  channelDataTenant: string | undefined,
): ConversationAddress | undefined {
  const conversation = reference.conversation;
  const tenantId = conversation?.tenantId ?? channelDataTenant;
  if (!conversation?.id || !reference.serviceUrl || !reference.bot?.id || !tenantId) return undefined;
  const kind: ConversationKind =
    conversation.conversationType === 'channel'
      ? 'channel'
      : conversation.conversationType === 'groupChat' || conversation.isGroup
        ? 'groupChat'
        : 'personal';
  return {
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId ?? 'msteams',
    // A reply in a channel thread carries ";messageid=…"; new posts go to the channel itself.
    conversationId: kind === 'channel' ? conversation.id.split(';')[0]! : conversation.id,
    conversationType: kind,
    tenantId,
    botId: reference.bot.id,
    botName: reference.bot.name,
    userId: kind === 'personal' ? reference.user?.id : undefined,
    userAadObjectId: kind === 'personal' ? reference.user?.aadObjectId : undefined,
    userName: kind === 'personal' ? teamsName(reference.user?.name) : undefined,
  };
}

/**
 * The conversation of the activity as committees are found by it: a channel with its team, a
 * group chat, or a personal chat. Undefined when the activity names no conversation.
 */
export function turnConversationOf(context: TurnContext): TurnConversation | undefined {
  const sighting = sightingOf(context);
  if (!sighting) return undefined;
  const { conversationType: kind, conversationId } = sighting.address;
  if (kind === 'channel')
    return { kind, conversationId, ...(sighting.teamId ? { teamId: sighting.teamId } : {}), title: sighting.teamName };
  return { kind, conversationId, ...(sighting.title ? { title: sighting.title } : {}) };
}
