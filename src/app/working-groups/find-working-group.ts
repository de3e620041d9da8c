import { isSafeIdPart } from '../../domain/ids';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { isBeforeHeld } from '../../domain/sessions/session-state';
import { compareForList } from '../../domain/working-groups/working-group';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { DocumentStore, Stored } from '../ports/document-store';
import { sessionsOf } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import type { WorkingGroupDocument } from './working-group-document';

const ID_PREFIX = 'workinggroup-';

/**
 * A new group's id comes from the fresh form it was registered with, so a save delivered twice
 * (a double click, a retried request) meets the first one's document instead of making a second.
 * Undefined when the form id could not be ours.
 */
export function workingGroupDocumentId(formId: string): string | undefined {
  return isSafeIdPart(formId) ? `${ID_PREFIX}${formId}` : undefined;
}

/** Why the actor cannot work with the working groups at all. */
export type WorkingGroupAccessRefusal = { readonly kind: 'noCommittee' | 'notAllowed' };

/** The actor's committee, if the actor may manage its working groups. */
export function workingGroupAccess(actor: Actor): Result<Stored<CommitteeDocument>, WorkingGroupAccessRefusal> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('workingGroups', actor)) return fail({ kind: 'notAllowed' });
  return ok(actor.committee);
}

/** Every group of the committee, ended ones too, in the order of the secretariat's list. */
export async function workingGroupsOf(
  store: DocumentStore,
  committeeId: string,
): Promise<Array<Stored<WorkingGroupDocument>>> {
  const groups = await store.query<WorkingGroupDocument>(committeeId, { type: 'workingGroup' });
  return groups.sort(compareForList);
}

/** The group a card names. Ids from cards are untrusted; every read stays in the actor's partition. */
export async function workingGroupById(
  store: DocumentStore,
  committeeId: string,
  groupId: unknown,
): Promise<Stored<WorkingGroupDocument> | undefined> {
  if (typeof groupId !== 'string' || !groupId.startsWith(ID_PREFIX) || !isSafeIdPart(groupId)) return undefined;
  const found = await store.get<WorkingGroupDocument>(committeeId, groupId);
  return found?.type === 'workingGroup' ? found : undefined;
}

/**
 * The sessions a group may report at: those not yet held (a report can still go on their
 * agenda), plus the one already chosen even if it has been held or cancelled since, so that
 * editing other details does not silently drop it.
 */
export async function reportSessionsFor(
  store: DocumentStore,
  committeeId: string,
  currentId?: string,
): Promise<Array<Stored<SessionDocument>>> {
  const sessions = await sessionsOf(store, committeeId);
  return sessions.filter((session) => isBeforeHeld(session.state) || session.id === currentId);
}
