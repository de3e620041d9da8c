import { createHash } from 'node:crypto';
import { nowUtcIso } from '../domain/clock';
import { tenantDirectoryId } from '../domain/ids';
import type { AppDependencies } from './dependencies';
import type { ConversationAddress, ConversationDocument, ConversationKind } from './documents';

/** What the bot learnt about a conversation from an incoming activity or an installation. */
export interface ConversationSighting {
  readonly address: ConversationAddress;
  readonly title?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  /**
   * In a 1:1 chat, the language of the person who wrote: their choice, else their client's locale
   * tag. Undefined elsewhere: channels and group chats speak their committee's language.
   */
  readonly locale?: string;
}

/**
 * The document id of a conversation. A person's 1:1 chat is found by their object id; channels
 * and group chats by a hash of the Teams conversation id, which may hold characters that are
 * not allowed in ids.
 */
export function conversationDocumentId(kind: ConversationKind, conversationId: string, aadObjectId?: string): string {
  if (kind === 'personal' && aadObjectId) return personalConversationDocumentId(aadObjectId);
  return `conversation-${createHash('sha256').update(conversationId).digest('hex').slice(0, 40)}`;
}

/** Where a person's 1:1 conversation with the bot is kept, found by their object id alone. */
export function personalConversationDocumentId(aadObjectId: string): string {
  return `personal-${aadObjectId.toLowerCase()}`;
}

/** Where `rememberConversation` keeps what it learnt of the sighting's conversation. */
export function conversationKeyOf(sighting: ConversationSighting): { committeeId: string; id: string } {
  const { address } = sighting;
  const kind = address.conversationType;
  const aadObjectId = kind === 'personal' ? address.userAadObjectId : undefined;
  return {
    committeeId: tenantDirectoryId(address.tenantId),
    id: conversationDocumentId(kind, address.conversationId, aadObjectId),
  };
}

/**
 * Keeps the reference of a conversation so later features can post into it proactively.
 * Writes only when something changed, so a busy chat does not cost a write per message.
 */
export async function rememberConversation(
  { store, clock }: AppDependencies,
  sighting: ConversationSighting,
): Promise<ConversationDocument> {
  const { address } = sighting;
  const kind = address.conversationType;
  const aadObjectId = kind === 'personal' ? address.userAadObjectId : undefined;
  const { committeeId, id } = conversationKeyOf(sighting);
  const existing = await store.get<ConversationDocument>(committeeId, id);
  const next: ConversationDocument = {
    id,
    committeeId,
    type: 'conversation',
    kind,
    aadObjectId,
    title: sighting.title ?? existing?.title,
    teamId: sighting.teamId ?? existing?.teamId,
    teamName: sighting.teamName ?? existing?.teamName,
    locale: (kind === 'personal' ? sighting.locale : undefined) ?? existing?.locale,
    ...(existing?.spokenLanguage ? { spokenLanguage: existing.spokenLanguage } : {}),
    address,
    updatedAt: existing?.updatedAt ?? nowUtcIso(clock),
  };
  if (existing && sameConversation(existing, next)) return existing;
  const stored = await store.upsert({ ...next, updatedAt: nowUtcIso(clock) });
  return stored;
}

function sameConversation(a: ConversationDocument, b: ConversationDocument): boolean {
  const relevant = (doc: ConversationDocument) =>
    JSON.stringify([
      doc.kind,
      doc.aadObjectId,
      doc.title,
      doc.teamId,
      doc.teamName,
      doc.locale,
      doc.spokenLanguage,
      doc.address,
    ]);
  return relevant(a) === relevant(b);
}
