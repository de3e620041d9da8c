import type { ConversationDocument } from '../documents';
import type { LinkRecipient } from '../links/link-document';
import type { DocumentStore } from '../ports/document-store';
import { personalConversationDocumentId } from '../remember-conversation';
import {
  committeeLanguage,
  directoryOf,
  personalLanguage,
  readConversation,
  type ConversationLanguage,
} from './conversation-language';
import { storedLanguage } from './language-preference';

/**
 * The language to write in to someone who did not just ask: a message from the outbox, or a file
 * behind a link issued to them (a calendar event, the minutes as PDF). The same rules as every
 * answer in a turn (see `turnLanguage`), so that what Gremium posts into a conversation later
 * speaks the language of its replies there:
 * - a channel or group chat speaks the language of the committee it is sent for, whoever's
 *   action made it go out;
 * - a person, and a conversation that is a person's 1:1 chat: the language the person chose,
 *   else the one Gremium keeps in that chat, else the one their Teams reported when they last
 *   wrote there, else the committee's.
 *
 * Undefined only where even the committee is unknown: the caller's default applies. `conversation` is the
 * recipient's conversation document (for a person, their 1:1 chat) when the caller has read it
 * already, as the outbox sender has, so it is not read twice.
 */
export async function recipientLanguage(
  store: DocumentStore,
  committeeId: string,
  recipient: LinkRecipient,
  conversation?: ConversationDocument,
): Promise<ConversationLanguage | undefined> {
  // Conversations and choices are the tenant's, kept in its directory, whichever committee asks.
  const directory = directoryOf(committeeId);
  const conversationId = recipient.kind === 'person' ? personalConversationDocumentId(recipient.id) : recipient.id;
  const found =
    conversation?.type === 'conversation' ? conversation : await readConversation(store, directory, conversationId);
  const committee = () => committeeLanguage(store, committeeId);
  const person =
    recipient.kind === 'person' ? recipient.id : found?.kind === 'personal' ? found.aadObjectId : undefined;
  if (!person) {
    const language = await committee();
    return language ? { language, source: 'committee' } : undefined;
  }
  const choice = await storedLanguage(store, directory, person);
  return personalLanguage({
    ...(choice ? { choice } : {}),
    ...(found?.kind === 'personal' ? { personalChat: found } : {}),
    committee,
  });
}
