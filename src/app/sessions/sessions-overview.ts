import { takesTopicsAt } from '../../domain/agenda/submission-window';
import { nowUtcIso } from '../../domain/clock';
import { maySubmitTopics, mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { invitationOf } from '../../domain/sessions/invitation';
import { invitationsAreOut } from '../../domain/sessions/session-state';
import { sessionTracks, type SessionTracks } from '../../domain/sessions/session-tracks';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { AppDependencies } from '../dependencies';
import type { Stored } from '../ports/document-store';
import { sessionsOf } from './find-session';
import { answersOf } from './invitation-drafts';
import type { SessionDocument } from './session-document';

/** One session of the list: the session, where each of its tracks stands, and what the viewer can open. */
export interface SessionOverviewEntry {
  readonly session: Stored<SessionDocument>;
  readonly tracks: SessionTracks;
  /** The viewer holds an invitation to it (as member or deputy), so their invitation card can open. */
  readonly invited: boolean;
  /** The viewer may submit a topic for it now (it takes topics, and they may submit). */
  readonly takesTopicsFromViewer: boolean;
}

/** The list of sessions for `sitzungen`: the years shown, and each session of them in date order. */
export interface SessionsOverview {
  readonly years: readonly number[];
  readonly timeZone: string;
  /** The viewer runs the cycle (the secretariat): they see every detail and the buttons to act. */
  readonly forSecretariat: boolean;
  /** The viewer's own id, which their invitation card opens with. */
  readonly viewerId: string;
  readonly entries: readonly SessionOverviewEntry[];
}

export type SessionsOverviewRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' }
  | { readonly kind: 'invalidYear'; readonly min: number; readonly max: number; readonly example: number };

/** How far back and ahead of the current year a year of sessions can be asked for. */
const YEARS_AROUND = 10;

/**
 * The sessions of a year (`sitzungen 2027`), or of this one and the next (`sitzungen`), with
 * where each track of each session stands, for everyone with a role in the committee. What it
 * shows is the committee's calendar, never another person's data: the viewer's own invitation
 * is all that is personal, and only the secretariat sees online links and gets the buttons
 * that change a session.
 */
export async function sessionsOverview(
  deps: AppDependencies,
  actor: Actor,
  argument: string,
): Promise<Result<SessionsOverview, SessionsOverviewRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('sessions', actor)) return fail({ kind: 'notAllowed' });
  const thisYear = deps.clock.now().setZone(committee.timeZone).year;
  const typed = argument.trim();
  const min = thisYear - YEARS_AROUND;
  const max = thisYear + YEARS_AROUND;
  const year = /^\d{4}$/.test(typed) ? Number(typed) : undefined;
  if (typed && (year === undefined || year < min || year > max))
    return fail({ kind: 'invalidYear', min, max, example: thisYear + 1 });
  return ok(
    await overviewOfYears(deps, { ...actor, committee }, year === undefined ? [thisYear, thisYear + 1] : [year]),
  );
}

/**
 * The list of the sessions of `years` as the actor sees it (see `sessionsOverview`); the
 * secretariat's year card after planning or changing a session shows it too.
 */
export async function overviewOfYears(
  deps: AppDependencies,
  actor: Actor & { readonly committee: Stored<CommitteeDocument> },
  years: readonly number[],
): Promise<SessionsOverview> {
  const { committee } = actor;
  const nowIso = nowUtcIso(deps.clock);
  const sessions = (await Promise.all(years.map((one) => sessionsOf(deps.store, committee.committeeId, one)))).flat();
  const submitter = maySubmitTopics(actor);
  const viewerId = actor.identity.aadObjectId;
  const entries = await Promise.all(
    sessions.map(async (session): Promise<SessionOverviewEntry> => {
      const invited =
        invitationsAreOut(session.state) && session.invitedSeats !== undefined
          ? invitationOf(
              session.invitedSeats,
              await answersOf(deps.store, committee.committeeId, session.id),
              viewerId,
            ) !== undefined
          : false;
      return {
        session,
        tracks: sessionTracks(
          { ...session, ...(session.agenda ? { agendaVersion: session.agenda.version } : {}) },
          committee,
          nowIso,
        ),
        invited,
        takesTopicsFromViewer: submitter && takesTopicsAt(session, nowIso, committee.leadTimes, committee.timeZone),
      };
    }),
  );
  return { years, timeZone: committee.timeZone, forSecretariat: mayUse('planSessions', actor), viewerId, entries };
}
