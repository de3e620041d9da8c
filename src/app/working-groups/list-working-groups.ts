import { ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { queryByType } from '../query-by-type';
import type { SessionDocument } from '../sessions/session-document';
import { compareForList } from '../../domain/working-groups/working-group';
import { workingGroupAccess, type WorkingGroupAccessRefusal } from './find-working-group';
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
  // Groups and sessions in one query: both are read whole, so no condition can leave either out.
  const found = await queryByType<WorkingGroupDocument | SessionDocument>(deps.store, actor.committeeId, {
    type: ['workingGroup', 'session'],
  });
  return ok({
    timeZone: access.value.timeZone,
    groups: found.of('workingGroup').sort(compareForList),
    sessions: new Map(found.of('session').map((session) => [session.id, session])),
  });
}
