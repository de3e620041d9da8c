import type { SessionAccessRefusal } from '../app/sessions/find-session';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';

/** Why a secretariat command found no session to work on, as a card. */
export function accessRefusal(i18n: Translator, refusal: SessionAccessRefusal): AdaptiveCardJson {
  switch (refusal.kind) {
    case 'notFound':
      return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.notFound', { number: refusal.number });
    case 'noneSuitable':
      return notice(i18n, 'attention', 'agendaErrors.title', 'agendaErrors.noneOpen');
    case 'notAllowed':
      return notice(i18n, 'attention', 'agendaErrors.title', 'agendaErrors.notAllowed');
    default:
      return notice(i18n, 'attention', 'agendaErrors.title', `sessionErrors.${refusal.kind}`);
  }
}
