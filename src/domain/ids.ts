/**
 * Stable document ids. Cosmos DB ids may not contain `/ \ ? #`, so ids built from outside values
 * only ever use the safe characters of GUIDs.
 */
const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/;

const TENANT_PREFIX = 'tenant-';
const COMMITTEE_PREFIX = 'committee-';

/**
 * The tenant's directory: the partition that holds what belongs to the organisation rather than
 * to one committee (conversation references, which conversation is which committee's, which
 * committees a person belongs to, a person's choices). Before committees had homes a tenant had
 * exactly one committee, stored under this very id; such a committee keeps it, so its partition
 * is both that committee's and the directory (see app/committees).
 */
export function tenantDirectoryId(tenantId: string): string {
  return `${TENANT_PREFIX}${safe(tenantId, 'tenant id').toLowerCase()}`;
}

/**
 * The id of the committee that a tenant had before committees had homes, which is also the
 * tenant's directory (see `tenantDirectoryId`).
 */
export function committeeIdForTenant(tenantId: string): string {
  return tenantDirectoryId(tenantId);
}

/**
 * The id of a committee with a home: the prefix, the tenant, and a digest of tenant and home
 * made by the caller (see app/committees/committee-id.ts). Derived, so that two people saving
 * the first set-up in one team at the same moment race for the same document and exactly one
 * wins, while two teams make two committees. The tenant is part of it so that every partition
 * names its organisation's directory without a read (`tenantOfPartition`).
 */
export function homedCommitteeId(tenantId: string, digest: string): string {
  if (!/^[0-9a-f]{40}$/.test(digest)) throw new Error('A committee id needs a 40-digit hex digest');
  return `${COMMITTEE_PREFIX}${safe(tenantId, 'tenant id').toLowerCase()}-${digest}`;
}

/**
 * The tenant a partition belongs to: a directory's (also a committee of before homes) or a
 * homed committee's. Undefined for anything else (another kind of partition, a card's tampered
 * value), which therefore belongs to no tenant.
 */
export function tenantOfPartition(partitionId: unknown): string | undefined {
  if (typeof partitionId !== 'string' || !isSafeIdPart(partitionId)) return undefined;
  if (partitionId.startsWith(TENANT_PREFIX)) return partitionId.slice(TENANT_PREFIX.length) || undefined;
  const match = /^committee-(.+)-[0-9a-f]{40}$/.exec(partitionId);
  return match?.[1];
}

/** The directory of the tenant a partition belongs to; undefined as for `tenantOfPartition`. */
export function directoryOfPartition(partitionId: unknown): string | undefined {
  const tenantId = tenantOfPartition(partitionId);
  return tenantId === undefined ? undefined : `${TENANT_PREFIX}${tenantId}`;
}

/** Whether the partition is a committee's of before homes, which is also its tenant's directory. */
export function isTenantDirectory(partitionId: string): boolean {
  return partitionId.startsWith(TENANT_PREFIX);
}

export const COMMITTEE_DOCUMENT_ID = 'committee';

/** The roster's revision lives in a document of its own, so roster edits never outdate the set-up card. */
export const ROSTER_DOCUMENT_ID = 'roster';

export function personDocumentId(aadObjectId: string): string {
  return `person-${safe(aadObjectId, 'aadObjectId').toLowerCase()}`;
}

/**
 * A person's language preference: by their object id alone, beside the tenant's other documents
 * (the partition), so it does not hang on a roster entry and outlives roster changes.
 */
export function languagePreferenceDocumentId(aadObjectId: string): string {
  return `language-${safe(aadObjectId, 'aadObjectId').toLowerCase()}`;
}

export function seatDocumentId(seatKey: string): string {
  return `seat-${safe(seatKey, 'seat key').toLowerCase()}`;
}

/** Whether a value from an activity can be used in an id; anything else is refused upstream. */
export function isSafeIdPart(value: string): boolean {
  return SAFE_ID.test(value);
}

function safe(value: string, what: string): string {
  if (!isSafeIdPart(value)) throw new Error(`Unsupported ${what}: ${JSON.stringify(value).slice(0, 60)}`);
  return value;
}
