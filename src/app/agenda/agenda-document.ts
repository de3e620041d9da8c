import type { AgendaItem, ItemChange } from '../../domain/agenda/agenda-items';
import type { Document } from '../ports/document-store';

/** An item as published: the item, and whether it is new or changed since the version before. */
export interface PublishedItem extends AgendaItem {
  readonly change?: ItemChange;
}

/** One published version of a session's agenda, as its readers received it. */
export interface PublishedAgenda {
  readonly version: number;
  readonly publishedAt: string;
  readonly items: readonly PublishedItem[];
  /** Items the version before had and this one dropped. */
  readonly removed: readonly AgendaItem[];
}

/**
 * The agenda the secretariat is building for a session, and what it last published. The draft
 * is one document with a revision: only the secretariat edits it, and an outdated card must not
 * overwrite a newer order. Published versions also live on the session, where every invitation
 * reads them.
 */
export interface AgendaDocument extends Document {
  readonly type: 'agenda';
  readonly sessionId: string;
  readonly items: readonly AgendaItem[];
  readonly revision: number;
  readonly published?: PublishedAgenda;
  /** Everyone who has received a version 1:1, so that a new version reaches each of them. */
  readonly recipients: readonly string[];
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export function agendaDocumentId(sessionId: string): string {
  return `agenda-${sessionId}`;
}
