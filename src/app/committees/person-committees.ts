import { nowUtcIso } from '../../domain/clock';
import { directoryOfPartition, isSafeIdPart, tenantDirectoryId } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { Clock } from '../../domain/clock';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentStore, type Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import { PERSON_COMMITTEES_TYPE, type PersonCommitteesDocument } from './directory-documents';

/** The id of a person's index of committees in their tenant's directory. */
export function personCommitteesDocumentId(aadObjectId: string): string {
  return `committees-${aadObjectId.toLowerCase()}`;
}

/** A write that lost a race with another writer of the same person's index is read and tried again. */
const INDEX_ATTEMPTS = 4;

/** The person's index, if any. One point read in the tenant's directory. */
export async function personCommitteesOf(
  store: DocumentStore,
  tenantId: string,
  aadObjectId: string,
): Promise<Stored<PersonCommitteesDocument> | undefined> {
  if (!isSafeIdPart(aadObjectId)) return undefined;
  const found = await store.get<PersonCommitteesDocument>(
    tenantDirectoryId(tenantId),
    personCommitteesDocumentId(aadObjectId),
  );
  return found?.type === PERSON_COMMITTEES_TYPE ? found : undefined;
}

/**
 * Notes that the people have a roster entry in the committee: called after every write that
 * adds people to a roster (set-up, member import, the roster card, seeding, the upgrade), and by
 * the daily repair. Writes only where the committee is missing from a person's index.
 */
export async function noteMemberships(
  deps: AppDependencies,
  committeeId: string,
  aadObjectIds: readonly string[],
): Promise<void> {
  const people = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))];
  const directory = directoryOfPartition(committeeId);
  if (directory && people.length > NOTED_ONE_BY_ONE) {
    await noteMembershipsInBatches(deps, committeeId, directory, people);
    return;
  }
  for (const aadObjectId of people) await changeIndex(deps, committeeId, aadObjectId, withCommittee(committeeId));
}

/** Up to this many people (a joiner, a roster edit), each index is read on its own. */
const NOTED_ONE_BY_ONE = 10;

/** The index with the committee added; the committee the person chose stays chosen. */
function withCommittee(
  committeeId: string,
): (index: Pick<PersonCommitteesDocument, 'committeeIds' | 'currentCommitteeId'>) => IndexChange | undefined {
  return (index) =>
    index.committeeIds.includes(committeeId)
      ? undefined
      : { committeeIds: [...index.committeeIds, committeeId], currentCommitteeId: index.currentCommitteeId };
}

/**
 * Many people at once (a team's import, set-up, the daily repair): the directory's indexes are
 * read with one query and the missing ones written in batches, a few dozen requests for a team
 * of thousands instead of two per person. Each write carries the ETag read, as one by one; a
 * batch that lost a race with another writer is done again person by person, reading afresh.
 */
async function noteMembershipsInBatches(
  deps: AppDependencies,
  committeeId: string,
  directory: string,
  people: readonly string[],
): Promise<void> {
  const { store, clock } = deps;
  const stored = new Map(
    (await store.query<PersonCommitteesDocument>(directory, { type: PERSON_COMMITTEES_TYPE })).map((index) => [
      index.id,
      index,
    ]),
  );
  const writes = people.filter(isSafeIdPart).flatMap((aadObjectId) => {
    const current = stored.get(personCommitteesDocumentId(aadObjectId));
    const next = withCommittee(committeeId)(current ?? { committeeIds: [] });
    if (!next) return [];
    // The same document as one by one would write (see changeIndex and withCommittee).
    const document = indexDocument(directory, aadObjectId, next, clock);
    const operation: BatchOperation = current
      ? { op: 'replace', document, ifMatch: current._etag }
      : { op: 'create', document };
    return [{ aadObjectId, operation }];
  });
  for (let start = 0; start < writes.length; start += MAX_BATCH_OPERATIONS) {
    const chunk = writes.slice(start, start + MAX_BATCH_OPERATIONS);
    try {
      await store.batch(
        directory,
        chunk.map((write) => write.operation),
      );
    } catch (error) {
      if (!lostRace(error)) throw error;
      for (const { aadObjectId } of chunk)
        await changeIndex(deps, committeeId, aadObjectId, withCommittee(committeeId));
    }
  }
}

