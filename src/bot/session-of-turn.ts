import {
  chosenSessionForCommand,
  sessionForCommand,
  type SessionAccess,
  type SessionAccessRefusal,
} from '../app/sessions/find-session';
import { nowUtcIso } from '../domain/clock';
import type { CommandId } from '../domain/permissions';
import type { Result } from '../domain/result';
import type { SessionState } from '../domain/sessions/session-state';
import type { RouteTurn } from './route-turn';

/** The turn of a click that names a session, or of the command that names or means one. */
export type SessionTurn = RouteTurn<{ readonly sessionId: unknown }>;

/**
 * The session a secretariat's turn is about: the one a typed command names or means (the next
 * session that `suits`, when the command names none), or the one the clicked card names. One
 * place, so a command and the card's button that does the same always find the same session.
 */
export function sessionOfTurn(
  turn: SessionTurn,
  command: CommandId,
  suits: (state: SessionState) => boolean,
): Promise<Result<SessionAccess, SessionAccessRefusal>> {
  const { deps, actor } = turn;
  return turn.argument !== undefined
    ? chosenSessionForCommand(deps.store, actor, command, turn.argument, suits, nowUtcIso(deps.clock))
    : sessionForCommand(deps.store, actor, command, turn.payload.sessionId);
}
