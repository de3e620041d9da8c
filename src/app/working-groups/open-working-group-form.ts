import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';
import {
  reportSessionsFor,
  workingGroupAccess,
  workingGroupById,
  type WorkingGroupAccessRefusal,
} from './find-working-group';
import type { WorkingGroupDocument } from './working-group-document';

/** What the working-group form needs: the group, or a fresh form id, and the sessions to offer. */
export type WorkingGroupFormView = {
  readonly timeZone: string;
  readonly reportSessions: readonly SessionDocument[];
} & ({ readonly group: Stored<WorkingGroupDocument> } | { readonly formId: string });

export type OpenWorkingGroupFormRefusal =
  | WorkingGroupAccessRefusal
  | { readonly kind: 'unknownGroup' }
  | { readonly kind: 'ended'; readonly group: Stored<WorkingGroupDocument> };

/**
 * The form for a new group (no `groupId`) or for a running one. A new form gets an id of its
 * own, which becomes the group's id when it is saved. Ended groups stay on record unchanged.
 */
export async function openWorkingGroupForm(
  deps: AppDependencies,
  actor: Actor,
  groupId: unknown,
): Promise<Result<WorkingGroupFormView, OpenWorkingGroupFormRefusal>> {
  const access = workingGroupAccess(actor);
  if (!access.ok) return access;
  const timeZone = access.value.timeZone;
  if (groupId === undefined || groupId === '') {
    return ok({
      timeZone,
      formId: randomUUID(),
      reportSessions: await reportSessionsFor(deps.store, actor.committeeId),
    });
  }
  const group = await workingGroupById(deps.store, actor.committeeId, groupId);
  if (!group) return fail({ kind: 'unknownGroup' });
  if (group.state === 'ended') return fail({ kind: 'ended', group });
  return ok({
    timeZone,
    group,
    reportSessions: await reportSessionsFor(deps.store, actor.committeeId, group.reportSessionId),
  });
}
