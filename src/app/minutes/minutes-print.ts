import type { StandardItem } from '../../domain/agenda/agenda-items';
import type { MinutesParticipant } from '../../domain/minutes/minutes-content';
import type { MinutesStatus } from './minutes-document';

/** One agreement as printed: the responsible person by name, the due date as a calendar day. */
export interface PrintedAgreement {
  readonly text: string;
  readonly institution: string;
  readonly responsibleName: string;
  /** `yyyy-MM-dd`. */
  readonly dueDate: string;
}

export interface PrintedItem {
  /** TOP number, from 1. */
  readonly number: number;
  /** Empty for standard items, whose title the PDF localises as the agenda does. */
  readonly title: string;
  readonly standard?: StandardItem;
  /** The internal discussion; absent in the working group's extract. */
  readonly summary?: string;
  readonly result: string;
  readonly agreements: readonly PrintedAgreement[];
}

/**
 * Everything a PDF of the minutes shows, ready to lay out: the full minutes for attendees and
 * secretariat, or the extract (results and agreements only) that the working group receives.
 */
export interface MinutesPrint {
  readonly committeeName: string;
  readonly sessionNumber: string;
  /** UTC instant of the session's start. */
  readonly startsAt: string;
  /** UTC instant of the session's planned end, for the time span under the title. */
  readonly endsAt?: string;
  readonly timeZone: string;
  readonly chair?: string;
  readonly place?: string;
  readonly version: number;
  /** When this version was saved; the PDF's creation date, so the same version gives the same file. */
  readonly savedAt?: string;
  readonly status: MinutesStatus;
  readonly approvedAt?: string;
  /** True when this version corrects minutes that had already been approved. */
  readonly correction: boolean;
  readonly extract: boolean;
  /** Empty in the extract. */
  readonly participants: readonly MinutesParticipant[];
  readonly items: readonly PrintedItem[];
}
