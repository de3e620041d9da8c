import { TEXT_FIELDS } from '../text-input';
import type { StandardItem } from '../agenda/agenda-items';

/**
 * What the minutes (Protokoll) of a session say: per agenda item a summary of the discussion,
 * its result, and the agreements (Vereinbarungen) made. The summary is internal to the
 * committee; results and agreements are what the working group is told afterwards.
 */

/**
 * An agreement as the minutes record it. Once the minutes are approved it becomes an action item
 * (see app/agreements), owned by an institution with a responsible person from the roster.
 */
export interface AgreementDraft {
  /** Stable within the minutes, so versions can be compared and the action item keyed by it. */
  readonly id: string;
  readonly text: string;
  /** The institution that owns the agreement (free text: owners may be outside the roster's seats). */
  readonly institution: string;
  /** The responsible person's Entra object id; a person of the stored roster. */
  readonly responsibleId: string;
  /** The due date as a calendar day in the committee's time zone, `yyyy-MM-dd`. */
  readonly dueDate: string;
}

/** The minutes of one agenda item. */
export interface MinutesItem {
  /** The agenda item's id, so the minutes follow the published agenda. */
  readonly itemId: string;
  /** The item's title; empty for standard items, which are localised when shown, as on the agenda. */
  readonly title: string;
  /** Which standard item this is (opening, status of agreements, other business), if one. */
  readonly standard?: StandardItem;
  readonly summary: string;
  readonly result: string;
  readonly agreements: readonly AgreementDraft[];
}

/** Who took part, as the attendance recorded it; the minutes' list of participants. */
export interface MinutesParticipant {
  readonly institution: string;
  readonly name: string;
  readonly presence: 'inPerson' | 'online' | 'absent';
}

/** Limits on the minutes' free text, so that cards fit Teams' message size and PDFs stay readable. */
export const MINUTES_LIMITS = {
  summary: TEXT_FIELDS.minutesSummary.max,
  result: TEXT_FIELDS.minutesResult.max,
  agreementText: TEXT_FIELDS.agreementText.max,
  institution: TEXT_FIELDS.institution.max,
  agreementsPerItem: 10,
  /** All agreements of one set of minutes; approval writes each as a document in one batch. */
  agreementsTotal: 60,
  comment: TEXT_FIELDS.objectionComment.max,
} as const;

/** How long attendees may object, and whether silence approves, unless the committee sets otherwise. */
export const DEFAULT_MINUTES_SETTINGS = { objectionDays: 7, autoApprove: true } as const;
