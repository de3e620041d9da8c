import { ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { sessionsOf } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import { workingGroupAccess, workingGroupsOf, type WorkingGroupAccessRefusal } from './find-working-group';
import type { WorkingGroupDocument } from './working-group-document';

/** What the secretariat's list of working groups shows. */
export interface WorkingGroupsView {
  readonly timeZone: string;
  /** Active groups by start, then ended ones, the most recently ended first. */
  readonly groups: ReadonlyArray<Stored<WorkingGroupDocument>>;
  /** The committee's sessions by id, to name the session each group reports at. */
  readonly sessions: ReadonlyMap<string, SessionDocument>;
}

/** Every working group of the committee, the ended ones kept on record. */
export async function listWorkingGroups(
  deps: AppDependencies,
  actor: Actor,
): Promise<Result<WorkingGroupsView, WorkingGroupAccessRefusal>> {
  const access = workingGroupAccess(actor);
  if (!access.ok) return access;
  const [groups, sessions] = await Promise.all([
    workingGroupsOf(deps.store, actor.committeeId),
    sessionsOf(deps.store, actor.committeeId),
  ]);
  return ok({
    timeZone: access.value.timeZone,
    groups,
    sessions: new Map(sessions.map((session) => [session.id, session])),
  });
}
