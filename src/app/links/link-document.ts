import { createHash, randomBytes } from 'node:crypto';
import type { LinkKind } from '../../domain/links/link-lifetime';
import type { Document } from '../ports/document-store';

export type { LinkKind };

/** The document type of issued links. */
export const LINK_TYPE = 'link';

/** What a link leads to: one session's calendar, one version of the minutes, one export, one year's report. */
export type LinkTarget =
  | { readonly kind: 'calendar'; readonly sessionId: string }
  /** `version` is the one the link was issued for; it shows that version, never a later one. */
  | { readonly kind: 'minutes' | 'extract'; readonly sessionId: string; readonly version: number }
  | { readonly kind: 'export'; readonly exportId: string }
  /** The status report of the year as PDF or CSV, computed when the link is opened. */
  | { readonly kind: 'report' | 'reportCsv'; readonly year: number };

/**
 * Who a link was issued to: a person (their 1:1 chat, or a card shown to them in a turn) or a
 * conversation everyone in it reads, such as the working group's channel.
 */
export type LinkRecipient = { readonly kind: 'person' | 'conversation'; readonly id: string };

/**
 * One issued link: a secret token given to one recipient for one target. The store keeps only
 * the SHA-256 hash of the token, as the document id, so whoever reads the store (a backup, an
 * operator, the audit trail, the data export) cannot use a link, and looking one up is one point
 * read. Comparing tokens in constant time is not needed: the lookup compares hashes, and how
 * long that takes says nothing about the tokens whose hashes are stored.
 *
 * A plain hash suffices because tokens are 256 random bits: there is nothing to guess from.
 *
 * Revoking a link deletes its document, so a revoked link can never come back; the daily
 * retention job deletes expired ones (the `link` row of `RETENTION_RULES`).
 */
export interface LinkDocument extends Document {
  readonly type: typeof LINK_TYPE;
  readonly kind: LinkKind;
  readonly recipientKind: LinkRecipient['kind'];
  /** The person's Entra object id, or the conversation document's id. */
  readonly recipientId: string;
  /**
   * What the link was issued for: one outbox message's link, or the card a person was last
   * shown in a turn for one target. Issuing for a slot again replaces its link, so a retried send
   * or a refreshed card never leaves two valid links for one message or card.
   */
  readonly slot: string;
  readonly sessionId?: string;
  readonly version?: number;
  readonly exportId?: string;
  /** The year of a status report link. */
  readonly year?: number;
  readonly issuedAt: string;
  /** UTC instant; the link answers like an unknown one from then on. */
  readonly expiresAt: string;
}

/** 256 random bits, URL-safe: the secret part of a download address. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are 43 URL-safe characters; anything else leads nowhere and is never looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The id of the link document a token leads to, or undefined for what cannot be a token. */
export function linkDocumentId(token: string): string | undefined {
  if (!TOKEN.test(token)) return undefined;
  return `link-${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** The link's target as stored on its document. */
export function targetOf(link: LinkDocument): LinkTarget | undefined {
  switch (link.kind) {
    case 'calendar':
      return link.sessionId ? { kind: 'calendar', sessionId: link.sessionId } : undefined;
    case 'minutes':
    case 'extract':
      if (!link.sessionId || typeof link.version !== 'number') return undefined;
      return { kind: link.kind, sessionId: link.sessionId, version: link.version };
    case 'export':
      return link.exportId ? { kind: 'export', exportId: link.exportId } : undefined;
    case 'report':
    case 'reportCsv':
      return typeof link.year === 'number' ? { kind: link.kind, year: link.year } : undefined;
  }
}
