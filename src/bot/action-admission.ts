import type { AdaptiveCardJson } from '../cards/card-template';
import { ACTION_AUDIENCE, mayAct, type ActionAudience, type ActorStanding } from '../domain/permissions';
import type { Verb } from '../domain/verb-registry';
import type { MessageKey, Translator } from '../i18n/translator';
import { notice } from './notices';

/**
 * The refusal of a click by someone whose stored roles the verb's registry entry does not admit,
 * given before any use case runs: nothing is read beyond the actor, nothing is written. Actions
 * that belong to one person (`onlyThe`) are left to their use case, which knows that person and
 * says more precisely why someone else may not ("not invited", "only attendees"); so is every
 * click the roles admit. The use cases keep every check of their own either way.
 */
export function admissionRefusal(verb: Verb, actor: ActorStanding, i18n: Translator): AdaptiveCardJson | undefined {
  const audience = ACTION_AUDIENCE[verb];
  if (audience.onlyThe || mayAct(verb, actor)) return undefined;
  return notice(i18n, 'attention', 'notices.notAllowedTitle', refusalKey(verb, audience));
}

/** The refusal names who may act where that is one role, as the use cases' own refusals do. */
function refusalKey(verb: Verb, audience: ActionAudience): MessageKey {
  if (verb === 'action.decideDue') return 'actions.errors.notSecretariat';
  const { roles } = audience;
  return Array.isArray(roles) && roles.length === 1 && roles[0] === 'secretariat'
    ? 'notices.notAllowedSecretariat'
    : 'notices.notAllowedAction';
}
