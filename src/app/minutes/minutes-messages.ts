import { CARD_TEXT_BUDGET, cutText, itemTextLimits } from '../../domain/minutes/card-budget';
import type { MinutesItem } from '../../domain/minutes/minutes-content';
import type { CommitteeDocument } from '../documents';
import type { LinkRequests } from '../ports/message-renderer';
import type { RosterSnapshot } from '../sessions/roster-snapshot';
import { nameOf } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import type { MinutesAnswer } from './minutes-response-document';

/** The circulated minutes with a form to agree or object per item. */
export const MINUTES_REVIEW_MESSAGE_KIND = 'minutesReview';
/** Approved (or corrected) minutes: results and agreements for the working group, a notice for the recipients. */
export const MINUTES_RESULTS_MESSAGE_KIND = 'minutesResults';

/** An agreement as cards show it: the responsible person by name. */
export interface ShownAgreement {
  readonly text: string;
  readonly institution: string;
  readonly responsibleName: string;
  readonly dueDate: string;
}

/** One item as a card shows it, its texts cut to the card's budget (the PDF holds them in full). */
export interface ShownItem {
  readonly itemId: string;
  readonly title: string;
  readonly standard?: MinutesItem['standard'];
  /** Absent where the reader must not see the internal discussion (the working group). */
  readonly summary?: string;
  readonly result: string;
  readonly agreements: readonly ShownAgreement[];
}

/** Which session and committee a minutes card is about, and how to reach its PDF. */
export interface MinutesCardHeader {
  readonly committeeId: string;
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly version: number;
}

/** What the review card shows a recipient of circulated minutes. */
export interface MinutesReviewMessage extends MinutesCardHeader {
  readonly round: number;
  readonly objectionDeadline: string;
  readonly items: readonly ShownItem[];
  /** Items changed since the version this recipient received before; empty on the first round. */
  readonly changedItemIds: readonly string[];
  /** The recipient's own answers so far, when the card is shown again after answering. */
  readonly answers?: Readonly<Record<string, { readonly answer: MinutesAnswer; readonly comment?: string }>>;
  /** Whether the recipient may answer (attendees) or only reads (the secretariat). */
  readonly mayAnswer: boolean;
}

/** What the results card shows: approved or corrected minutes' results and agreements. */
export interface MinutesResultsMessage extends MinutesCardHeader {
  /** The working group gets results and agreements; recipients a notice with the full minutes' link. */
  readonly audience: 'workingGroup' | 'recipients';
  readonly correction: boolean;
  readonly automatic: boolean;
  readonly items: readonly ShownItem[];
}

/** A review card links the full minutes of the version it shows. */
export function reviewLinks(message: Pick<MinutesReviewMessage, 'sessionId' | 'version'>): LinkRequests {
  return { pdf: { kind: 'minutes', sessionId: message.sessionId, version: message.version } };
}

/**
 * A results card links the version it announces: the working group's card the extract (results
 * and agreements, never the internal discussion), the recipients' notice the full minutes.
 */
export function resultsLinks(message: Pick<MinutesResultsMessage, 'sessionId' | 'version' | 'audience'>): LinkRequests {
  const kind = message.audience === 'workingGroup' ? 'extract' : 'minutes';
  return { pdf: { kind, sessionId: message.sessionId, version: message.version } };
}

export function cardHeader(
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone'>,
  session: Pick<SessionDocument, 'id' | 'number' | 'startsAt'>,
  version: number,
): MinutesCardHeader {
  return {
    committeeId: committee.committeeId,
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    version,
  };
}

/** The items as a card shows them: responsible people named, texts cut so that the card fits. */
export function shownItems(
  items: readonly MinutesItem[],
  roster: RosterSnapshot,
  withSummary: boolean,
  budget = CARD_TEXT_BUDGET,
): ShownItem[] {
  const limits = itemTextLimits(items.length, budget);
  const many = items.length > 10;
  return items.map((item) => {
    const perAgreement = Math.max(40, Math.floor(limits.agreements / Math.max(1, item.agreements.length)));
    return {
      itemId: item.itemId,
      title: cutText(item.title, limits.title),
      ...(item.standard ? { standard: item.standard } : {}),
      ...(withSummary ? { summary: cutText(item.summary, limits.summary) } : {}),
      result: cutText(item.result, limits.result),
      agreements: item.agreements.map((agreement) => ({
        text: cutText(agreement.text, perAgreement),
        institution: cutText(agreement.institution, many ? 30 : 60),
        responsibleName: cutText(nameOf(roster, agreement.responsibleId), many ? 25 : 40),
        dueDate: agreement.dueDate,
      })),
    };
  });
}
