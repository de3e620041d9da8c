import type { StandardItem } from '../../domain/agenda/agenda-items';
import type { Document } from '../ports/document-store';

/** Where an action item stands. Only `done` ends it; `blocked` alerts the secretariat. */
export const AGREEMENT_STATUSES = ['open', 'inProgress', 'blocked', 'done'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** One entry of an action item's history: who did what when. Entries are only ever appended. */
export interface AgreementEvent {
  readonly at: string;
  readonly by: string;
  readonly kind: 'created' | 'status' | 'dueDateProposed' | 'dueDateAccepted' | 'dueDateDeclined' | 'corrected';
  readonly status?: AgreementStatus;
  readonly note?: string;
  readonly dueDate?: string;
}

/**
 * An agreement of approved minutes as an action item: owned by an institution with a responsible
 * person, worked on between sessions, and reported at the next ones until done. Agendas query
 * documents of this type whose status is not `done` (see app/agenda/session-agenda.ts).
 */
export interface AgreementDocument extends Document {
  readonly type: 'agreement';
  /** The session whose minutes made the agreement. */
  readonly sessionId: string;
  readonly sessionNumber: string;
  /** The agreement's id within the minutes. */
  readonly draftId: string;
  readonly itemTitle: string;
  /** Which standard item the agreement was made under, whose title is localised when shown (its `itemTitle` is empty). */
  readonly itemStandard?: StandardItem;
  /** The responsible person's name when the item was made, for when they have left the roster since. */
  readonly responsibleName?: string;
  readonly text: string;
  readonly institution: string;
  readonly responsibleId: string;
  /** `yyyy-MM-dd` in the committee's time zone. */
  readonly dueDate: string;
  readonly status: AgreementStatus;
  /** Increases with every change; a card showing an older one is outdated. */
  readonly revision: number;
  readonly history: readonly AgreementEvent[];
  /** A new due date the responsible person asked for, waiting for the secretariat. */
  readonly proposedDueDate?: {
    readonly dueDate: string;
    readonly by: string;
    readonly at: string;
    readonly note?: string;
  };
  readonly doneAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One action item per agreement of a session's minutes, so approving twice creates none twice. */
export function agreementDocumentId(sessionId: string, draftId: string): string {
  return `agreement-${sessionId}-${draftId}`;
}
