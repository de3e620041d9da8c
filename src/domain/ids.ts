/**
 * Stable document ids. Cosmos DB ids may not contain `/ \ ? #`, so ids built from outside values
 * only ever use the safe characters of GUIDs.
 */
const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/;

/**
 * The committee of a tenant. One committee per tenant for now; the id is derived, so that two
 * people setting up at the same moment race for the same document and exactly one wins.
 */
export function committeeIdForTenant(tenantId: string): string {
  return `tenant-${safe(tenantId, 'tenant id').toLowerCase()}`;
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
