import type { TurnContext } from 'botbuilder';
import type { Actor } from '../app/identify-actor';
import type { AdaptiveCardJson } from '../cards/card-template';
import { ACTION_AUDIENCE, mayAct, type ActionAudience } from '../domain/permissions';
import { isVerb } from '../domain/verb-registry';
import type { MessageKey, Translator } from '../i18n/translator';
import { notice } from './notices';

type CardProducer = (actor: Actor, i18n: Translator, data: unknown, context: TurnContext) => Promise<AdaptiveCardJson>;

/**
 * Wraps a card action's producer so that a click by someone whose stored roles the table of card
 * actions (ACTION_AUDIENCE) does not admit is refused before any use case runs: nothing is read
 * beyond the actor, nothing is written. Actions that belong to one person (`onlyThe`) are left to
 * their use case, which knows that person and says more precisely why someone else may not
 * ("not invited", "only attendees"). The use cases keep every check of their own either way.
 */
export function admitted(verb: string, produce: CardProducer): CardProducer {
  const audience = audienceOf(verb);
  if (audience?.onlyThe) return produce;
  return async (actor, i18n, data, context) =>
    mayAct(verb, actor)
      ? produce(actor, i18n, data, context)
      : notice(i18n, 'attention', 'notices.notAllowedTitle', refusalKey(verb, audience));
}

function audienceOf(verb: string): ActionAudience | undefined {
  return isVerb(verb) ? ACTION_AUDIENCE[verb] : undefined;
}

/** The refusal names who may act where that is one role, as the use cases' own refusals do. */
function refusalKey(verb: string, audience: ActionAudience | undefined): MessageKey {
  if (verb === 'action.decideDue') return 'actions.errors.notSecretariat';
  const roles = audience?.roles;
  return Array.isArray(roles) && roles.length === 1 && roles[0] === 'secretariat'
    ? 'notices.notAllowedSecretariat'
    : 'notices.notAllowedAction';
}
