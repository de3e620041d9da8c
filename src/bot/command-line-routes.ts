import { renderCommandLineCard } from '../cards/command-line-card';
import { personalChatOnlyCommand } from '../domain/permissions';
import {
  COMMAND_REGISTRY,
  COMMANDS,
  commandArgumentMax,
  type CommandEntry,
  type CommandId,
} from '../domain/verb-registry';
import { conversationScopeOf, personalChatHint } from './conversation-scope';
import { notice } from './notices';
import type { Route, VerbTurn } from './route-turn';

/**
 * A command typed with too long a text after its word, and the card that sends it again once
 * shortened: the command is run only with a text it reads, exactly as if it had been typed, so
 * its own rules (who may use it, where it is answered) apply unchanged.
 */
function run(commandRoute: (command: CommandId) => Route): Route<VerbTurn<'command.run'>['payload']> {
  return async (turn) => {
    const { i18n, payload } = turn;
    const command = commandOf(payload.command);
    if (!command) return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'commandLine.unknown');
    const argument = typeof payload.argument === 'string' ? payload.argument.trim() : '';
    const max = commandArgumentMax(command);
    if (argument.length > max) return renderCommandLineCard({ command, argument, max }, i18n);
    if (personalChatOnlyCommand(command) && conversationScopeOf(turn.context) !== 'personal')
      return personalChatHint(i18n, command);
    // As a typed command's text is read: single spaces, lower case.
    const asTyped = argument.replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
    return commandRoute(command)({ ...turn, argument: asTyped, payload: {} });
  };
}

/** A command named by a card that takes a text after its word; anything else is none. */
function commandOf(value: unknown): CommandId | undefined {
  if (typeof value !== 'string' || !(COMMANDS as readonly string[]).includes(value)) return undefined;
  return (COMMAND_REGISTRY[value as CommandId] as CommandEntry).takesArgument ? (value as CommandId) : undefined;
}

export const commandLineRoutes = { run };
