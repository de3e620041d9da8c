import { mayUse, type CommandId } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { isSafeIdPart } from '../../domain/ids';
import { formatSessionNumber, parseSessionNumber, type SessionNumber } from '../../domain/sessions/session-number';
import type { SessionState } from '../../domain/sessions/session-state';
import type { DocumentStore, Stored } from '../ports/document-store';
import type { SessionDocument } from './session-document';

/** Every session of the committee (of one year, if given), in date order. */
export async function sessionsOf(
  store: DocumentStore,
  committeeId: string,
  year?: number,
): Promise<Array<Stored<SessionDocument>>> {
  const sessions = await store.query<SessionDocument>(committeeId, {
    type: 'session',
    where: year === undefined ? [] : [{ field: 'year', op: '=', value: year }],
  });
  return sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.sequence - b.sequence);
}

/**
 * The session a card names by id. Ids from cards are untrusted: an id that could not be ours, or
 * another committee's, finds nothing, because every read stays in the actor's own partition.
 */
export async function sessionById(
  store: DocumentStore,
  committeeId: string,
  sessionId: unknown,
): Promise<Stored<SessionDocument> | undefined> {
  if (typeof sessionId !== 'string' || !isSafeIdPart(sessionId) || !sessionId.startsWith('session-')) return undefined;
  return store.get<SessionDocument>(committeeId, sessionId);
}

/**
 * The session with this number. Found by its number rather than its id, because an extra
 * session stored before extra sessions had numbers of their own keeps the id of the regular
 * number it had then.
 */
export async function sessionByNumber(
  store: DocumentStore,
  committeeId: string,
  number: SessionNumber,
): Promise<Stored<SessionDocument> | undefined> {
  const found = await store.query<SessionDocument>(committeeId, {
    type: 'session',
    where: [{ field: 'number', op: '=', value: formatSessionNumber(number) }],
  });
  return found.find((session) => !session.extra) ?? found[0];
}

export type SessionChoice =
  | { readonly ok: true; readonly session: Stored<SessionDocument> }
  | { readonly ok: false; readonly reason: 'notANumber' | 'notFound' | 'noneSuitable' };

/**
 * The session a typed command is about: the one it names (`2027/1`, `2027/S1`), or else the next one
 * (by start) in a state the command works on (`suits`, a rule of `session-state.ts`), or failing
 * that the latest such one.
 */
export async function chooseSession(
  store: DocumentStore,
  committeeId: string,
  argument: string,
  suits: (state: SessionState) => boolean,
  nowIso: string,
): Promise<SessionChoice> {
  if (argument.trim()) {
    const number = parseSessionNumber(argument);
    if (!number) return { ok: false, reason: 'notANumber' };
    const session = await sessionByNumber(store, committeeId, number);
    return session ? { ok: true, session } : { ok: false, reason: 'notFound' };
  }
  const candidates = (await sessionsOf(store, committeeId)).filter((session) => suits(session.state));
  const upcoming = candidates.find((session) => session.endsAt >= nowIso);
  const chosen = upcoming ?? candidates.at(-1);
  return chosen ? { ok: true, session: chosen } : { ok: false, reason: 'noneSuitable' };
}

export type SessionAccessRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' | 'notANumber' | 'noneSuitable' }
  | { readonly kind: 'notFound'; readonly number: string };

/** A committee's session for one of the secretariat's commands, or why there is none. */
export interface SessionAccess {
  readonly committee: Stored<CommitteeDocument>;
  readonly session: Stored<SessionDocument>;
}

/** The session a card names, if the actor may use `command` on it. */
export async function sessionForCommand(
  store: DocumentStore,
  actor: Actor,
  command: CommandId,
  sessionId: unknown,
): Promise<Result<SessionAccess, SessionAccessRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse(command, actor)) return fail({ kind: 'notAllowed' });
  const session = await sessionById(store, actor.committeeId, sessionId);
  return session ? ok({ committee: actor.committee, session }) : fail({ kind: 'unknownSession' });
}

/** The session a typed command names or means (see `chooseSession`), if the actor may use it. */
export async function chosenSessionForCommand(
  store: DocumentStore,
  actor: Actor,
  command: CommandId,
  argument: string,
  suits: (state: SessionState) => boolean,
  nowIso: string,
): Promise<Result<SessionAccess, SessionAccessRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse(command, actor)) return fail({ kind: 'notAllowed' });
  const choice = await chooseSession(store, actor.committeeId, argument, suits, nowIso);
  if (choice.ok) return ok({ committee: actor.committee, session: choice.session });
  return fail(choice.reason === 'notFound' ? { kind: 'notFound', number: argument.trim() } : { kind: choice.reason });
}

/** A year's sessions for the secretariat's year card, or why the actor may not see them. */
export async function yearForCommand(
  store: DocumentStore,
  actor: Actor,
  yearInput: unknown,
): Promise<Result<{ readonly year: number; readonly sessions: Array<Stored<SessionDocument>> }, SessionAccessRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  if (typeof yearInput !== 'number' || !Number.isInteger(yearInput)) return fail({ kind: 'unknownSession' });
  return ok({ year: yearInput, sessions: await sessionsOf(store, actor.committeeId, yearInput) });
}
