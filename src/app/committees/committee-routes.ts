import { nowUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID, tenantDirectoryId } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { digest } from './committee-id';
import { COMMITTEE_ROUTE_TYPE, type CommitteeRouteDocument } from './directory-documents';

/** The id of the route of a home, by its key (team id or group chat id). */
export function homeRouteId(homeKey: string): string {
  return `home-${digest(homeKey)}`;
}

/** The id of the route of a working group's conversation, by the conversation's document id. */
export function workingGroupRouteId(conversationDocumentId: string): string {
  return `workingGroup-${digest(conversationDocumentId)}`;
}

/** The route of a home, if one is stored. */
export async function homeRoute(
  store: DocumentStore,
  tenantId: string,
  homeKey: string,
): Promise<Stored<CommitteeRouteDocument> | undefined> {
  const route = await store.get<CommitteeRouteDocument>(tenantDirectoryId(tenantId), homeRouteId(homeKey));
  return route?.type === COMMITTEE_ROUTE_TYPE && route.role === 'home' ? route : undefined;
}

/** The route of a working group's conversation, if one is stored. */
export async function workingGroupRoute(
  store: DocumentStore,
  tenantId: string,
  conversationDocumentId: string,
): Promise<Stored<CommitteeRouteDocument> | undefined> {
  const id = workingGroupRouteId(conversationDocumentId);
  const route = await store.get<CommitteeRouteDocument>(tenantDirectoryId(tenantId), id);
  return route?.type === COMMITTEE_ROUTE_TYPE && route.role === 'workingGroup' ? route : undefined;
}

/** Every route of the tenant: its committees' homes and working group conversations. */
export function routesOfTenant(store: DocumentStore, tenantId: string): Promise<Array<Stored<CommitteeRouteDocument>>> {
  return store.query<CommitteeRouteDocument>(tenantDirectoryId(tenantId), { type: COMMITTEE_ROUTE_TYPE });
}

/** Why a route could not be written: the key belongs to another committee already. */
export interface RouteTaken {
  readonly kind: 'taken';
  readonly by: string;
}

/**
 * Writes the routes the committee document states: its home, and its working group's
 * conversation (dropping the route of one it no longer uses). Idempotent and safe to repeat;
 * a key another committee holds is left to that committee and answered as taken.
 */
export async function recordCommitteeRoutes(
  deps: AppDependencies,
  committee: CommitteeDocument,
  previousWorkingGroupConversationId?: string,
): Promise<RouteTaken | undefined> {
  let taken: RouteTaken | undefined;
  if (committee.home) taken = await claimRoute(deps, committee, 'home', committee.home.id);
  const workingGroup = committee.workingGroupConversationId;
  if (workingGroup) taken ??= await claimRoute(deps, committee, 'workingGroup', workingGroup);
  if (previousWorkingGroupConversationId && previousWorkingGroupConversationId !== workingGroup)
    await releaseRoute(deps, committee, workingGroupRouteId(previousWorkingGroupConversationId));
  return taken;
}

/**
 * Which committee holds a working group conversation, other than `committeeId`; undefined when
 * it is free or this committee's. Asked before a set-up names it, so two committees never share
 * one working group conversation.
 */
export async function workingGroupConversationHeldByOther(
  store: DocumentStore,
  tenantId: string,
  committeeId: string,
  conversationDocumentId: string,
): Promise<string | undefined> {
  const route = await workingGroupRoute(store, tenantId, conversationDocumentId);
  if (!route || route.belongsTo === committeeId) return undefined;
  // A route left behind by a committee that chose another conversation since does not count.
  const holder = await store.get<CommitteeDocument>(route.belongsTo, COMMITTEE_DOCUMENT_ID);
  return holder?.workingGroupConversationId === conversationDocumentId ? route.belongsTo : undefined;
}

async function claimRoute(
  { store, clock }: AppDependencies,
  committee: CommitteeDocument,
  role: CommitteeRouteDocument['role'],
  key: string,
  attempt = 1,
): Promise<RouteTaken | undefined> {
  const directory = tenantDirectoryId(committee.tenantId);
  const id = role === 'home' ? homeRouteId(key) : workingGroupRouteId(key);
  const route: CommitteeRouteDocument = {
    id,
    committeeId: directory,
    type: COMMITTEE_ROUTE_TYPE,
    role,
    key,
    belongsTo: committee.committeeId,
    updatedAt: nowUtcIso(clock),
  };
  const existing = await store.get<CommitteeRouteDocument>(directory, id);
  if (existing?.belongsTo === committee.committeeId) return undefined;
  if (existing) {
    // A route whose committee no longer claims the key is taken over; a live one is not.
    const holder = await store.get<CommitteeDocument>(existing.belongsTo, COMMITTEE_DOCUMENT_ID);
    if (holder && claims(holder, role, key)) return { kind: 'taken', by: existing.belongsTo };
  }
  try {
    await (existing ? store.replace(route, existing._etag) : store.create(route));
    return undefined;
  } catch (error) {
    const lostRace = error instanceof ConflictError || error instanceof ConcurrencyError;
    if (!lostRace || attempt >= ROUTE_ATTEMPTS) throw error;
    return claimRoute({ store, clock }, committee, role, key, attempt + 1);
  }
}

/** A route raced by another writer is read and judged again this often. */
const ROUTE_ATTEMPTS = 3;

async function releaseRoute({ store }: AppDependencies, committee: CommitteeDocument, id: string): Promise<void> {
  const directory = tenantDirectoryId(committee.tenantId);
  const existing = await store.get<CommitteeRouteDocument>(directory, id);
  if (existing?.belongsTo !== committee.committeeId) return;
  try {
    await store.delete(directory, id, existing._etag);
  } catch {
    // Changed meanwhile: whoever changed it holds it now.
  }
}

/** Whether the committee still claims the key in the role. */
function claims(committee: CommitteeDocument, role: CommitteeRouteDocument['role'], key: string): boolean {
  return role === 'home' ? committee.home?.id === key : committee.workingGroupConversationId === key;
}
