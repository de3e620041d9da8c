import { toUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { planYear, type PlannedSession } from '../../domain/sessions/plan-year';
import { extraSequencesOf, formatSessionNumber, parseSessionNumber } from '../../domain/sessions/session-number';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { savedUnlessChanged } from '../saved-unless-changed';
import { meetingSyncOperations } from '../meetings/meeting-sync-dispatch';
import { sessionsOf } from './find-session';
import {
  displacedSessionDocumentId,
  newSessionDocument,
  sessionDocumentId,
  type SessionDocument,
} from './session-document';
import { scheduleSessionJobs } from './session-jobs';
import type { JobDocument } from '../scheduling/job';

export type PlanSessionsRefusal =
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'noCommittee' }
  | { readonly kind: 'invalidYear'; readonly min: number; readonly max: number };

/** Planning reaches this far back and ahead of the current year. */
const YEARS_AROUND = { back: 1, ahead: 5 } as const;

/**
 * Creates the year's regular sessions as planning proposes them. Sessions that exist already are
 * kept as they are (the secretariat may have edited them), so planning twice creates nothing
 * twice, and two secretaries planning at once end with one set: each session is a create, and
 * a conflict means the other was faster. Extra sessions never count as regular ones.
 */
export async function planSessions(
  deps: AppDependencies,
  actor: Actor,
  yearInput: unknown,
): Promise<
  Result<
    {
      readonly created: ReadonlyArray<Stored<SessionDocument>>;
      readonly existing: ReadonlyArray<Stored<SessionDocument>>;
    },
    PlanSessionsRefusal
  >
> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  const now = deps.clock.now().setZone(actor.committee.timeZone);
  const min = now.year - YEARS_AROUND.back;
  const max = now.year + YEARS_AROUND.ahead;
  const year =
    typeof yearInput === 'number'
      ? yearInput
      : typeof yearInput === 'string' && /^\d{4}$/.test(yearInput.trim())
        ? Number(yearInput.trim())
        : NaN;
  if (!Number.isInteger(year) || year < min || year > max) return fail({ kind: 'invalidYear', min, max });

  const nowIso = toUtcIso(now);
  const created: Array<Stored<SessionDocument>> = [];
  const existing: Array<Stored<SessionDocument>> = [];
  // The year's regular sessions, read once: planning a planned year again then tries no create
  // and reads no session one by one. A session that is not found here (or an extra session on a
  // regular id) goes the way of a new one, which settles every race with a create.
  const stored = new Map(
    (await sessionsOf(deps.store, actor.committeeId, year))
      .filter((session) => !session.extra)
      .map((session) => [session.id, session]),
  );
  const plannedYear = planYear(year, actor.committee);
  // The jobs of the sessions that exist already, read at once for all of them: each one's
  // schedule is then repaired without a read of its own.
  const jobs = plannedYear.some((planned) => stored.has(sessionDocumentId(planned.year, planned.sequence)))
    ? await jobsOfSessionsOf(deps, actor.committeeId, year)
    : undefined;
  for (const planned of plannedYear) {
    const known = stored.get(sessionDocumentId(planned.year, planned.sequence));
    const outcome = known
      ? { session: known, created: false }
      : await createRegularSession(deps, actor, actor.committee, planned, nowIso);
    if (!outcome) continue;
    // Also repairs a schedule that a crash right after creating the session left out.
    if (!outcome.created) await scheduleSessionJobs(deps, actor.committee, outcome.session, jobs);
    (outcome.created ? created : existing).push(outcome.session);
  }
  return ok({ created, existing });
}

/**
 * The jobs of every session of `year` (and of any other subject whose id starts like theirs,
 * which the callers filter out by subject): session ids are `session-<year>-…`, so one range of
 * `subjectId` holds them all.
 */
function jobsOfSessionsOf(
  { store }: AppDependencies,
  committeeId: string,
  year: number,
): Promise<Array<Stored<JobDocument>>> {
  return store.query<JobDocument>(committeeId, {
    type: 'job',
    where: [
      { field: 'subjectId', op: '>=', value: `session-${year}-` },
      { field: 'subjectId', op: '<', value: `session-${year}.` },
    ],
  });
}

/**
 * Stores one regular session, or finds it stored. Its id may be held by an extra session stored
 * before extra sessions had numbers of their own (it then took the year's next regular number):
 * that session is no regular one and must not stand in for it. It moves to the next extra number
 * of its year (same id, so its answers, agenda and links stay), and the regular session is
 * stored under the displaced id instead.
 */
async function createRegularSession(
  deps: AppDependencies,
  actor: Actor,
  committee: CommitteeDocument,
  planned: PlannedSession,
  nowIso: string,
): Promise<{ readonly session: Stored<SessionDocument>; readonly created: boolean } | undefined> {
  const { year, sequence } = planned;
  for (const id of [sessionDocumentId(year, sequence), displacedSessionDocumentId(year, sequence)]) {
    const document = newSessionDocument(actor.committeeId, planned, nowIso, actor.identity.aadObjectId, id);
    try {
      // With an organiser mailbox, the session's Outlook event is queued in the same batch.
      const [created] = await deps.store.batch(actor.committeeId, [
        { op: 'create', document },
        ...meetingSyncOperations(deps, document, nowIso),
      ]);
      const stored = created as Stored<SessionDocument>;
      await scheduleSessionJobs(deps, committee, stored);
      return { session: stored, created: true };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const stored = await deps.store.get<SessionDocument>(actor.committeeId, id);
    if (!stored) return undefined;
    if (!stored.extra) return { session: stored, created: false };
    if (stored.number === planned.number) await renumberEarlierExtraSession(deps, actor, stored, nowIso);
  }
  return undefined;
}

/** Gives an extra session that holds a regular number the next extra number of its year. */
async function renumberEarlierExtraSession(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
  nowIso: string,
): Promise<void> {
  const holdsRegularNumber = (candidate: SessionDocument | undefined) =>
    candidate?.extra === true && !parseSessionNumber(candidate.number)?.extra;
  for (let current: Stored<SessionDocument> | undefined = session; current && holdsRegularNumber(current);) {
    const numbers = (await sessionsOf(deps.store, actor.committeeId, current.year)).map((other) => other.number);
    const sequence = Math.max(0, ...extraSequencesOf(numbers, current.year)) + 1;
    const renumbered: SessionDocument = {
      ...current,
      number: formatSessionNumber({ year: current.year, sequence, extra: true }),
      sequence,
      revision: current.revision + 1,
      updatedAt: nowIso,
      updatedBy: actor.identity.aadObjectId,
    };
    const etag = current._etag;
    if ((await savedUnlessChanged(() => deps.store.replace(renumbered, etag))).ok) return;
    // Someone changed it meanwhile (perhaps a second planner renumbered it): look again.
    current = await deps.store.get<SessionDocument>(actor.committeeId, current.id);
  }
}
