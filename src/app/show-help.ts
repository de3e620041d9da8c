import {
  answeredIn,
  availableCommands,
  maySubmitTopics,
  type CommandId,
  type ConversationScope,
} from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { CommitteeChoice } from './committees/my-committees';
import type { Actor, ActorPlace } from './identify-actor';

/** What the help card shows: the person's standing and only the commands open to them where they ask. */
export interface HelpView {
  readonly committeeName?: string;
  readonly committeeShortName?: string;
  readonly committeeExists: boolean;
  /** Where the person asks: a conversation that is no committee's home offers to set one up there. */
  readonly place: ActorPlace['kind'];
  /** In a personal chat: every committee the person belongs to, when there are several. */
  readonly committees: readonly CommitteeChoice[];
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
export function showHelp(
  actor: Actor,
  scope: ConversationScope,
  committees: readonly CommitteeChoice[] = [],
): HelpView {
  // A committee is created only where it will live: a team or group chat that is no committee's home.
  const open = availableCommands(actor).filter(
    (command) => command !== 'setup' || actor.committeeExists || actor.place.kind === 'unclaimed',
  );
  return {
    committeeName: actor.committee?.name,
    committeeShortName: actor.committee?.shortName,
    committeeExists: actor.committeeExists,
    place: actor.place.kind,
    committees: committees.length > 1 ? committees : [],
    roles: actor.roles,
    commands: open.filter((command) => answeredIn(command, scope)),
    personalChatOnly: open.filter((command) => !answeredIn(command, scope)),
    submitsTopics: actor.committeeExists && maySubmitTopics(actor),
  };
}
