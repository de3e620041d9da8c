import { availableCommands, maySubmitTopics, type CommandId } from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { Actor } from './identify-actor';

/** What the help card shows: the person's standing and only the commands open to them. */
export interface HelpView {
  readonly committeeName?: string;
  readonly committeeExists: boolean;
  readonly roles: readonly Role[];
  readonly commands: readonly CommandId[];
  /** Whether the person may submit topics by chat line, which is no command word. */
  readonly submitsTopics: boolean;
}

export function showHelp(actor: Actor): HelpView {
  return {
    committeeName: actor.committee?.name,
    committeeExists: actor.committeeExists,
    roles: actor.roles,
    commands: availableCommands(actor),
    submitsTopics: actor.committeeExists && maySubmitTopics(actor),
  };
}
