import type { SessionState } from '../domain/sessions/session-state';
import type { Translator } from '../i18n/translator';

/** "Sitzung 2027/1" or "Sondersitzung 2027/4". */
export function sessionTitle(session: { readonly number: string; readonly extra?: boolean }, i18n: Translator): string {
  return i18n.t(session.extra ? 'sessions.extraTitle' : 'sessions.sessionTitle', { number: session.number });
}

export function stateLabel(state: SessionState, i18n: Translator): string {
  return i18n.t(`sessions.states.${state}`);
}