function lostRace(error: unknown): boolean {
  return error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError;
}

/** The index document of a person as it is written. */
function indexDocument(
  directory: string,
  aadObjectId: string,
  { committeeIds, currentCommitteeId }: IndexChange,
  clock: Clock,
): PersonCommitteesDocument {
  return {
    id: personCommitteesDocumentId(aadObjectId),
    committeeId: directory,
    type: PERSON_COMMITTEES_TYPE,
    personId: aadObjectId,
    committeeIds,
    ...(currentCommitteeId ? { currentCommitteeId } : {}),
    updatedAt: nowUtcIso(clock),
  };
}

/**
 * Takes the committee out of the person's index (erased there, or their entry is gone), and
 * their choice of it with it. The index document goes when nothing is left in it.
 */
export async function dropMembership(deps: AppDependencies, committeeId: string, aadObjectId: string): Promise<void> {
  await changeIndex(deps, committeeId, aadObjectId.toLowerCase(), (index) => {
    if (!index.committeeIds.includes(committeeId) && index.currentCommitteeId !== committeeId) return undefined;
    return {
      committeeIds: index.committeeIds.filter((id) => id !== committeeId),
      currentCommitteeId: index.currentCommitteeId === committeeId ? undefined : index.currentCommitteeId,
    };
  });
}

/**
 * Records the committee the person chose to work with in their personal chat. The caller has
 * verified the person's entry in that committee; the committee is noted in the index as well.
 */
export async function chooseCurrentCommittee(
  deps: AppDependencies,
  committeeId: string,
  aadObjectId: string,
): Promise<void> {
  await changeIndex(deps, committeeId, aadObjectId.toLowerCase(), (index) => {
    if (index.currentCommitteeId === committeeId && index.committeeIds.includes(committeeId)) return undefined;
    const committeeIds = index.committeeIds.includes(committeeId)
      ? index.committeeIds
      : [...index.committeeIds, committeeId];
    return { committeeIds, currentCommitteeId: committeeId };
  });
}

/**
 * The committee a person starts with in their personal chat, unless they chose one already:
 * for seeding a demo, never overwriting a choice made since.
 */
export async function chooseCurrentCommitteeUnlessChosen(
  deps: AppDependencies,
  committeeId: string,
  aadObjectId: string,
): Promise<void> {
  await changeIndex(deps, committeeId, aadObjectId.toLowerCase(), (index) => {
    if (index.currentCommitteeId) return undefined;
    const committeeIds = index.committeeIds.includes(committeeId)
      ? index.committeeIds
      : [...index.committeeIds, committeeId];
    return { committeeIds, currentCommitteeId: committeeId };
  });
}

type IndexChange = Pick<PersonCommitteesDocument, 'committeeIds'> &
  Partial<Pick<PersonCommitteesDocument, 'currentCommitteeId'>>;

/**
 * Reads the person's index in the committee's tenant directory and writes what `change` makes
 * of it (undefined: nothing to write), on the ETag it read, so two writers at the same moment
 * never overwrite each other unseen: the later one reads again.
 */
async function changeIndex(
  { store, clock }: AppDependencies,
  committeeId: string,
  aadObjectId: string,
  change: (index: Pick<PersonCommitteesDocument, 'committeeIds' | 'currentCommitteeId'>) => IndexChange | undefined,
): Promise<void> {
  const directory = directoryOfPartition(committeeId);
  if (!directory || !isSafeIdPart(aadObjectId)) return;
  const id = personCommitteesDocumentId(aadObjectId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await store.get<PersonCommitteesDocument>(directory, id);
    const current = stored?.type === PERSON_COMMITTEES_TYPE ? stored : undefined;
    const next = change(current ?? { committeeIds: [] });
    if (!next) return;
    const { currentCommitteeId, committeeIds } = next;
    const document = indexDocument(directory, aadObjectId, next, clock);
    try {
      if (!stored) await store.create(document);
      else if (committeeIds.length === 0 && !currentCommitteeId) await store.delete(directory, id, stored._etag);
      else await store.replace(document, stored._etag);
      return;
    } catch (error) {
      if (!lostRace(error) || attempt >= INDEX_ATTEMPTS) throw error;
    }
  }
}
