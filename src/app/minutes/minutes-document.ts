import type { MinutesItem, MinutesParticipant } from '../../domain/minutes/minutes-content';
import type { Document } from '../ports/document-store';

/** Where the minutes stand: being written, out for objections, or approved and frozen. */
export type MinutesStatus = 'draft' | 'circulated' | 'approved';

/** One circulation of the minutes: which version went to whom, and until when they may object. */
export interface MinutesCirculation {
  readonly version: number;
  readonly at: string;
  readonly by: string;
  /** UTC instant; an objection at or after it is late. */
  readonly objectionDeadline: string;
  /** Entra object ids of the attendees and the secretariat it went to. */
  readonly recipients: readonly string[];
  /** 1 for the first circulation, then one more for every revision sent out. */
  readonly round: number;
  /**
   * The recipients who attended the session: only they may agree or object. The secretariat
   * receives the minutes to follow them, not to object to its own draft.
   */
  readonly attendees?: readonly string[];
  /** The version the round before sent out, which a revision's changes are marked against. */
  readonly previousVersion?: number;
}

export interface MinutesApproval {
  readonly version: number;
  readonly at: string;
  /** The secretariat member's object id, or the scheduler's name for an automatic approval. */
  readonly by: string;
  readonly automatic: boolean;
}

/**
 * The minutes of one session as they stand now (the head). Every save writes a new version
 * (an immutable `minutesVersion` document) and replaces this document with its ETag, so two
 * editors cannot overwrite each other unseen.
 */
export interface MinutesDocument extends Document {
  readonly type: 'minutes';
  readonly sessionId: string;
  readonly status: MinutesStatus;
  /** Increases with every save; cards carry it and an older one is outdated. */
  readonly version: number;
  readonly items: readonly MinutesItem[];
  readonly participants: readonly MinutesParticipant[];
  readonly chair?: string;
  readonly circulation?: MinutesCirculation;
  /**
   * The version last sent out (circulated, approved, or corrected after approval). PDF links are
   * issued for it, so a draft edited after circulation stays private until sent, and a link
   * issued for an earlier one answers that it is superseded.
   */
  readonly publishedVersion?: number;
  readonly approval?: MinutesApproval;
  /**
   * What the version document of the head's own version says beyond the content the head holds
   * as well: why and when it was saved. A PDF link to the version last saved then needs the head
   * only, not a second read of the same quarter megabyte. Written with every save; minutes saved
   * before it was kept, or a head whose `version` it does not match, are read from the version
   * document instead.
   */
  readonly saved?: MinutesSaved;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export function minutesDocumentId(sessionId: string): string {
  return `minutes-${sessionId}`;
}

/** Why a version was saved: a draft before circulation, a revision after it, a correction after approval. */
export type MinutesVersionKind = 'draft' | 'revision' | 'correction';

export const MINUTES_VERSION_KINDS: readonly MinutesVersionKind[] = ['draft', 'revision', 'correction'];

/** The head's note of the version it holds, as its version document records it (`kind`, `savedAt`). */
export interface MinutesSaved {
  readonly version: number;
  readonly kind: MinutesVersionKind;
  /** The version document's `savedAt`. */
  readonly at: string;
}

/**
 * One saved version of the minutes, never changed afterwards: the history (who saved what when)
 * and what recipients compare a revision with. Created in the same batch as the head's replace.
 */
export interface MinutesVersionDocument extends Document {
  readonly type: 'minutesVersion';
  readonly sessionId: string;
  readonly version: number;
  readonly kind: MinutesVersionKind;
  readonly items: readonly MinutesItem[];
  readonly participants: readonly MinutesParticipant[];
  readonly chair?: string;
  /** The agenda items whose minutes differ from the version before. */
  readonly changedItemIds: readonly string[];
  readonly savedAt: string;
  readonly savedBy: string;
}

export function minutesVersionDocumentId(sessionId: string, version: number): string {
  return `minutes-${sessionId}-v${version}`;
}
