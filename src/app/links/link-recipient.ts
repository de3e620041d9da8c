import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../domain/ids';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../documents';
import { minutesDocumentId, type MinutesDocument } from '../minutes/minutes-document';
import type { DocumentStore } from '../ports/document-store';
import type { LinkRecipient, LinkTarget } from './link-document';

/**
 * Whether the recipient may hold a link to the target now: checked when a link is issued (a
 * message queued before someone left goes out without one) and every time one is used, beside
 * the revocation that deletes a person's links when they leave (see `revokeLinksOf`), so a link
 * of someone who no longer takes part never works, even one issued while they were leaving.
 *
 * - A conversation (the working group's channel, read by everyone in it) holds only the extract,
 *   and only while it is the committee's working-group conversation.
 * - A person's data export: anyone may ask for their own data (Art. 15 GDPR), a person without
 *   a roster entry or one who was deactivated too, so only erasure ends it.
 * - Anything else only an active, not erased person of the roster, and only while they hold what
 *   it was sent to them for: a calendar while they are the member or deputy of a seat; the full
 *   minutes while they are of the secretariat, or received the latest circulation and still hold
 *   a seat; the extract while they are of the working group; a status report while they are of
 *   the secretariat.
 */
export async function recipientMayHold(
  store: DocumentStore,
  committeeId: string,
  recipient: LinkRecipient,
  target: LinkTarget,
): Promise<boolean> {
  if (recipient.kind === 'conversation') {
    if (target.kind !== 'extract') return false;
    const committee = await store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
    return committee?.type === 'committee' && committee.workingGroupConversationId === recipient.id;
  }
  let id: string;
  try {
    id = personDocumentId(recipient.id);
  } catch {
    return false;
  }
  const person = await store.get<PersonDocument>(committeeId, id);
  if (target.kind === 'export') return !person?.erasedAt;
  if (person?.type !== 'person' || !person.active || person.erasedAt) return false;
  switch (target.kind) {
    case 'calendar':
      return holdsSeat(store, committeeId, recipient.id);
    case 'extract':
      return person.roles.includes('workingGroup');
    case 'report':
    case 'reportCsv':
      return person.roles.includes('secretariat');
    case 'minutes': {
      if (person.roles.includes('secretariat')) return true;
      const minutes = await store.get<MinutesDocument>(committeeId, minutesDocumentId(target.sessionId));
      const circulatedTo = minutes?.type === 'minutes' ? (minutes.circulation?.recipients ?? []) : [];
      return circulatedTo.includes(recipient.id) && (await holdsSeat(store, committeeId, recipient.id));
    }
  }
}

/** Whether the person is the member or the deputy of a seat. */
async function holdsSeat(store: DocumentStore, committeeId: string, personId: string): Promise<boolean> {
  for (const field of ['memberId', 'deputyId']) {
    const seats = await store.query<SeatDocument>(committeeId, {
      type: 'seat',
      where: [{ field, op: '=', value: personId }],
      limit: 1,
    });
    if (seats.length > 0) return true;
  }
  return false;
}
