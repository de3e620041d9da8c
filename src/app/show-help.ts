import {
  answeredIn,
  availableCommands,
  maySubmitTopics,
  type CommandId,
  type ConversationScope,
} from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { Actor } from './identify-actor';

/** What the help card shows: the person's standing and only the commands open to them where they ask. */
export interface HelpView {
  readonly committeeName?: string;
  readonly committeeExists: boolean;
  readonly roles: readonly Role[];
  /** The commands the person may use and that are answered in this conversation. */
  readonly commands: readonly CommandId[];
  /**
   * Commands the person may use but that are answered only in their 1:1 chat (see
   * PERSONAL_CHAT_ONLY); non-empty only in a channel or group chat, where the card points there.
   */
  readonly personalChatOnly: readonly CommandId[];
  /** Whether the person may submit topics by chat line, which is no command word. */
  readonly submitsTopics: boolean;
}

/**
 * The help card's content for the person, in the conversation they asked in. In a channel or
 * group chat the card offers only what is answered there: a command that would only be refused
 * with a pointer to the personal chat is named as such, not offered.
 */
export function showHelp(actor: Actor, scope: ConversationScope): HelpView {
  const open = availableCommands(actor);
  return {
    committeeName: actor.committee?.name,
    committeeExists: actor.committeeExists,
    roles: actor.roles,
    commands: open.filter((command) => answeredIn(command, scope)),
    personalChatOnly: open.filter((command) => !answeredIn(command, scope)),
    submitsTopics: actor.committeeExists && maySubmitTopics(actor),
  };
}
