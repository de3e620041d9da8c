import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a token from a secret link is the stored one. Compares in constant time, so response
 * times do not reveal how much of a guess was right; a missing or empty stored token never matches.
 */
export function secretTokenMatches(expected: string | undefined, given: string): boolean {
  if (typeof expected !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
