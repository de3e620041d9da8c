import { chooseLanguage } from '../app/preferences/language-preference';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderLanguageCard } from '../cards/language-card';
import { languageNamed } from '../domain/language';
import { conversationScopeOf } from './conversation-scope';
import type { RouteTurn } from './route-turn';

/**
 * „sprache englisch“, "language german", „sprache de“: the asking person's own language, stored
 * for them (the person is the activity's) and answered already in it. No word, or one that names
 * no language, changes nothing and gets the card that says the current language and how to
 * switch, in both languages. In a channel or group chat nothing is stored: everyone there reads
 * the committee's language, so the card says which it is, where the secretariat changes it, and
 * where the person chooses their own.
 */
async function choose(turn: RouteTurn): Promise<AdaptiveCardJson> {
  if (conversationScopeOf(turn.context) === 'shared')
    return renderLanguageCard({
      kind: 'shared',
      language: turn.i18n.locale,
      committee: turn.actor.committee !== undefined,
    });
  const word = turn.argument ?? '';
  const language = languageNamed(word);
  if (!language) {
    return renderLanguageCard({
      kind: 'current',
      language: turn.i18n.locale,
      ...(word.trim() ? { unknownWord: word.trim() } : {}),
    });
  }
  return renderLanguageCard({
    kind: 'chosen',
    language: await chooseLanguage(turn.deps, turn.actor.identity, language),
  });
}

/** The person's own settings. */
export const languageRoutes = { choose };
