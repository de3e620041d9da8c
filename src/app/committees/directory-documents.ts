import type { Document } from '../ports/document-store';

/**
 * The documents of a tenant's directory (see `tenantDirectoryId`) besides the conversation
 * references it always held. They answer, in one point read each, the questions a turn asks
 * before it knows its committee; none of them is ever trusted for a role, which is read from the
 * committee's own partition.
 */

/** The document type of a committee's route: which conversation is which committee's. */
export const COMMITTEE_ROUTE_TYPE = 'committeeRoute';

/**
 * A conversation that belongs to a committee: its home (`home`: the team, or the group chat) or
 * its working group's conversation (`workingGroup`). One document per key, so a key belongs to
 * at most one committee: a second committee that claims it conflicts. A committee's home route
 * is also found without it (the committee's id is derived from the home); it is written for
 * every committee so that the directory lists them, and it is the only way to the home of a
 * committee stored before committees had homes.
 */
export interface CommitteeRouteDocument extends Document {
  readonly type: typeof COMMITTEE_ROUTE_TYPE;
  readonly role: 'home' | 'workingGroup';
  /** The home's key (team id, group chat id), or the working group conversation's document id. */
  readonly key: string;
  /** The committee it belongs to. */
  readonly belongsTo: string;
  readonly updatedAt: string;
}

/** The document type of the per-person index of committees. */
export const PERSON_COMMITTEES_TYPE = 'personCommittees';

/**
 * The committees a person belongs to (has a roster entry in), and the one they chose to work
 * with in their personal chat. A hint, kept in step when rosters change and repaired daily: a
 * turn verifies every committee it takes from here against that committee's own partition.
 */
export interface PersonCommitteesDocument extends Document {
  readonly type: typeof PERSON_COMMITTEES_TYPE;
  /** The person's Entra object id. */
  readonly personId: string;
  readonly committeeIds: readonly string[];
  /** The committee the person's commands in the personal chat act on, if they chose one. */
  readonly currentCommitteeId?: string;
  readonly updatedAt: string;
}
