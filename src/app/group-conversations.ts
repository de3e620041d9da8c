import type { ConversationDocument } from './documents';
import type { DocumentStore, Stored } from './ports/document-store';

/** The team channels and group chats the bot is installed in: candidates for the working group. */
export async function listGroupConversations(
  store: DocumentStore,
  committeeId: string,
): Promise<Array<Stored<ConversationDocument>>> {
  const conversations = await store.query<ConversationDocument>(committeeId, {
    type: 'conversation',
    where: [{ field: 'kind', op: '!=', value: 'personal' }],
    orderBy: { field: 'title' },
  });
  return conversations;
}
