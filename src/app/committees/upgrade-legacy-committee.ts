import type { CommitteeHome } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, isTenantDirectory, tenantDirectoryId, tenantOfPartition } from '../../domain/ids';
import { auditContext } from '../audit/audit-context';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationDocument, PersonDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import { ConcurrencyError } from '../ports/store-errors';
import { homeRoute, recordCommitteeRoutes } from './committee-routes';
import { noteMemberships } from './person-committees';

/** Who the audit trail names for the upgrade's one write to the committee. */
const UPGRADE_ACTOR = { actorId: 'system', source: 'system', reason: 'committeeHome' } as const;

/** The upgrade's writes are repeated this often when someone changed the committee meanwhile. */
const UPGRADE_ATTEMPTS = 3;

/**
 * Gives the tenant's committee of before homes (stored under the tenant's directory id) its
 * home and the directory entries every committee has: the routes of its home and working group
 * conversation, and every person of its roster in the index of their committees. Nothing else
 * is rewritten: its documents keep their partition and ids, its cards and links keep working.
 *
 * The home is the team it was set up in, as its stored conversations tell (see `homeFromConversations`).
 * Where they do not tell, the committee stays without a home: it keeps working in personal chats
 * and in its working group's conversation, and the operator is told (see operations guide).
 *
 * Idempotent and safe for several instances at once: the committee is replaced on the ETag it
 * was read with, the routes are created or found, the index entries merged on their ETags. Runs
 * at start (`upgradeLegacyCommittees`) and on first sight in a conversation that would otherwise
 * count as no committee's (see `actorInConversation`), whichever comes first. Answers whether it
 * wrote anything that changes how a conversation resolves.
 */
export async function upgradeLegacyCommittee(
  deps: AppDependencies,
  tenantId: string,
  options: { readonly noteRoster?: boolean } = {},
): Promise<boolean> {
  const legacyId = tenantDirectoryId(tenantId);
  for (let attempt = 1; ; attempt += 1) {
    const committee = await deps.store.get<CommitteeDocument>(legacyId, COMMITTEE_DOCUMENT_ID);
    if (committee?.type !== 'committee') return false;
    if (committee.home) {
      // A home written before a crash left its route out: write it now.
      const routed = await homeRoute(deps.store, tenantId, committee.home.id);
      if (options.noteRoster) await noteRoster(deps, legacyId);
      if (routed?.belongsTo === legacyId) return false;
      await recordCommitteeRoutes(deps, committee);
      return true;
    }
    const home = homeFromConversations(
      committee,
      await deps.store.query<ConversationDocument>(legacyId, {
        type: 'conversation',
        where: [{ field: 'kind', op: '!=', value: 'personal' }],
      }),
    );
    // Its people find the committee in their personal chat, home or not.
    if (home || options.noteRoster) await noteRoster(deps, legacyId);
    if (!home) {
      if (options.noteRoster && committee.workingGroupConversationId) await recordCommitteeRoutes(deps, committee);
      return false;
    }
    try {
      const homed = await withHome(deps, committee, home);
      await recordCommitteeRoutes(deps, homed);
      return true;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= UPGRADE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Upgrades every committee of before homes in the store: run once at start, in the background.
 * Answers the tenants whose committee it looked at, and those among them whose committee has no
 * home (its stored conversations did not tell), for the operator's log.
 */
export async function upgradeLegacyCommittees(
  deps: AppDependencies,
): Promise<{ readonly tenants: string[]; readonly homeless: string[] }> {
  const committees = await deps.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' });
  const tenants: string[] = [];
  const homeless: string[] = [];
  for (const committee of committees) {
    if (!isTenantDirectory(committee.committeeId)) continue;
    const tenantId = tenantOfPartition(committee.committeeId);
    if (!tenantId) continue;
    await upgradeLegacyCommittee(deps, tenantId, { noteRoster: true });
    tenants.push(tenantId);
    const upgraded = await deps.store.get<CommitteeDocument>(committee.committeeId, COMMITTEE_DOCUMENT_ID);
    if (!upgraded?.home) homeless.push(tenantId);
  }
  return { tenants, homeless };
}

/**
 * The team the committee was set up in, as its stored conversations tell: the team of its working
 * group's channel; else the one team the bot was installed in; else, with no team at all, the one
 * group chat. Undefined where that leaves a choice: several teams and no working group channel.
 */
export function homeFromConversations(
  committee: Pick<CommitteeDocument, 'workingGroupConversationId'>,
  conversations: readonly ConversationDocument[],
): CommitteeHome | undefined {
  const shared = conversations.filter((conversation) => conversation.kind !== 'personal');
  const workingGroup = shared.find((conversation) => conversation.id === committee.workingGroupConversationId);
  if (workingGroup?.kind === 'channel' && workingGroup.teamId) return teamHome(workingGroup);
  const channels = shared.filter((conversation) => conversation.kind === 'channel' && conversation.teamId);
  const teams = new Set(channels.map((conversation) => conversation.teamId));
  if (teams.size === 1) return teamHome(channels[0]!);
  const groupChats = shared.filter((conversation) => conversation.kind === 'groupChat');
  if (teams.size === 0 && groupChats.length === 1) {
    const chat = groupChats[0]!;
    return { kind: 'groupChat', id: chat.address.conversationId, title: chat.title ?? '' };
  }
  return undefined;
}

function teamHome(channel: ConversationDocument): CommitteeHome {
  return { kind: 'team', id: channel.teamId!, title: channel.teamName ?? '' };
}

async function withHome(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  home: CommitteeHome,
): Promise<CommitteeDocument> {
  const { _etag: etag, ...rest } = committee;
  const homed: CommitteeDocument = { ...rest, home };
  return auditContext.run(UPGRADE_ACTOR, () => deps.store.replace(homed, etag));
}

/** Every person of the committee's roster, noted in their index of committees. */
async function noteRoster(deps: AppDependencies, committeeId: string): Promise<void> {
  const people = await deps.store.query<PersonDocument>(committeeId, { type: 'person' });
  await noteMemberships(
    deps,
    committeeId,
    people.filter((person) => !person.erasedAt).map((person) => person.aadObjectId),
  );
}
