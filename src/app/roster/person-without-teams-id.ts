import { createHash } from 'node:crypto';
import { emailKey, WITHOUT_TEAMS_ID_PREFIX } from '../../domain/email-address';

/**
 * The roster key (`aadObjectId`) of a person without Teams: made from their lower-cased e-mail
 * address, so that the same person added to two committees of a tenant is one person there too
 * (one index of committees, one calendar feed, one export). 128 bits of SHA-256 keep collisions
 * out of reach and the key within the ids' safe characters and length (`isSafeIdPart`).
 */
export function personIdForEmail(email: string): string {
  const digest = createHash('sha256').update(emailKey(email), 'utf8').digest('hex');
  return `${WITHOUT_TEAMS_ID_PREFIX}${digest.slice(0, 32)}`;
}
