import { nowUtcIso } from '../domain/clock';
import type { CommitteeHome, CommitteeSettings } from '../domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId, seatDocumentId, tenantDirectoryId } from '../domain/ids';
import { committeeIdForHome } from './committees/committee-id';
import { recordCommitteeRoutes } from './committees/committee-routes';
import { noteMemberships } from './committees/person-committees';
import type { Person, Seat } from '../domain/roster';
import type { AppDependencies } from './dependencies';
import type {
  CommitteeDocument,
  ConversationAddress,
  ConversationDocument,
  PersonDocument,
  SeatDocument,
} from './documents';
import { MAX_BATCH_OPERATIONS, type BatchOperation } from './ports/document-store';
import { ConflictError } from './ports/store-errors';
import { conversationDocumentId } from './remember-conversation';

/** A whole committee to load at once: the demo, or a committee moved from elsewhere. */
export interface CommitteeSeed {
  readonly tenantId: string;
  /** The team or group chat the committee lives in; its id is derived from it. */
  readonly home: CommitteeHome;
  readonly settings: CommitteeSettings;
  readonly people: readonly Person[];
  readonly seats: ReadonlyArray<Omit<Seat, 'id'> & { readonly key: string }>;
  /** The working group's channel or group chat, known before the bot has heard from it. */
  readonly workingGroup?: {
    readonly address: ConversationAddress;
    readonly title: string;
    readonly teamId?: string;
    readonly teamName?: string;
  };
}

export type SeedOutcome = 'created' | 'alreadyPresent';

/**
 * Loads a committee with its people and seats in one atomic batch, unless its home already has a
 * committee: seeding never overwrites what people entered. The working group's conversation goes
 * into the tenant's directory, and the directory learns the committee's home and people, as
 * after a set-up.
 */
export async function seedCommittee(deps: AppDependencies, seed: CommitteeSeed): Promise<SeedOutcome> {
  const { store, clock } = deps;
  const committeeId = committeeIdForHome(seed.tenantId, seed.home);
  if (await store.get(committeeId, COMMITTEE_DOCUMENT_ID)) return 'alreadyPresent';
  const directory = tenantDirectoryId(seed.tenantId);
  const now = nowUtcIso(clock);
  const secretariat = seed.people.find((person) => person.roles.includes('secretariat'));
  if (!secretariat) throw new Error('A committee seed needs a person with the secretariat role');

  const workingGroup: ConversationDocument | undefined = seed.workingGroup && {
    id: conversationDocumentId(seed.workingGroup.address.conversationType, seed.workingGroup.address.conversationId),
    committeeId: directory,
    type: 'conversation',
    kind: seed.workingGroup.address.conversationType,
    title: seed.workingGroup.title,
    teamId: seed.workingGroup.teamId,
    teamName: seed.workingGroup.teamName,
    address: seed.workingGroup.address,
    updatedAt: now,
  };
  const committee: CommitteeDocument = {
    ...seed.settings,
    id: COMMITTEE_DOCUMENT_ID,
    committeeId,
    type: 'committee',
    tenantId: seed.tenantId,
    home: seed.home,
    workingGroupConversationId: workingGroup?.id,
    revision: 1,
    createdAt: now,
    createdBy: secretariat.aadObjectId,
    updatedAt: now,
    updatedBy: secretariat.aadObjectId,
  };
  const people: PersonDocument[] = seed.people.map((person) => ({
    ...person,
    id: personDocumentId(person.aadObjectId),
    committeeId,
    type: 'person',
  }));
  const seats: SeatDocument[] = seed.seats.map(({ key, ...seat }) => ({
    ...seat,
    id: seatDocumentId(key),
    committeeId,
    type: 'seat',
  }));
  const operations: BatchOperation[] = [
    { op: 'create', document: committee },
    ...[...people, ...seats].map((document) => ({
      op: 'upsert' as const,
      document,
    })),
  ];
  if (operations.length > MAX_BATCH_OPERATIONS)
    throw new Error(`A seed may hold at most ${MAX_BATCH_OPERATIONS - 1} people and seats`);
  try {
    await store.batch(committeeId, operations);
  } catch (error) {
    if (error instanceof ConflictError) return 'alreadyPresent';
    throw error;
  }
  if (workingGroup) await store.upsert(workingGroup);
  await recordCommitteeRoutes(deps, committee);
  await noteMemberships(
    deps,
    committeeId,
    people.map((person) => person.aadObjectId),
  );
  return 'created';
}
