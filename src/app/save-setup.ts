import { nowUtcIso } from '../domain/clock';
import { parseCommitteeSettings, type CommitteeSettingsInput, type SettingsProblem } from '../domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../domain/ids';
import { mayUse } from '../domain/permissions';
import { fail, ok, type Result } from '../domain/result';
import type { Role } from '../domain/roles';
import type { AppDependencies } from './dependencies';
import type { CommitteeDocument, PersonDocument } from './documents';
import { recordCommitteeRoutes, workingGroupConversationHeldByOther } from './committees/committee-routes';
import { noteMemberships } from './committees/person-committees';
import { listGroupConversations, titledHome } from './group-conversations';
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
  /** A new committee is set up in its team or group chat, not in a personal chat. */
  | { readonly kind: 'noHome' }
  | { readonly kind: 'invalid'; readonly problems: readonly SettingsProblem[] }
  /** Someone saved in between, or the card was tampered with: nothing was changed. */
  | { readonly kind: 'outdated' };

/**
 * Saves the committee's settings. The first save in a team or group chat that is no committee's
 * home creates the committee homed there (its id derived from the home) and makes the acting
 * person its secretariat, in one atomic batch; a later save needs the secretariat role and the
 * card's revision to be the stored one. Concurrent saves: exactly one wins, the other is told its
 * card is outdated. The tenant's directory learns the committee's home and working group
 * conversation (`recordCommitteeRoutes`) and the secretariat's membership right after.
 */
export async function saveSetup(
  deps: AppDependencies,
  actor: Actor,
  submission: SetupSubmission,
): Promise<Result<Stored<CommitteeDocument>, SaveSetupRefusal>> {
  if (!mayUse('setup', actor)) return fail({ kind: 'notAllowed' });
  if (!actor.committee && actor.place.kind !== 'unclaimed') return fail({ kind: 'noHome' });
  const expectedRevision = actor.committee?.revision ?? 0;
  if (submission.revision !== expectedRevision) return fail({ kind: 'outdated' });

  const known = new Set((await listGroupConversations(deps.store, actor)).map((conversation) => conversation.id));
  const parsed = parseCommitteeSettings(submission.answers, known);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error });
  const workingGroup = parsed.value.workingGroupConversationId;
  if (
    workingGroup &&
    (await workingGroupConversationHeldByOther(deps.store, actor.identity.tenantId, actor.committeeId, workingGroup))
  )
    return fail({ kind: 'invalid', problems: [{ field: 'workingGroupConversationId', code: 'conversationTaken' }] });

  const now = nowUtcIso(deps.clock);
  const by = actor.identity.aadObjectId;
  if (!actor.committee) {
    const home = actor.place.kind === 'unclaimed' ? await titledHome(deps.store, actor, actor.place.home) : undefined;
    const committee: CommitteeDocument = {
      ...parsed.value,
      id: COMMITTEE_DOCUMENT_ID,
      committeeId: actor.committeeId,
      type: 'committee',
      tenantId: actor.identity.tenantId,
      ...(home ? { home } : {}),
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
    if (!created.ok) return created;
    const stored = created.value[0] as Stored<CommitteeDocument>;
    await recordCommitteeRoutes(deps, stored);
    await noteMemberships(deps, actor.committeeId, [actor.identity.aadObjectId]);
    return ok(stored);
  }
  const { _etag: etag, ...current } = actor.committee;
  // A committee of before homes without one gets the conversation its secretariat saves it in.
  const adopted =
    !current.home && actor.place.kind === 'unclaimed'
      ? { home: await titledHome(deps.store, actor, actor.place.home) }
      : {};
  const updated: CommitteeDocument = {
    ...current,
    ...adopted,
    ...parsed.value,
    workingGroupConversationId: parsed.value.workingGroupConversationId,
    revision: current.revision + 1,
    updatedAt: now,
    updatedBy: by,
  };
  const replaced = await savedUnlessChanged(() => deps.store.replace(updated, etag));
  if (!replaced.ok) return replaced;
  const saved = replaced.value;
  await recordCommitteeRoutes(deps, saved, current.workingGroupConversationId);
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
