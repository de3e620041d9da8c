import type { ConfirmReason, SessionDetail } from './confirm-reason';

/** A session's details as the invitation shows them; empty or blank counts as missing. */
export type SessionDetails = Partial<Readonly<Record<SessionDetail, string>>>;

/** The details an invitation shows, in the order a card names them. */
const DETAILS: readonly SessionDetail[] = ['place', 'onlineLink', 'chair'];

/**
 * The details an invitation would show as still open. A planned or extra session has neither
 * place nor online link, and an extra session no Sitzungsleitung, until the secretariat edits it;
 * members who get an invitation without them do not know where to go or how to join.
 */
export function missingDetails(session: SessionDetails): SessionDetail[] {
  return DETAILS.filter((detail) => !session[detail]?.trim());
}

/**
 * What to ask before inviting: the details the invitation would lack. Inviting with them missing
 * stays possible (a "save the date" goes out early; invitees get the details when the session is
 * edited later), but only once the secretariat has seen what is missing.
 */
export function reasonsBeforeInviting(session: SessionDetails): ConfirmReason[] {
  const missing = missingDetails(session);
  return missing.length > 0 ? [{ kind: 'detailsMissing', missing }] : [];
}
