import type { Document } from '../ports/document-store';

/**
 * The roster's revision: every change of seats, roles or activity by the secretariat replaces
 * this one document with its ETag, in the same batch as the change. Two edits of the same
 * revision therefore race for one document and exactly one wins; a card showing an older
 * revision is outdated. Member imports leave it alone: they add people, and an open card stays
 * valid for the people it shows.
 */
export interface RosterDocument extends Document {
  readonly type: 'roster';
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}
