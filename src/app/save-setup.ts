import { nowUtcIso } from '../domain/clock';
import { parseCommitteeSettings, type CommitteeSettingsInput, type SettingsProblem } from '../domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../domain/ids';
import { mayUse } from '../domain/permissions';
import { fail, ok, type Result } from '../domain/result';
import type { Role } from '../domain/roles';
import type { AppDependencies } from './dependencies';
import type { CommitteeDocument, PersonDocument } from './documents';
import { listGroupConversations } from './group-conversations';
import type { Actor } from './identify-actor';
import { sessionsOf } from './sessions/find-session';
import { scheduleSessionJobs } from './sessions/session-jobs';
import type { Stored } from './ports/document-store';
import { savedUnlessChanged } from './saved-unless-changed';

/** The set-up card's submission: the revision it was rendered from and the answers. */
export interface SetupSubmission {
  readonly revision: unknown;
  readonly answers: CommitteeSettingsInput;
}

export type SaveSetupRefusal =
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'invalid'; readonly problems: readonly SettingsProblem[] }
  /** Someone saved in between, or the card was tampered with: nothing was changed. */
  | { readonly kind: 'outdated' };

/**
 * Saves the committee's settings. The first save in a tenant creates the committee and makes the
 * acting person its secretariat, in one atomic batch; a later save needs the secretariat role
 * and the card's revision to be the stored one. Concurrent saves: exactly one wins, the other
 * is told its card is outdated.
 */
export async function saveSetup(
  deps: AppDependencies,
  actor: Actor,
  submission: SetupSubmission,
): Promise<Result<Stored<CommitteeDocument>, SaveSetupRefusal>> {
  if (!mayUse('setup', actor)) return fail({ kind: 'notAllowed' });
  const expectedRevision = actor.committee?.revision ?? 0;
  if (submission.revision !== expectedRevision) return fail({ kind: 'outdated' });

  const known = new Set(
    (await listGroupConversations(deps.store, actor.committeeId)).map((conversation) => conversation.id),
  );
  const parsed = parseCommitteeSettings(submission.answers, known);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error });

  const now = nowUtcIso(deps.clock);
  const by = actor.identity.aadObjectId;
  if (!actor.committee) {
    const committee: CommitteeDocument = {
      ...parsed.value,
      id: COMMITTEE_DOCUMENT_ID,
      committeeId: actor.committeeId,
      type: 'committee',
      tenantId: actor.identity.tenantId,
      revision: 1,
      createdAt: now,
      createdBy: by,
      updatedAt: now,
      updatedBy: by,
    };
    const created = await savedUnlessChanged(() =>
      deps.store.batch(actor.committeeId, [
        { op: 'create', document: committee },
        { op: 'upsert', document: withRole(actor, 'secretariat') },
      ]),
    );
    return created.ok ? ok(created.value[0] as Stored<CommitteeDocument>) : created;
  }
  const { _etag: etag, ...current } = actor.committee;
  const updated: CommitteeDocument = {
    ...current,
    ...parsed.value,
    workingGroupConversationId: parsed.value.workingGroupConversationId,
    revision: current.revision + 1,
    updatedAt: now,
    updatedBy: by,
  };
  const replaced = await savedUnlessChanged(() => deps.store.replace(updated, etag));
  if (!replaced.ok) return replaced;
  const saved = replaced.value;
  if (JSON.stringify(current.leadTimes) !== JSON.stringify(saved.leadTimes) || current.timeZone !== saved.timeZone) {
    // The deadlines of every session still ahead move with the lead times.
    for (const session of await sessionsOf(deps.store, actor.committeeId))
      await scheduleSessionJobs(deps, saved, session);
  }
  return ok(saved);
}

/** The actor's roster entry with the role added, created from the activity's name if new. */
function withRole(actor: Actor, role: Role): PersonDocument {
  const existing = actor.person;
  return {
    id: personDocumentId(actor.identity.aadObjectId),
    committeeId: actor.committeeId,
    type: 'person',
    aadObjectId: actor.identity.aadObjectId,
    displayName: existing?.displayName ?? actor.identity.displayName,
    institution: existing?.institution,
    roles: existing?.roles.includes(role) ? existing.roles : [...(existing?.roles ?? []), role],
    active: true,
  };
}
