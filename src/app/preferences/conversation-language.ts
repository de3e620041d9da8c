import { committeeLanguageOf } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, directoryOfPartition, tenantDirectoryId } from '../../domain/ids';
import { languageOfLocale, type Language } from '../../domain/language';
import { committeeOfConversation, type TurnConversation } from '../committees/identify-committee';
import { personCommitteesOf } from '../committees/person-committees';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationDocument } from '../documents';
import type { DocumentStore } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { personalConversationDocumentId } from '../remember-conversation';

/**
 * Where a language came from, strongest first:
 * - `committee`: a channel or group chat, which speaks its committee's language;
 * - `choice`: the person chose it („sprache englisch“);
 * - `kept`: a 1:1 chat keeps the language Gremium first spoke in it without knowing the
 *   person's (see `keepSpokenLanguage`);
 * - `client`: the language the person's Teams reports, on this activity or when they last wrote;
 * - `fallback`: nothing told: for a person, the language of their committee; else the default.
 */
export type LanguageSource = 'committee' | 'choice' | 'kept' | 'client' | 'fallback';

/** The language of a conversation, and why it is that one. */
export interface ConversationLanguage {
  readonly language: Language;
  readonly source: LanguageSource;
}

/** The committee's language as stored; undefined when the partition holds no committee. */
export async function committeeLanguage(store: DocumentStore, committeeId: string): Promise<Language | undefined> {
  const committee = await store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  return committee?.type === 'committee' ? committeeLanguageOf(committee) : undefined;
}

/** What is known about a person's language, as the turn or the outbox found it. */
export interface PersonLanguageClues {
  /** What the person chose („sprache“), if anything. */
  readonly choice?: Language;
  /** Their 1:1 chat with Gremium, as stored: its kept language and the locale their Teams last reported. */
  readonly personalChat?: ConversationDocument;
  /** The locale tag of the activity being answered, when there is one. */
  readonly clientLocale?: string;
  /** The language of their committee, asked for only when nothing else tells. */
  readonly committee: () => Promise<Language | undefined>;
}

/**
 * The language of a person's 1:1 chat: their choice, else the one Gremium kept there, else their
 * Teams' (on this activity, or when they last wrote), else their committee's. Undefined when
 * nothing tells: the caller's default applies.
 */
export async function personalLanguage(clues: PersonLanguageClues): Promise<ConversationLanguage | undefined> {
  if (clues.choice) return { language: clues.choice, source: 'choice' };
  const kept = clues.personalChat?.spokenLanguage;
  if (kept) return { language: kept, source: 'kept' };
  const client = languageOfLocale(clues.clientLocale) ?? languageOfLocale(clues.personalChat?.locale);
  if (client) return { language: client, source: 'client' };
  const committee = await clues.committee();
  return committee ? { language: committee, source: 'fallback' } : undefined;
}

/** What a turn knows about where it is and who wrote. */
export interface TurnPlace {
  readonly tenantId: string;
  readonly conversation?: TurnConversation;
  /** The person who wrote or clicked (their Entra object id). */
  readonly aadObjectId: string;
  /** Their choice („sprache“), read once per turn by the caller. */
  readonly choice?: Language;
  /** The activity's locale tag. */
  readonly clientLocale?: string;
  /** Their 1:1 chat's document, when the caller has read it already. */
  readonly personalChat?: ConversationDocument;
}

/**
 * The language of the conversation a turn happens in, for every answer in it:
 * - a channel or group chat speaks its committee's language (the committee homed there or whose
 *   working group uses it), whoever writes and whatever their Teams reports; one of no committee
 *   the default;
 * - a 1:1 chat speaks its person's language (see `personalLanguage`); their committee is the one
 *   they chose to work with, else their only one.
 */
export async function turnLanguage(
  deps: AppDependencies,
  place: TurnPlace,
  defaultLanguage: Language,
): Promise<ConversationLanguage> {
  const { store } = deps;
  const { conversation } = place;
  if (conversation && conversation.kind !== 'personal') {
    const found = await committeeOfConversation(deps, place.tenantId, conversation);
    const language = found ? await committeeLanguage(store, found.committeeId) : undefined;
    return { language: language ?? defaultLanguage, source: language ? 'committee' : 'fallback' };
  }
  const personalChat =
    place.personalChat ??
    (await readConversation(
      store,
      tenantDirectoryId(place.tenantId),
      personalConversationDocumentId(place.aadObjectId),
    ));
  const found = await personalLanguage({
    ...(place.choice ? { choice: place.choice } : {}),
    ...(personalChat ? { personalChat } : {}),
    ...(place.clientLocale ? { clientLocale: place.clientLocale } : {}),
    committee: async () => {
      const index = await personCommitteesOf(store, place.tenantId, place.aadObjectId);
      const committeeId =
        index?.currentCommitteeId ?? (index?.committeeIds.length === 1 ? index.committeeIds[0] : undefined);
      return committeeId ? committeeLanguage(store, committeeId) : undefined;
    },
  });
  return found ?? { language: defaultLanguage, source: 'fallback' };
}

/**
 * Keeps the language Gremium spoke in a person's 1:1 chat before it knew theirs (the welcome on
 * installation without a language on the event, a message from the outbox before they ever
 * wrote): from then on the chat stays in it, however their Teams reports itself later, until they
 * choose another („sprache“). Writes only a 1:1 chat that keeps none yet; a write that loses a
 * race is left to the next occasion.
 */
export async function keepSpokenLanguage(
  { store }: AppDependencies,
  tenantId: string,
  aadObjectId: string,
  language: Language,
): Promise<void> {
  const stored = await readConversation(
    store,
    tenantDirectoryId(tenantId),
    personalConversationDocumentId(aadObjectId),
  );
  if (!stored || stored.kind !== 'personal' || stored.spokenLanguage) return;
  const { _etag: etag, ...rest } = stored;
  await savedUnlessChanged(() => store.replace<ConversationDocument>({ ...rest, spokenLanguage: language }, etag));
}

/** A conversation document of the tenant's directory, if there is one of that id. */
export async function readConversation(
  store: DocumentStore,
  directory: string,
  id: string,
): Promise<(ConversationDocument & { readonly _etag: string }) | undefined> {
  const found = await store.get<ConversationDocument>(directory, id);
  return found?.type === 'conversation' ? found : undefined;
}

/** The tenant directory a committee's partition belongs to (the directory itself for a committee of before homes). */
export function directoryOf(committeeId: string): string {
  return directoryOfPartition(committeeId) ?? committeeId;
}
