import type { Role } from './roles';

/** Every command a person can type; card actions map to the command they belong to. */
export const COMMANDS = [
  'help',
  'setup',
  'members',
  'planSessions',
  'extraSession',
  'callForTopics',
  'topics',
  'agenda',
  'publishAgenda',
  'workingGroups',
  'invite',
  'rsvps',
  'attendance',
  'minutes',
  'circulateMinutes',
  'approveMinutes',
  'actions',
  'audit',
  'myData',
  'delivery',
] as const;
export type CommandId = (typeof COMMANDS)[number];

/** Who may use a command: everybody, or only holders of the listed roles. */
export type Audience = 'anyone' | readonly Role[];

/**
 * The single table of who may do what. The help card, the command routes and the card actions
 * all ask this table, so that what a person is offered and what they are allowed never diverge.
 */
export const COMMAND_AUDIENCE: Readonly<Record<CommandId, Audience>> = {
  help: 'anyone',
  setup: ['secretariat'],
  members: ['secretariat'],
  planSessions: ['secretariat'],
  extraSession: ['secretariat'],
  callForTopics: ['secretariat'],
  topics: ['secretariat'],
  agenda: ['secretariat'],
  publishAgenda: ['secretariat'],
  workingGroups: ['secretariat'],
  invite: ['secretariat'],
  rsvps: ['secretariat'],
  attendance: ['secretariat'],
  minutes: ['secretariat'],
  circulateMinutes: ['secretariat'],
  approveMinutes: ['secretariat'],
  actions: ['secretariat', 'chair', 'member', 'deputy', 'workingGroup'],
  audit: ['secretariat'],
  myData: 'anyone',
  delivery: ['secretariat'],
};

/**
 * Commands answered only in the person's 1:1 chat with the bot, never in a team channel or group
 * chat: their answer is for the asking person alone (the export link of "my data" works without
 * sign-in; the audit trail names people and what was changed about them). Asked for in a shared
 * conversation, the bot only says where to ask and reads nothing. The card side marks its verbs
 * with `personalChatOnly` in ACTION_AUDIENCE.
 */
export const PERSONAL_CHAT_ONLY: ReadonlySet<CommandId> = new Set<CommandId>(['audit', 'myData']);

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
    ? (ACTION_AUDIENCE[commandOrVerb as ActionVerb] as ActionAudience).personalChatOnly
    : undefined;
}

/** Whether the command or card verb may be answered in a conversation of this scope. */
export function answeredIn(commandOrVerb: string, scope: ConversationScope): boolean {
  return scope === 'personal' || personalChatOnlyCommand(commandOrVerb) === undefined;
}

/**
 * Who may submit topics, practice experiences and needs for action: the working group (its
 * right under the committee's decision), the members and the secretariat. Submitting is a chat
 * line or a card form, not a command word, so it has its own entry beside the table.
 */
export const TOPIC_SUBMITTERS: readonly Role[] = ['workingGroup', 'member', 'secretariat'];

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
 * The person an action belongs to, where holding a role is not enough: the invitee of an
 * invitation, an attendee of the circulated minutes, the responsible person of an action item,
 * the submitter of a topic (when the card edits or withdraws an existing submission). The use
 * case checks this against stored state; the table says it so that the rule is visible in one
 * place.
 */
export type ActionOwner = 'invitee' | 'attendee' | 'responsible' | 'submitter';

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

const SECRETARIAT: ActionAudience = { roles: ['secretariat'] };
const WITH_A_ROLE: readonly Role[] = ['secretariat', 'chair', 'member', 'deputy', 'workingGroup'];

/**
 * The card side of the table: every card verb (the ids of src/cards/verbs.ts VERBS, kept as
 * literals because the domain imports no outer layer; a test holds the two lists equal) with
 * who may click it. The bot refuses a click by anyone outside `roles` before any use case runs;
 * the use cases still check everything themselves, including the `onlyThe` person.
 */
export const ACTION_AUDIENCE = {
  'setup.open': SECRETARIAT,
  'setup.save': SECRETARIAT,
  'delivery.retry': SECRETARIAT,
  'session.list': SECRETARIAT,
  'session.edit': SECRETARIAT,
  'session.save': SECRETARIAT,
  'session.step': SECRETARIAT,
  'session.invite': SECRETARIAT,
  'invitation.view': { roles: ['member', 'deputy'], onlyThe: 'invitee' },
  'rsvp.answer': { roles: ['member', 'deputy'], onlyThe: 'invitee' },
  'rsvps.open': SECRETARIAT,
  'rsvps.remind': SECRETARIAT,
  'attendance.open': SECRETARIAT,
  'attendance.save': SECRETARIAT,
  'topic.form': { roles: TOPIC_SUBMITTERS, onlyThe: 'submitter' },
  'topic.submit': { roles: TOPIC_SUBMITTERS, onlyThe: 'submitter' },
  'topic.withdraw': { roles: TOPIC_SUBMITTERS, onlyThe: 'submitter' },
  'topics.open': SECRETARIAT,
  'topic.decideForm': SECRETARIAT,
  'topic.decide': SECRETARIAT,
  'agenda.open': SECRETARIAT,
  'agenda.move': SECRETARIAT,
  'agenda.itemForm': SECRETARIAT,
  'agenda.itemSave': SECRETARIAT,
  'agenda.publish': SECRETARIAT,
  'workingGroups.open': SECRETARIAT,
  'workingGroup.form': SECRETARIAT,
  'workingGroup.save': SECRETARIAT,
  'workingGroup.end': SECRETARIAT,
  'minutes.open': SECRETARIAT,
  'minutes.itemForm': SECRETARIAT,
  'minutes.itemSave': SECRETARIAT,
  'minutes.circulate': SECRETARIAT,
  'minutes.respond': { roles: ['member', 'deputy'], onlyThe: 'attendee' },
  'minutes.approve': SECRETARIAT,
  'actions.open': { roles: WITH_A_ROLE },
  'action.open': { roles: WITH_A_ROLE },
  'action.status': { roles: WITH_A_ROLE, onlyThe: 'responsible', orAnyOf: ['secretariat'] },
  'action.proposeDue': { roles: WITH_A_ROLE, onlyThe: 'responsible', orAnyOf: ['secretariat'] },
  'action.decideDue': SECRETARIAT,
  'roster.open': SECRETARIAT,
  'roster.import': SECRETARIAT,
  'roster.newSeat': SECRETARIAT,
  'roster.editSeat': SECRETARIAT,
  'roster.saveSeat': SECRETARIAT,
  'roster.removeSeat': SECRETARIAT,
  'roster.editPerson': SECRETARIAT,
  'roster.saveRoles': SECRETARIAT,
  'roster.setActive': SECRETARIAT,
  'person.erase': SECRETARIAT,
  'audit.open': { ...SECRETARIAT, personalChatOnly: 'audit' },
} as const satisfies Readonly<Record<string, ActionAudience>>;
export type ActionVerb = keyof typeof ACTION_AUDIENCE;

/**
 * Whether the person's roles let them use the card action at all. Like `mayUse`, set-up is open
 * to anyone before the committee exists. Verbs outside the table are refused.
 */
export function mayAct(verb: string, actor: ActorStanding): boolean {
  if (!Object.hasOwn(ACTION_AUDIENCE, verb)) return false;
  if (verb.startsWith('setup.') && !actor.committeeExists) return true;
  const { roles } = ACTION_AUDIENCE[verb as ActionVerb] as ActionAudience;
  return roles === 'anyone' || roles.some((role) => actor.roles.includes(role));
}
