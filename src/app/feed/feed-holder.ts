import { COMMITTEE_DOCUMENT_ID, personDocumentId, tenantOfPartition } from '../../domain/ids';
import { personCommitteesOf } from '../committees/person-committees';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';

/** A committee whose sessions a feed shows, with the holder's roster entry in it. */
export interface FeedCommittee {
  readonly committee: Stored<CommitteeDocument>;
  readonly person: Stored<PersonDocument>;
}

/**
 * The committees whose sessions the person's feed shows: those of their index (see
 * `personCommitteesOf`, a hint only) in which the committee's own partition holds an active,
 * not erased roster entry for them. A person taken off a roster, deactivated or erased there no
 * longer sees that committee's sessions, whatever the index still says.
 */
export async function feedCommittees(
  store: DocumentStore,
  directoryId: string,
  personId: string,
): Promise<FeedCommittee[]> {
  const tenantId = tenantOfPartition(directoryId);
  if (tenantId === undefined) return [];
  const index = await personCommitteesOf(store, tenantId, personId);
  const found: FeedCommittee[] = [];
  for (const committeeId of index?.committeeIds ?? []) {
    const [committee, person] = await Promise.all([
      store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
      store.get<PersonDocument>(committeeId, personDocumentId(personId)),
    ]);
    if (committee?.type !== 'committee' || person?.type !== 'person') continue;
    if (!person.active || person.erasedAt) continue;
    found.push({ committee, person });
  }
  return found;
}
