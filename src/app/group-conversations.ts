import type { CommitteeHome } from '../domain/committee';
import { tenantDirectoryId } from '../domain/ids';
import { routesOfTenant } from './committees/committee-routes';
import type { ConversationDocument } from './documents';
import type { Actor } from './identify-actor';
import type { DocumentStore, Stored } from './ports/document-store';

/**
 * The team channels and group chats a committee's working group may use, as the set-up card
 * offers them: the channels of its home team (or its home group chat), its current working group
 * conversation, and every conversation the bot is in that belongs to no other committee (neither
 * another's home nor another's working group). Another committee's conversations are never
 * offered, not even by name.
 */
export async function listGroupConversations(
  store: DocumentStore,
  actor: Pick<Actor, 'identity' | 'committeeId' | 'committee' | 'place'>,
): Promise<Array<Stored<ConversationDocument>>> {
  const tenantId = actor.identity.tenantId;
  const home = actor.committee?.home ?? (actor.place.kind === 'unclaimed' ? actor.place.home : undefined);
  const [conversations, routes] = await Promise.all([
    store.query<ConversationDocument>(tenantDirectoryId(tenantId), {
      type: 'conversation',
      where: [{ field: 'kind', op: '!=', value: 'personal' }],
      orderBy: { field: 'title' },
    }),
    routesOfTenant(store, tenantId),
  ]);
  const others = routes.filter((route) => route.belongsTo !== actor.committeeId);
  const otherHomes = new Set(others.filter((route) => route.role === 'home').map((route) => route.key));
  const otherGroups = new Set(others.filter((route) => route.role === 'workingGroup').map((route) => route.key));
  const current = actor.committee?.workingGroupConversationId;
  return conversations.filter(
    (conversation) =>
      conversation.id === current ||
      (home !== undefined && inHome(conversation, home)) ||
      (!otherHomes.has(homeKeyOfConversation(conversation)) && !otherGroups.has(conversation.id)),
  );
}

/** Whether the conversation is the home itself or a channel of the home team. */
export function inHome(conversation: ConversationDocument, home: CommitteeHome): boolean {
  return homeKeyOfConversation(conversation) === home.id;
}

/** The home a conversation would belong to: its team for a channel, itself for a group chat. */
function homeKeyOfConversation(conversation: ConversationDocument): string {
  return conversation.kind === 'channel' && conversation.teamId
    ? conversation.teamId
    : conversation.address.conversationId;
}

/**
 * The home with a readable title: the activity names a channel's team only sometimes, so a home
 * without one takes its name from what the directory knows of its conversations.
 */
export async function titledHome(
  store: DocumentStore,
  actor: Pick<Actor, 'identity' | 'committeeId' | 'committee' | 'place'>,
  home: CommitteeHome,
): Promise<CommitteeHome> {
  if (home.title) return home;
  const known = (await listGroupConversations(store, actor)).find((conversation) => inHome(conversation, home));
  const title = home.kind === 'team' ? known?.teamName : known?.title;
  return title ? { ...home, title } : home;
}
