import { DateTime } from 'luxon';
import { mayUse, type CommandId } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { isSafeIdPart } from '../../domain/ids';
import { formatSessionNumber, parseSessionNumber, type SessionNumber } from '../../domain/sessions/session-number';
import type { SessionState } from '../../domain/sessions/session-state';
import type { DocumentStore, Stored } from '../ports/document-store';
import { displacedSessionDocumentId, sessionDocumentId, type SessionDocument } from './session-document';

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
  return sessions.sort(bySessionOrder);
}

/** Date order of sessions, the sequence deciding between two at the same start. */
export function bySessionOrder(a: SessionDocument, b: SessionDocument): number {
  return a.startsAt.localeCompare(b.startsAt) || a.sequence - b.sequence;
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
  const formatted = formatSessionNumber(number);
  const candidates = sessionIdsOfNumber(number);
  if (candidates.length > 0) {
    const byId = await store.getMany<SessionDocument>(candidates.map((id) => ({ committeeId, id })));
    const regular = byId.find(
      (session) => session?.type === 'session' && !session.extra && session.number === formatted,
    );
    if (regular) return regular;
  }
  const found = await store.query<SessionDocument>(committeeId, {
    type: 'session',
    where: [{ field: 'number', op: '=', value: formatted }],
  });
  return found.find((session) => !session.extra) ?? found[0];
}

/**
 * The ids a regular session with this number can be stored under: its number's id, or the id it
 * takes when an earlier extra session holds that one (see `planSessions`). Regular sessions are
 * stored under no other id, so a regular session found there is the one a query by number finds.
 * None for an extra number: an extra session stored before extra sessions had numbers of their
 * own keeps the id of the regular number it had then, so only a query finds it for sure.
 */
export function sessionIdsOfNumber(number: SessionNumber): string[] {
  if (number.extra) return [];
  return [sessionDocumentId(number.year, number.sequence), displacedSessionDocumentId(number.year, number.sequence)];
}

export type SessionChoice =
  | { readonly ok: true; readonly session: Stored<SessionDocument> }
  | { readonly ok: false; readonly reason: 'notANumber' | 'notFound' | 'noneSuitable' };

/**
 * Which sessions a command works on: a rule of `session-state.ts` about the state, or one that
 * also asks the session's other facts (the call for topics asks its deadline and whether it is out).
 */
export type SessionSuits = (state: SessionState, session: SessionDocument) => boolean;

/**
 * The session a typed command is about: the one it names (`2027/1`, `2027/S1`), or else the next one
 * (by start) that the command works on (`suits`), or failing that the latest such one.
 */
export async function chooseSession(
  store: DocumentStore,
  committeeId: string,
  argument: string,
  suits: SessionSuits,
  nowIso: string,
): Promise<SessionChoice> {
  if (argument.trim()) {
    const number = parseSessionNumber(argument);
    if (!number) return { ok: false, reason: 'notANumber' };
    const session = await sessionByNumber(store, committeeId, number);
    return session ? { ok: true, session } : { ok: false, reason: 'notFound' };
  }
  const candidates = (await sessionsOf(store, committeeId)).filter((session) => suits(session.state, session));
  const upcoming = candidates.find((session) => session.endsAt >= nowIso);
  const chosen = upcoming ?? candidates.at(-1);
  return chosen ? { ok: true, session: chosen } : { ok: false, reason: 'noneSuitable' };
}

/**
 * The first session after `after` (by start) that `suits`: where a refusal says the same is
 * possible instead ("the next session's call: themenaufruf 2027/2").
 */
export async function nextSessionThat(
  store: DocumentStore,
  committeeId: string,
  after: Pick<SessionDocument, 'id' | 'startsAt'>,
  suits: (session: Stored<SessionDocument>) => boolean,
): Promise<Stored<SessionDocument> | undefined> {
  return (await sessionsOf(store, committeeId)).find(
    (session) => session.id !== after.id && session.startsAt > after.startsAt && suits(session),
  );
}

/** A session as a refusal lists it: its number and day. */
export interface KnownSession {
  readonly number: string;
  readonly extra: boolean;
  readonly startsAt: string;
}

export type SessionAccessRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' | 'notANumber' | 'noneSuitable' }
  /**
   * No session has the typed number. `known` are the sessions that exist instead: of the year the
   * number names, or if it has none, of `years` (this one and the next), in date order.
   */
  | {
      readonly kind: 'notFound';
      readonly number: string;
      readonly known: readonly KnownSession[];
      readonly years: readonly number[];
      readonly timeZone: string;
    };

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
  suits: SessionSuits,
  nowIso: string,
): Promise<Result<SessionAccess, SessionAccessRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse(command, actor)) return fail({ kind: 'notAllowed' });
  const choice = await chooseSession(store, actor.committeeId, argument, suits, nowIso);
  if (choice.ok) return ok({ committee: actor.committee, session: choice.session });
  if (choice.reason !== 'notFound') return fail({ kind: choice.reason });
  return fail(await notFound(store, actor.committee, argument.trim(), nowIso));
}

/** Longest list of sessions a refusal names; more would not fit a short message. */
const KNOWN_SESSIONS_MAX = 12;

/** The refusal for a number that names no session, with the sessions that do exist (see `SessionAccessRefusal`). */
async function notFound(
  store: DocumentStore,
  committee: Stored<CommitteeDocument>,
  number: string,
  nowIso: string,
): Promise<Extract<SessionAccessRefusal, { kind: 'notFound' }>> {
  const named = parseSessionNumber(number)?.year;
  const thisYear = DateTime.fromISO(nowIso, { zone: 'utc' }).setZone(committee.timeZone).year;
  const ofNamedYear = named === undefined ? [] : await sessionsOf(store, committee.committeeId, named);
  const years = ofNamedYear.length > 0 ? [named!] : [thisYear, thisYear + 1];
  const sessions =
    ofNamedYear.length > 0
      ? ofNamedYear
      : (await Promise.all(years.map((year) => sessionsOf(store, committee.committeeId, year)))).flat();
  return {
    kind: 'notFound',
    number,
    known: sessions
      .slice(0, KNOWN_SESSIONS_MAX)
      .map((session) => ({ number: session.number, extra: session.extra, startsAt: session.startsAt })),
    years,
    timeZone: committee.timeZone,
  };
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
