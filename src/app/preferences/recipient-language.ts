import { directoryOfPartition } from '../../domain/ids';
import { languageOfLocale, type Language } from '../../domain/language';
import type { ConversationDocument } from '../documents';
import type { LinkRecipient } from '../links/link-document';
import type { DocumentStore } from '../ports/document-store';
import { personalConversationDocumentId } from '../remember-conversation';
import { storedLanguage } from './language-preference';

/**
 * The language to write in to someone who did not just ask: a message from the outbox, or a file
 * behind a link issued to them (a calendar event, the minutes as PDF).
 * - A person, and a conversation that is a person's 1:1 chat: the language the person chose,
 *   else the one their Teams reported when they last wrote in that chat.
 * - A channel or group chat, read by many: its own language, that of whoever wrote there last as
 *   Gremium answered them (see `rememberConversation`).
 *
 * Undefined when nothing is known; the caller's default applies. `conversation` is the
 * recipient's conversation document (for a person, their 1:1 chat) when the caller has read it
 * already, as the outbox sender has, so it is not read twice.
 */
export async function recipientLanguage(
  store: DocumentStore,
  committeeId: string,
  recipient: LinkRecipient,
  conversation?: ConversationDocument,
): Promise<Language | undefined> {
  // Conversations and choices are the tenant's, kept in its directory, whichever committee asks.
  const directory = directoryOfPartition(committeeId) ?? committeeId;
  const conversationId = recipient.kind === 'person' ? personalConversationDocumentId(recipient.id) : recipient.id;
  const read = async () => {
    const found = conversation ?? (await store.get<ConversationDocument>(directory, conversationId));
    return found?.type === 'conversation' ? found : undefined;
  };
  if (recipient.kind === 'person') {
    const [preference, personal] = await Promise.all([storedLanguage(store, directory, recipient.id), read()]);
    return preference ?? languageOfLocale(personal?.locale);
  }
  const found = await read();
  const person = found?.kind === 'personal' ? found.aadObjectId : undefined;
  const preference = person ? await storedLanguage(store, directory, person) : undefined;
  return preference ?? languageOfLocale(found?.locale);
}
