import { createHash, randomBytes } from 'node:crypto';
import type { Document } from '../ports/document-store';

/** How long a download link of "my data" works: long enough to open it, short enough to forget. */
export const DATA_EXPORT_HOURS = 24;

/**
 * One person's data as exported, waiting to be downloaded through its secret link. The store
 * keeps only a hash of the token, so whoever reads the store cannot use the link; the document
 * id is derived from that hash, so looking a link up is one read of one id.
 */
export interface DataExportDocument extends Document {
  readonly type: 'dataExport';
  readonly personId: string;
  readonly createdAt: string;
  /** UTC instant; the link answers 404 from then on, and the retention job deletes the document. */
  readonly expiresAt: string;
  readonly content: PersonalDataExport;
}

/** The export file's content: every record naming the person, grouped by kind. */
export interface PersonalDataExport {
  readonly exportedAt: string;
  readonly committeeId: string;
  readonly personId: string;
  readonly person: unknown;
  readonly seats: readonly unknown[];
  readonly rsvps: readonly unknown[];
  readonly attendance: readonly unknown[];
  readonly minutesParticipation: readonly unknown[];
  readonly topicSubmissions: readonly unknown[];
  readonly minutesAnswers: readonly unknown[];
  readonly actionItems: readonly unknown[];
  readonly messages: readonly unknown[];
  readonly conversations: readonly unknown[];
  /** The audit trail's records of what the person did, and of changes about them. */
  readonly auditTrail: readonly unknown[];
  /** Every free-text field of any record that mentions the person's name, with the passage around it. */
  readonly mentions: readonly PersonMention[];
}

/** One field of one record that mentions the person (see `collectPersonalData`). */
export interface PersonMention {
  readonly documentType: string;
  readonly documentId: string;
  readonly sessionId?: string;
  /** Dotted path of the field: `items.2.summary`, `changes.0.before`. */
  readonly field: string;
  readonly excerpt: string;
}

/** A fresh unguessable token for a download link (128 bits, URL-safe). */
export function newExportToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The document id a token leads to; tokens that are not URL-safe lead nowhere. */
export function dataExportDocumentId(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  return `data-export-${createHash('sha256').update(token).digest('hex').slice(0, 48)}`;
}
