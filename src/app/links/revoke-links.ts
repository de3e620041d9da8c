import type { AppDependencies } from '../dependencies';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentStore, type Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { LINK_TYPE, type LinkDocument } from './link-document';

/** Every link issued to the recipient (a person's object id, or a conversation document's id). */
export function linksOf(
  store: DocumentStore,
  committeeId: string,
  recipientId: string,
): Promise<Array<Stored<LinkDocument>>> {
  return store.query<LinkDocument>(committeeId, {
    type: LINK_TYPE,
    where: [{ field: 'recipientId', op: '=', value: recipientId }],
  });
}

/** A lost race (a link deleted or replaced meanwhile) is read again this often. */
const WRITE_ATTEMPTS = 3;

/**
 * Revokes every link of a person: called when they are deactivated, leave the team, lose a seat
 * or a role, or are erased. Revoking deletes the link documents, so the links answer like unknown
 * ones at once and for good. Answers how many were revoked. Safe to repeat.
 */
export async function revokeLinksOf(deps: AppDependencies, committeeId: string, personId: string): Promise<number> {
  let revoked = 0;
  for (let attempt = 1; ; attempt += 1) {
    const links = await linksOf(deps.store, committeeId, personId);
    try {
      for (let start = 0; start < links.length; start += MAX_BATCH_OPERATIONS) {
        const chunk = links.slice(start, start + MAX_BATCH_OPERATIONS);
        await deps.store.batch(committeeId, chunk.map(deleteOperation));
        revoked += chunk.length;
      }
      return revoked;
    } catch (error) {
      const lostRace = error instanceof NotFoundError || error instanceof ConcurrencyError;
      if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A change's batch with the revocation of the people's links added, so that both happen or
 * neither, when it fits into one batch. When it does not (a person with very many links), the
 * links are revoked first, on their own: losing links for a change that then fails is harmless,
 * the opposite is not. Either way the caller revokes once more after its batch (`revokeLinksOf`),
 * for a link issued while the change was being written; until then `recipientMayHold` keeps the
 * links of someone who has left from working.
 */
export async function withLinksRevoked(
  deps: AppDependencies,
  committeeId: string,
  personIds: readonly string[],
  operations: readonly BatchOperation[],
): Promise<BatchOperation[]> {
  if (personIds.length === 0) return [...operations];
  const links = (await Promise.all(personIds.map((personId) => linksOf(deps.store, committeeId, personId)))).flat();
  // Revocations first: should one fail (a link replaced meanwhile), nothing of the change is
  // written even by an engine that does not roll back a batch (the test engine of Cosmos DB).
  if (operations.length + links.length <= MAX_BATCH_OPERATIONS) return [...links.map(deleteOperation), ...operations];
  for (const personId of personIds) await revokeLinksOf(deps, committeeId, personId);
  return [...operations];
}

function deleteOperation(link: Stored<LinkDocument>): BatchOperation {
  return { op: 'delete', id: link.id, ifMatch: link._etag };
}
