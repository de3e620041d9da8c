/**
 * E-mail addresses on the roster: typed by the secretariat for a person without Teams, or read
 * from Teams' member list. Outlook invitations go to them, so an address must be one plausible
 * address, not a list or a sentence; whether it exists only the recipient's mail server knows.
 */

/** RFC 5321 limits: the whole path, and the part before the `@`. */
export const EMAIL_LIMITS = { address: 254, localPart: 64 } as const;

/** Why a typed address was refused. */
export type EmailProblem = 'required' | 'tooLong' | 'invalid' | 'several';

/** The dot-atom of RFC 5322 before the `@`: no spaces, quotes or brackets, no leading, trailing or double dot. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** Host names of two labels or more, letters of any script allowed (müller-amt.de); the last label names a top-level domain. */
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/**
 * Reads one typed e-mail address: trimmed, at most `EMAIL_LIMITS`, one address of plausible
 * form. Several addresses (separated by comma, semicolon or space) are refused with their own
 * reason, since Outlook would read them as several recipients.
 */
export function checkEmail(
  value: unknown,
): { readonly ok: true; readonly email: string } | { readonly ok: false; readonly problem: EmailProblem } {
  if (value === undefined || value === null) return { ok: false, problem: 'required' };
  if (typeof value !== 'string') return { ok: false, problem: 'invalid' };
  const email = value.trim();
  if (email === '') return { ok: false, problem: 'required' };
  if (email.length > EMAIL_LIMITS.address) return { ok: false, problem: 'tooLong' };
  if ((email.match(/@/g) ?? []).length > 1 && /[\s,;]/.test(email)) return { ok: false, problem: 'several' };
  const at = email.lastIndexOf('@');
  if (at < 1) return { ok: false, problem: 'invalid' };
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > EMAIL_LIMITS.localPart || !LOCAL_PART.test(local) || !DOMAIN.test(domain))
    return { ok: false, problem: 'invalid' };
  return { ok: true, email };
}

/**
 * An address as Gremium compares and keys it: lower case. Mail servers treat the part before
 * the `@` as case-sensitive in theory; Exchange and every directory a committee meets do not.
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An address Teams supplies (a member's e-mail or user principal name): kept when it is one
 * plausible address, dropped otherwise. Not the person's to correct, so nothing is refused.
 */
export function plainEmail(value: unknown): string | undefined {
  const checked = checkEmail(value);
  return checked.ok ? checked.email : undefined;
}

/**
 * The roster key of a person without Teams starts with this, followed by hex digits of a digest
 * of their address (see app/roster/person-without-teams-id.ts). An Entra object id is a GUID and
 * never starts so, so the key alone tells that nobody can be reached in Teams under it.
 */
export const WITHOUT_TEAMS_ID_PREFIX = 'mail-';

/** Whether a roster key is one Gremium made for a person without Teams. */
export function isWithoutTeamsPersonId(aadObjectId: string): boolean {
  return /^mail-[0-9a-f]{32}$/.test(aadObjectId);
}
