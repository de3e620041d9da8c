import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { CommandId, ConversationScope } from '../domain/permissions';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';

/**
 * Whether others read along where the activity came from: a team channel or a group chat. Teams
 * names the conversation type on every activity; without one, a conversation marked as a group
 * counts as shared, so nothing personal leaks when a client leaves the type out.
 */
export function conversationScopeOf(context: TurnContext): ConversationScope {
  const conversation = context.activity.conversation;
  const type = conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || conversation?.isGroup === true ? 'shared' : 'personal';
}

/**
 * The one answer in a channel or group chat to a command or card action that is for the asking
 * person alone: where to ask instead. Nothing is read for it but the conversation's language
 * (its committee's), and nothing written.
 */
export function personalChatHint(i18n: Translator, command: CommandId): AdaptiveCardJson {
  return notice(i18n, 'default', 'notices.personalChatOnlyTitle', 'notices.personalChatOnly', {
    command: i18n.t(`commands.${command}.word`),
  });
}
