import { nowUtcIso } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { workingGroupAccess, workingGroupById, type WorkingGroupAccessRefusal } from './find-working-group';
import { nextRevision, replaceWorkingGroup, type OutdatedGroup } from './replace-working-group';
import type { WorkingGroupDocument } from './working-group-document';

export type EndWorkingGroupRefusal = WorkingGroupAccessRefusal | { readonly kind: 'unknownGroup' } | OutdatedGroup;

/** `alreadyEnded`: a second click, or someone else was quicker; nothing changed. */
export type EndWorkingGroupOutcome = 'ended' | 'alreadyEnded';

/**
 * Ends a group's work. Everything about it stays on record (mandate, members, term, report
 * session), with the moment it ended; ending it again changes nothing.
 */
export async function endWorkingGroup(
  deps: AppDependencies,
  actor: Actor,
  groupId: unknown,
  revision: unknown,
): Promise<
  Result<
    { readonly group: Stored<WorkingGroupDocument>; readonly outcome: EndWorkingGroupOutcome },
    EndWorkingGroupRefusal
  >
> {
  const access = workingGroupAccess(actor);
  if (!access.ok) return access;
  const group = await workingGroupById(deps.store, actor.committeeId, groupId);
  if (!group) return fail({ kind: 'unknownGroup' });
  if (group.state === 'ended') return ok({ group, outcome: 'alreadyEnded' });
  if (revision !== group.revision) return fail({ kind: 'outdated', group });

  const ended = await replaceWorkingGroup(
    deps,
    group,
    nextRevision(deps, actor, group, { state: 'ended', endedAt: nowUtcIso(deps.clock) }),
  );
  if (ended.ok) return ok({ group: ended.value, outcome: 'ended' });
  return ended.error.group.state === 'ended' ? ok({ group: ended.error.group, outcome: 'alreadyEnded' }) : ended;
}
