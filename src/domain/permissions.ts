import type { Role } from './roles';

/** Every command a person can type; card actions map to the command they belong to. */
export const COMMANDS = ['help', 'setup', 'members', 'planSessions', 'extraSession', 'callForTopics', 'topics', 'agenda', 'publishAgenda', 'workingGroups', 'invite', 'rsvps', 'attendance', 'minutes', 'circulateMinutes', 'approveMinutes', 'actions', 'audit', 'myData', 'delivery'] as const;
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
