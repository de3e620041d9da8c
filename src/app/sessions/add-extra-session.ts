import { toUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { extraSession } from '../../domain/sessions/plan-year';
import { parseClockTime, parseLocalDate } from '../../domain/sessions/session-edit';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Document, Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { meetingSyncOperations } from '../meetings/meeting-sync-dispatch';
import { sessionsOf } from './find-session';
import { newSessionDocument, type SessionDocument } from './session-document';
import { scheduleSessionJobs } from './session-jobs';

export type ExtraSessionRefusal = {
  readonly kind: 'notAllowed' | 'noCommittee' | 'dateRequired' | 'invalidDate' | 'invalidTime' | 'inThePast';
};

/** Marks a day as taken by an extra session, so the same request twice creates one session. */
interface ExtraSessionClaim extends Document {
  readonly type: 'extraSessionClaim';
  readonly sessionId: string;
}

const ATTEMPTS = 5;

/**
 * Adds an extra session on the given day (`20.05.2027`, or with its start `20.05.2027 9:30`,
 * else at the usual start), with the next extra number of its year (`2027/S1`, …),
 * never a regular one, so the year's planning still finds every regular number free. One extra
 * session per day: a repeated or re-delivered request returns the one already made. Two requests
 * for different days at once may pick the same number; the loser takes the next one.
 */
export async function addExtraSession(
  deps: AppDependencies,
  actor: Actor,
  dateText: string,
): Promise<Result<{ readonly session: Stored<SessionDocument>; readonly created: boolean }, ExtraSessionRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('extraSession', actor)) return fail({ kind: 'notAllowed' });
  const [dateWord = '', timeWord, ...rest] = dateText
    .trim()
    .replace(/\s+uhr$/i, '')
    .split(/\s+/);
  if (!dateWord) return fail({ kind: 'dateRequired' });
  const date = parseLocalDate(dateWord);
  if (!date) return fail({ kind: 'invalidDate' });
  const startTime = timeWord === undefined ? undefined : parseClockTime(timeWord);
  if (rest.length > 0 || (timeWord !== undefined && !startTime)) return fail({ kind: 'invalidTime' });
  const now = deps.clock.now().setZone(committee.timeZone);
  if (date < now.toISODate()!) return fail({ kind: 'inThePast' });

  const claimId = `extra-session-${date}`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const claimed = await deps.store.get<ExtraSessionClaim>(actor.committeeId, claimId);
    if (claimed) {
      const existing = await deps.store.get<SessionDocument>(actor.committeeId, claimed.sessionId);
      if (existing) return ok({ session: existing, created: false });
    }
    const numbers = (await sessionsOf(deps.store, actor.committeeId)).map((session) => session.number);
    const planned = extraSession(numbers, date, committee, startTime);
    const session = newSessionDocument(actor.committeeId, planned, toUtcIso(now), actor.identity.aadObjectId);
    const claim: ExtraSessionClaim = {
      id: claimId,
      committeeId: actor.committeeId,
      type: 'extraSessionClaim',
      sessionId: session.id,
    };
    try {
      const [, stored] = await deps.store.batch(actor.committeeId, [
        { op: 'create', document: claim },
        { op: 'create', document: session },
        ...meetingSyncOperations(deps, session, toUtcIso(now)),
      ]);
      await scheduleSessionJobs(deps, committee, session);
      return ok({ session: stored as Stored<SessionDocument>, created: true });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new Error(`Could not number an extra session after ${ATTEMPTS} attempts`);
}
