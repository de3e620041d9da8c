import { nowUtcIso } from '../../domain/clock';
import { fail, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import type { WorkingGroupDocument } from './working-group-document';

/** The group changed since the card was shown; the current version comes back. */
export interface OutdatedGroup {
  readonly kind: 'outdated';
  readonly group: Stored<WorkingGroupDocument>;
}

/** The change as the next revision of the group, by the actor, now. */
export function nextRevision(
  deps: AppDependencies,
  actor: Actor,
  before: Stored<WorkingGroupDocument>,
  change: Partial<WorkingGroupDocument>,
): WorkingGroupDocument {
  const { _etag: _stale, ...stored } = before;
  return {
    ...stored,
    ...change,
    revision: before.revision + 1,
    updatedAt: nowUtcIso(deps.clock),
    updatedBy: actor.identity.aadObjectId,
  };
}

/**
 * Writes a changed group over the version it was read at. If someone changed it meanwhile,
 * nothing is written and the current version comes back, so no one's change is lost unseen.
 */
export async function replaceWorkingGroup(
  deps: AppDependencies,
  before: Stored<WorkingGroupDocument>,
  after: WorkingGroupDocument,
): Promise<Result<Stored<WorkingGroupDocument>, OutdatedGroup>> {
  const saved = await savedUnlessChanged(() => deps.store.replace(after, before._etag));
  if (saved.ok) return saved;
  const current = await deps.store.get<WorkingGroupDocument>(before.committeeId, before.id);
  return fail({ kind: 'outdated', group: current ?? before });
}
