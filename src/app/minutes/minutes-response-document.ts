import { createHash } from 'node:crypto';
import type { Document } from '../ports/document-store';

/** An attendee's answer to one agenda item of circulated minutes. */
export type MinutesAnswer = 'agree' | 'object';
export const MINUTES_ANSWERS: readonly MinutesAnswer[] = ['agree', 'object'];

/**
 * One person's answer to one item of one circulated version. Separate documents, so attendees
 * answering at once never contend for one; answering again replaces one's own with its ETag.
 */
export interface MinutesResponseDocument extends Document {
  readonly type: 'minutesResponse';
  readonly sessionId: string;
  readonly version: number;
  readonly itemId: string;
  readonly personId: string;
  readonly answer: MinutesAnswer;
  /** Required with an objection: what the person wants changed. */
  readonly comment?: string;
  readonly answeredAt: string;
}

/** The same person, item and version always give the same id. */
export function minutesResponseDocumentId(
  sessionId: string,
  version: number,
  itemId: string,
  personId: string,
): string {
  return `minutes-response-${createHash('sha256').update(`${sessionId}\n${version}\n${itemId}\n${personId}`).digest('hex').slice(0, 40)}`;
}
