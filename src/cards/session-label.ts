import { parseSessionNumber } from '../domain/sessions/session-number';
import type { Translator } from '../i18n/translator';

/**
 * "Sitzung 2027/1" or "Sondersitzung 2027/S1". Cards that carry only the number still name an
 * extra session as one, because its number says so.
 */
export function sessionTitle(session: { readonly number: string; readonly extra?: boolean }, i18n: Translator): string {
  const extra = session.extra ?? parseSessionNumber(session.number)?.extra ?? false;
  return i18n.t(extra ? 'sessions.extraTitle' : 'sessions.sessionTitle', { number: session.number });
}
