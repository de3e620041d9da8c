import { createHash } from 'node:crypto';
import type { CommitteeHome } from '../../domain/committee';
import { homedCommitteeId } from '../../domain/ids';

/**
 * The id of the committee homed in a team or group chat: derived from the tenant and the home's
 * key (the team's id, or the group chat's conversation id), so that two people saving the first
 * set-up in one team at the same moment race for the same document and exactly one wins, while
 * two teams make two committees. The key goes into a SHA-256 digest: Teams ids hold characters
 * no document id may.
 */
export function committeeIdForHome(tenantId: string, home: Pick<CommitteeHome, 'id'>): string {
  return homedCommitteeId(tenantId, digest(`${tenantId.toLowerCase()}|${home.id}`));
}

/** A short stable digest of an outside key, usable in a document id. */
export function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}
