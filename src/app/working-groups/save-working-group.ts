import { nowUtcIso } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/result';
import {
  parseWorkingGroup,
  type WorkingGroupInput,
  type WorkingGroupProblem,
} from '../../domain/working-groups/working-group';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import type { SessionDocument } from '../sessions/session-document';
import {
  reportSessionsFor,
  workingGroupAccess,
  workingGroupById,
  workingGroupDocumentId,
  type WorkingGroupAccessRefusal,
} from './find-working-group';
import type { WorkingGroupFormView } from './open-working-group-form';
import { nextRevision, replaceWorkingGroup, type OutdatedGroup } from './replace-working-group';
import type { WorkingGroupDocument } from './working-group-document';

/**
 * A saved form, as the card sends it back. A new group's form carries its `formId`; a running
 * group's form its `groupId` and the `revision` it showed.
 */
export interface SaveWorkingGroupRequest {
  readonly formId?: unknown;
  readonly groupId?: unknown;
  readonly revision?: unknown;
  readonly input: WorkingGroupInput;
}

export type SaveWorkingGroupRefusal =
  | WorkingGroupAccessRefusal
  | { readonly kind: 'unknownGroup' | 'badForm' }
  | { readonly kind: 'ended'; readonly group: Stored<WorkingGroupDocument> }
  | OutdatedGroup
  | {
      readonly kind: 'invalid';
      readonly problems: readonly WorkingGroupProblem[];
      readonly form: WorkingGroupFormView;
    };

/** `alreadySaved`: the same new form came again (a double click); its group is shown, once. */
export type SaveWorkingGroupOutcome = 'created' | 'alreadySaved' | 'saved';

type Saved = Result<
  { readonly group: Stored<WorkingGroupDocument>; readonly outcome: SaveWorkingGroupOutcome },
  SaveWorkingGroupRefusal
>;

/** Registers a new working group, or saves the changes to a running one. */
export async function saveWorkingGroup(
  deps: AppDependencies,
  actor: Actor,
  request: SaveWorkingGroupRequest,
): Promise<Saved> {
  const access = workingGroupAccess(actor);
  if (!access.ok) return access;
  return request.groupId === undefined
    ? createGroup(deps, actor, access.value.timeZone, request)
    : changeGroup(deps, actor, access.value.timeZone, request);
}

async function createGroup(
  deps: AppDependencies,
  actor: Actor,
  timeZone: string,
  request: SaveWorkingGroupRequest,
): Promise<Saved> {
  const formId = request.formId;
  if (typeof formId !== 'string') return fail({ kind: 'badForm' });
  const id = workingGroupDocumentId(formId);
  if (!id) return fail({ kind: 'badForm' });
  const earlier = await deps.store.get<WorkingGroupDocument>(actor.committeeId, id);
  if (earlier) return ok({ group: earlier, outcome: 'alreadySaved' });
  const reportSessions = await reportSessionsFor(deps.store, actor.committeeId);
  const parsed = parseWorkingGroup(request.input, idsOf(reportSessions));
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, form: { timeZone, formId, reportSessions } });

  const nowIso = nowUtcIso(deps.clock);
  const group: WorkingGroupDocument = {
    id,
    committeeId: actor.committeeId,
    type: 'workingGroup',
    ...parsed.value,
    state: 'active',
    revision: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
    updatedBy: actor.identity.aadObjectId,
  };
  try {
    return ok({ group: await deps.store.create(group), outcome: 'created' });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const winner = await deps.store.get<WorkingGroupDocument>(actor.committeeId, id);
    if (!winner) throw error;
    return ok({ group: winner, outcome: 'alreadySaved' });
  }
}

async function changeGroup(
  deps: AppDependencies,
  actor: Actor,
  timeZone: string,
  request: SaveWorkingGroupRequest,
): Promise<Saved> {
  const group = await workingGroupById(deps.store, actor.committeeId, request.groupId);
  if (!group) return fail({ kind: 'unknownGroup' });
  if (group.state === 'ended') return fail({ kind: 'ended', group });
  if (request.revision !== group.revision) return fail({ kind: 'outdated', group });
  const reportSessions = await reportSessionsFor(deps.store, actor.committeeId, group.reportSessionId);
  const parsed = parseWorkingGroup(request.input, idsOf(reportSessions));
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, form: { timeZone, group, reportSessions } });

  // The form holds every detail, so a report session left empty is removed, not kept.
  const { reportSessionId: _dropped, ...kept } = group;
  const saved = await replaceWorkingGroup(deps, group, nextRevision(deps, actor, kept, parsed.value));
  return saved.ok ? ok({ group: saved.value, outcome: 'saved' }) : saved;
}

function idsOf(sessions: readonly SessionDocument[]): ReadonlySet<string> {
  return new Set(sessions.map((session) => session.id));
}
