import { randomUUID } from 'node:crypto';
import { EXPORT_LINK_HOURS } from '../../domain/links/link-lifetime';
import type { Document } from '../ports/document-store';

/** How long a download link of "my data" works: long enough to open it, short enough to forget. */
export const DATA_EXPORT_HOURS = EXPORT_LINK_HOURS;

/**
 * A person's request for their data, waiting to be downloaded through its secret link, an
 * `export` link issued to the person (see `LinkDocument`): the store keeps only the link's hash.
 * It records who asked and where, not the data: the file is collected when the link is opened
 * (see `dataExportFile`), so no copy of everything about a person lies in the store for a day,
 * and the file shows the records as they are when it is opened.
 */
export interface DataExportDocument extends Document {
  readonly type: 'dataExport';
  readonly personId: string;
  readonly createdAt: string;
  /** UTC instant; the link answers 404 from then on, and the retention job deletes the document. */
  readonly expiresAt: string;
  /**
   * The committee the request was made in (the one the person acted in, or the secretariat's for
   * a person without Teams), searched besides those of the person's index of committees; absent
   * when the person acted in none.
   */
  readonly askedInCommitteeId?: string;
  /**
   * The file as collected when it was asked for: only on documents stored before files were
   * collected on opening, which are still served as stored until they expire a day later.
   */
  readonly content?: PersonalDataExport;
}

/**
 * The export file's content: the person's data in every committee of the organisation they
 * belong or belonged to, and what the organisation's directory holds about them.
 */
export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly personId: string;
  readonly committees: readonly CommitteeDataExport[];
  readonly directory: DirectoryDataExport;
}

/** What the tenant's directory holds about the person, for all their committees at once. */
export interface DirectoryDataExport {
  /** Their 1:1 chat with the bot: its Teams ids and their name as Teams gave it. */
  readonly conversations: readonly unknown[];
  /** Which committees they belong to and the one their personal chat works with. */
  readonly committees: unknown;
  /** The language the person chose for Gremium's answers, or null when they never chose. */
  readonly languagePreference: unknown;
  /**
   * Whether they have a calendar subscription, and since when; null when they have none. Never
   * its address: only its hash is stored, and the export is no place for a secret.
   */
  readonly calendarFeed: { readonly issuedAt: string } | null;
}

/** One committee's records naming the person, grouped by kind. */
export interface CommitteeDataExport {
  readonly committeeId: string;
  readonly committeeName: string;
  readonly person: unknown;
  readonly seats: readonly unknown[];
  readonly rsvps: readonly unknown[];
  readonly attendance: readonly unknown[];
  readonly minutesParticipation: readonly unknown[];
  readonly topicSubmissions: readonly unknown[];
  readonly minutesAnswers: readonly unknown[];
  readonly actionItems: readonly unknown[];
  readonly messages: readonly unknown[];
  /** The audit trail's records of what the person did, and of changes about them. */
  readonly auditTrail: readonly unknown[];
  /** Every free-text field of any record that mentions the person's name, with the passage around it. */
  readonly mentions: readonly PersonMention[];
  /** The secret links issued to the person that still work: kind, what for, issued, expires. */
  readonly links: readonly unknown[];
}

/** One field of one record that mentions the person (see `collectCommitteeData`). */
export interface PersonMention {
  readonly documentType: string;
  readonly documentId: string;
  readonly sessionId?: string;
  /** Dotted path of the field: `items.2.summary`, `changes.0.before`. */
  readonly field: string;
  readonly excerpt: string;
}

/** A fresh export's id: random, and no secret (the link to it is). */
export function newDataExportDocumentId(): string {
  return `data-export-${randomUUID()}`;
}
