import type { Document } from '../ports/document-store';
import type { RsvpAnswer } from '../../domain/sessions/rsvp';

/**
 * One person's answer for one session, in a document of its own: concurrent answers by
 * different people never touch the same document, and answering again (or a re-delivered
 * click) overwrites the person's one record instead of adding another.
 */
export interface RsvpDocument extends RsvpAnswer, Document {
  readonly type: 'rsvp';
  readonly sessionId: string;
}

export function rsvpDocumentId(sessionId: string, personId: string): string {
  return `rsvp-${sessionId}-${personId}`;
}
