import { COMMITTEE_DOCUMENT_ID, personDocumentId, tenantOfPartition } from '../../domain/ids';
import { personCommitteesOf } from '../committees/person-committees';
import type { CommitteeDocument, PersonDocument } from '../documents';
import {
  MAX_GET_MANY_KEYS,
  type Document,
  type DocumentKey,
  type DocumentStore,
  type Stored,
} from '../ports/document-store';

/** A committee whose sessions a feed shows, with the holder's roster entry in it. */
export interface FeedCommittee {
  readonly committee: Stored<CommitteeDocument>;
  readonly person: Stored<PersonDocument>;
}

/**
 * A committee's document and the person's roster entry there as the turn read them already (an
 * `Actor` is one): what a read at the turn's start answered, so it need not be read again.
 */
export interface RosterEntryRead {
  readonly committeeId: string;
  /** Undefined when it was not read, or was no committee: then the committee is read as any other. */
  readonly committee?: Stored<CommitteeDocument>;
  readonly person?: Stored<PersonDocument>;
}

/**
 * The committees whose sessions the person's feed shows: those of their index (see
 * `personCommitteesOf`, a hint only) in which the committee's own partition holds an active,
 * not erased roster entry for them. A person taken off a roster, deactivated or erased there no
 * longer sees that committee's sessions, whatever the index still says. The entries are read in
 * one request for all committees, but the one the turn read already (`read`), if any.
 */
export async function feedCommittees(
  store: DocumentStore,
  directoryId: string,
  personId: string,
  read?: RosterEntryRead,
): Promise<FeedCommittee[]> {
  const tenantId = tenantOfPartition(directoryId);
  if (tenantId === undefined) return [];
  const index = await personCommitteesOf(store, tenantId, personId);
  const committeeIds = index?.committeeIds ?? [];
  const known = read?.committee ? read : undefined;
  const toRead = committeeIds.filter((committeeId) => committeeId !== known?.committeeId);
  const keys = toRead.flatMap((committeeId): DocumentKey[] => [
    { committeeId, id: COMMITTEE_DOCUMENT_ID },
    { committeeId, id: personDocumentId(personId) },
  ]);
  const documents: Array<Stored<Document> | undefined> = [];
  for (let start = 0; start < keys.length; start += MAX_GET_MANY_KEYS)
    documents.push(...(await store.getMany(keys.slice(start, start + MAX_GET_MANY_KEYS))));
  const found: FeedCommittee[] = [];
  for (const committeeId of committeeIds) {
    const at = toRead.indexOf(committeeId);
    const [committee, person] = (at < 0 ? [known?.committee, known?.person] : documents.slice(2 * at, 2 * at + 2)) as [
      Stored<CommitteeDocument> | undefined,
      Stored<PersonDocument> | undefined,
    ];
    if (committee?.type !== 'committee' || person?.type !== 'person') continue;
    if (!person.active || person.erasedAt) continue;
    found.push({ committee, person });
  }
  return found;
}
