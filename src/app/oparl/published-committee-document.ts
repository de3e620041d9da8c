import type { Document } from '../ports/document-store';

/**
 * The partition of the interface's directory: one entry per committee that ever published, so
 * that the system's list of bodies and a body's committees are read from one partition instead
 * of a query across every committee's. No committee id has this form (they are derived from a
 * tenant or a conversation, see `domain/ids`).
 */
export const OPARL_DIRECTORY = 'oparl-directory';

/** The document type of directory entries. */
export const PUBLISHED_COMMITTEE_TYPE = 'oparlCommittee';

/**
 * A committee as the interface's directory knows it: which body (organisation) it belongs to,
 * whether it publishes now, and what a body takes from it (its names). Kept after publication is
 * switched off, so that its body and objects can be stated as deleted.
 */
export interface PublishedCommitteeDocument extends Document {
  readonly type: 'oparlCommittee';
  /** The committee whose entry this is; its id is also the entry's id. */
  readonly publishedCommitteeId: string;
  readonly tenantId: string;
  readonly bodyKey: string;
  readonly name: string;
  readonly shortName: string;
  readonly published: boolean;
  /** SHA-256 of the entry's content above, so the refresh writes only changes. */
  readonly hash: string;
  /** When the committee first published, and when the entry last changed. */
  readonly created: string;
  readonly modified: string;
}
