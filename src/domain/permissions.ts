import type { Role } from './roles';
import {
  COMMAND_REGISTRY,
  COMMANDS,
  TOPIC_SUBMITTERS,
  VERB_LIST,
  VERB_REGISTRY,
  type ActionOwner,
  type Audience,
  type CommandEntry,
  type CommandId,
  type Verb,
  type VerbEntry,
} from './verb-registry';

export { COMMANDS, TOPIC_SUBMITTERS, type ActionOwner, type Audience, type CommandId };

/**
 * Who may use each command, from the verb registry. The help card, the command routes and the
 * card actions all ask these tables, so that what a person is offered and what they are allowed
 * never diverge.
 */
export const COMMAND_AUDIENCE: Readonly<Record<CommandId, Audience>> = Object.fromEntries(
  COMMANDS.map((command) => [command, COMMAND_REGISTRY[command].roles]),
) as Record<CommandId, Audience>;

/**
 * Commands answered only in the person's 1:1 chat with the bot, never in a team channel or group
 * chat (see `CommandEntry.personalChatOnly`). The card side marks its verbs with
 * `personalChatOnly` in ACTION_AUDIENCE.
 */
export const PERSONAL_CHAT_ONLY: ReadonlySet<CommandId> = new Set<CommandId>(
  COMMANDS.filter((command) => (COMMAND_REGISTRY[command] as CommandEntry).personalChatOnly === true),
);

/** Commands answered across the person's committees, without a choice of one (see `CommandEntry.acrossCommittees`). */
export const ACROSS_COMMITTEES: ReadonlySet<CommandId> = new Set<CommandId>(
  COMMANDS.filter((command) => (COMMAND_REGISTRY[command] as CommandEntry).acrossCommittees === true),
);

/** Card verbs answered across the person's committees (see `VerbEntry.acrossCommittees`). */
export const ACROSS_COMMITTEES_VERBS: ReadonlySet<Verb> = new Set<Verb>(
  VERB_LIST.filter((verb) => (VERB_REGISTRY[verb] as VerbEntry).acrossCommittees === true),
);

/** Where a command or card action arrives: a 1:1 chat, or a conversation others read too. */
export type ConversationScope = 'personal' | 'shared';

/**
 * The personal-only command that a command word or card verb belongs to, if it is answered only
 * in a 1:1 chat; undefined for everything that may be answered anywhere.
 */
export function personalChatOnlyCommand(commandOrVerb: string): CommandId | undefined {
  if ((COMMANDS as readonly string[]).includes(commandOrVerb))
    return PERSONAL_CHAT_ONLY.has(commandOrVerb as CommandId) ? (commandOrVerb as CommandId) : undefined;
  return Object.hasOwn(ACTION_AUDIENCE, commandOrVerb)
    ? ACTION_AUDIENCE[commandOrVerb as Verb].personalChatOnly
    : undefined;
}

/** Whether the command or card verb may be answered in a conversation of this scope. */
export function answeredIn(commandOrVerb: string, scope: ConversationScope): boolean {
  return scope === 'personal' || personalChatOnlyCommand(commandOrVerb) === undefined;
}

/** Whether the person may submit topics for the agenda. */
export function maySubmitTopics(actor: Pick<ActorStanding, 'roles'>): boolean {
  return TOPIC_SUBMITTERS.some((role) => actor.roles.includes(role));
}

/** What a permission decision needs to know about the acting person and the committee. */
export interface ActorStanding {
  readonly roles: readonly Role[];
  /** False until the committee of the tenant has been set up. */
  readonly committeeExists: boolean;
}

/**
 * Whether the person may use the command. Before a committee exists, anyone may run set-up:
 * the first person to do so becomes its secretariat.
 */
export function mayUse(command: CommandId, actor: ActorStanding): boolean {
  if (command === 'setup' && !actor.committeeExists) return true;
  const audience = COMMAND_AUDIENCE[command];
  return audience === 'anyone' || audience.some((role) => actor.roles.includes(role));
}

/** The commands to offer a person, in the table's order. */
export function availableCommands(actor: ActorStanding): CommandId[] {
  return COMMANDS.filter((command) => mayUse(command, actor));
}

/**
 * Who may use one card action: holders of `roles`, and of those only `onlyThe` person unless they
 * hold one of `orAnyOf`; with `personalChatOnly`, only in a 1:1 chat.
 */
export interface ActionAudience {
  readonly roles: Audience;
  readonly onlyThe?: ActionOwner;
  readonly orAnyOf?: readonly Role[];
  /** Answered only in the person's 1:1 chat: the command of PERSONAL_CHAT_ONLY the action belongs to. */
  readonly personalChatOnly?: CommandId;
}

/**
 * The card side of the table, from the verb registry: every card verb with who may click it.
 * The bot refuses a click by anyone outside `roles` before any use case runs; the use cases
 * still check everything themselves, including the `onlyThe` person.
 */
export const ACTION_AUDIENCE: Readonly<Record<Verb, ActionAudience>> = Object.fromEntries(
  VERB_LIST.map((verb) => {
    const { payload: _payload, ...audience }: { payload: unknown } & ActionAudience = VERB_REGISTRY[verb];
    return [verb, audience];
  }),
) as Record<Verb, ActionAudience>;

/**
 * Whether the person's roles let them use the card action at all. Like `mayUse`, set-up is open
 * to anyone before the committee exists. Verbs outside the table are refused.
 */
export function mayAct(verb: string, actor: ActorStanding): boolean {
  if (!Object.hasOwn(ACTION_AUDIENCE, verb)) return false;
  if (verb.startsWith('setup.') && !actor.committeeExists) return true;
  const { roles } = ACTION_AUDIENCE[verb as Verb];
  return roles === 'anyone' || roles.some((role) => actor.roles.includes(role));
}
