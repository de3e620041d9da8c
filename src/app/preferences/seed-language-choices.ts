import { nowUtcIso } from '../../domain/clock';
import { tenantDirectoryId, languagePreferenceDocumentId } from '../../domain/ids';
import type { Language } from '../../domain/language';
import type { AppDependencies } from '../dependencies';
import { ConflictError } from '../ports/store-errors';
import { LANGUAGE_PREFERENCE_TYPE, type LanguagePreferenceDocument } from './language-preference';

/** Language choices to load for people of one tenant: the demo's, whose client reports en-US. */
export interface LanguageChoicesSeed {
  readonly tenantId: string;
  readonly choices: ReadonlyArray<{ readonly aadObjectId: string; readonly language: Language }>;
}

/**
 * Stores each choice that its person has not made yet, with or without a committee: seeding never
 * overwrites what a person chose since (a demo person who switched to English stays so across
 * restarts). Answers how many were stored.
 */
export async function seedLanguageChoices(
  { store, clock }: AppDependencies,
  seed: LanguageChoicesSeed,
): Promise<number> {
  const committeeId = tenantDirectoryId(seed.tenantId);
  let stored = 0;
  for (const { aadObjectId, language } of seed.choices) {
    const choice: LanguagePreferenceDocument = {
      id: languagePreferenceDocumentId(aadObjectId),
      committeeId,
      type: LANGUAGE_PREFERENCE_TYPE,
      personId: aadObjectId,
      language,
      updatedAt: nowUtcIso(clock),
    };
    try {
      await store.create(choice);
      stored += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return stored;
}
