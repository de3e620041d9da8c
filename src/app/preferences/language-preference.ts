import { nowUtcIso } from '../../domain/clock';
import { tenantDirectoryId, isSafeIdPart, languagePreferenceDocumentId } from '../../domain/ids';
import { isLanguage, type Language } from '../../domain/language';
import type { AppDependencies } from '../dependencies';
import type { ActorIdentity } from '../identify-actor';
import type { Document, DocumentStore } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';

/** The document type of language preferences. */
export const LANGUAGE_PREFERENCE_TYPE = 'languagePreference';

/**
 * The language a person chose for Gremium's answers („sprache englisch“), one document per
 * person. It is keyed by the tenant (its partition, `tenantDirectoryId`, where the person's
 * 1:1 conversation is kept too) and the person's Entra object id (its id), never by a roster
 * entry: anyone who writes to the bot may choose, before they are on a roster, after they left
 * it, and whatever the secretariat changes there. It is the person's one choice for all their
 * committees, kept beside their index of committees and the one they chose to work with (see
 * app/committees/person-committees.ts).
 */
export interface LanguagePreferenceDocument extends Document {
  readonly type: typeof LANGUAGE_PREFERENCE_TYPE;
  /** The person's Entra object id (so the audit trail, export and erasure find it by person). */
  readonly personId: string;
  readonly language: Language;
  /** When the person last chose; the retention run counts from here. */
  readonly updatedAt: string;
}

/** Writes retried when someone else (the same person in a second window) chose at the same moment. */
const CHOICE_ATTEMPTS = 3;

/**
 * The language the person chose, or undefined when they never chose (or the choice was removed:
 * erased, or past its retention). One point read in the tenant's partition.
 */
export async function languagePreferenceOf(
  store: DocumentStore,
  identity: Pick<ActorIdentity, 'tenantId' | 'aadObjectId'>,
): Promise<Language | undefined> {
  return storedLanguage(store, tenantDirectoryId(identity.tenantId), identity.aadObjectId);
}

/** The same, for a person of a partition already known (the recipient of a message or link). */
export async function storedLanguage(
  store: DocumentStore,
  committeeId: string,
  aadObjectId: string,
): Promise<Language | undefined> {
  if (!isSafeIdPart(aadObjectId)) return undefined;
  const stored = await store.get<LanguagePreferenceDocument>(committeeId, languagePreferenceDocumentId(aadObjectId));
  return stored?.type === LANGUAGE_PREFERENCE_TYPE && isLanguage(stored.language) ? stored.language : undefined;
}

/**
 * Stores the person's choice of language; the person is the activity's, never one named by a
 * card. Anyone may choose, with or without a role or a committee. Choosing the language already
 * stored writes nothing. The write is conditional on what was read (a create of a free id, or a
 * replace on its ETag), so two choices at the same moment never overwrite each other unseen: the
 * later one reads again and is stored last, as the person meant.
 */
export async function chooseLanguage(
  { store, clock }: AppDependencies,
  identity: Pick<ActorIdentity, 'tenantId' | 'aadObjectId'>,
  language: Language,
): Promise<Language> {
  const committeeId = tenantDirectoryId(identity.tenantId);
  const id = languagePreferenceDocumentId(identity.aadObjectId);
  for (let attempt = 1; attempt <= CHOICE_ATTEMPTS; attempt += 1) {
    const stored = await store.get<LanguagePreferenceDocument>(committeeId, id);
    if (stored?.type === LANGUAGE_PREFERENCE_TYPE && stored.language === language) return language;
    const next: LanguagePreferenceDocument = {
      id,
      committeeId,
      type: LANGUAGE_PREFERENCE_TYPE,
      personId: identity.aadObjectId,
      language,
      updatedAt: nowUtcIso(clock),
    };
    const saved = await savedUnlessChanged(() => (stored ? store.replace(next, stored._etag) : store.create(next)));
    if (saved.ok) return language;
  }
  throw new Error(`The language choice of ${identity.aadObjectId} kept changing while it was stored`);
}
