import type { SessionAccessRefusal } from '../app/sessions/find-session';
import type { WrongState } from '../domain/sessions/wrong-state';
import type { AdaptiveCardJson } from '../cards/card-template';
import { stateLabel } from '../cards/session-label';
import type { MessageKey, MessageParams, Translator } from '../i18n/translator';
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

/** The title and sentence of a wrong-state refusal, by what was asked of the session. */
const WRONG_STATE_KEYS = {
  session: { title: 'sessionErrors.title', text: 'sessionErrors.illegalState' },
  minutes: { title: 'minutesErrors.title', text: 'minutesErrors.notHeld' },
  invitation: { title: 'sessionErrors.title', text: 'sessionErrors.notInvited' },
} as const satisfies Record<WrongState['concerns'], { title: MessageKey; text: MessageKey }>;

/**
 * The sentence for a session whose state does not allow what was asked: it names the session by
 * its number and its state by the state's label, never by the internal value.
 */
export function wrongStateText(i18n: Translator, refusal: WrongState): string {
  return i18n.t(WRONG_STATE_KEYS[refusal.concerns].text, wrongStateParams(i18n, refusal));
}

/** The one card for every use case's wrong-state refusal (see `WrongState`). */
export function wrongStateNotice(i18n: Translator, refusal: WrongState): AdaptiveCardJson {
  const { title, text } = WRONG_STATE_KEYS[refusal.concerns];
  return notice(i18n, 'attention', title, text, wrongStateParams(i18n, refusal));
}

function wrongStateParams(i18n: Translator, refusal: WrongState): MessageParams {
  return { number: refusal.number, state: stateLabel(refusal.state, i18n) };
}
