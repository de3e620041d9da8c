import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../domain/ids';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { DocumentStore } from '../ports/document-store';
import type { LinkKind, LinkRecipient } from './link-document';

/**
 * Whether a link's recipient may hold a link now, checked when one is issued and every time one
 * is used, beside the revocation that deletes links when a person leaves (see `revokeLinksOf`):
 * - a person only while their roster entry is active and not erased. A data export is the
 *   exception: anyone may ask for their own data (Art. 15 GDPR), a person without a roster entry
 *   or one who was deactivated too, so its link only ends with erasure;
 * - a conversation only while it is the committee's working-group conversation: a channel the
 *   secretariat has replaced loses the links it was sent.
 * So a link sent to someone who has left never works, even one issued while they were leaving.
 */
export async function recipientIsCurrent(store: DocumentStore, committeeId: string, kind: LinkKind, recipient: LinkRecipient): Promise<boolean> {
  if (recipient.kind === 'conversation') {
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
  if (kind === 'export') return !person?.erasedAt;
  return person?.type === 'person' && person.active && !person.erasedAt;
}
