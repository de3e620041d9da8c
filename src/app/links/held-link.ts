import { nowUtcIso } from '../../domain/clock';
import { linkExpiry } from '../../domain/links/link-lifetime';
import type { AppDependencies } from '../dependencies';
import type { IssuedLink } from './issue-link';
import { LINK_TYPE, linkDocumentId, targetOf } from './link-document';
import type { LinkDocument, LinkRecipient, LinkTarget } from './link-document';
import { linkPath } from './link-paths';

/**
 * The link a card already shows its reader, when it may be shown again as it is: a card that
 * refreshes or answers a click carries its link's token back (see `linkTokenOf`), and showing the
 * same link again costs one read, where a new one costs a query and a write, and leaves the
 * reader's other devices' cards working all the same.
 *
 * Only a link the store still holds qualifies (a revoked one is deleted), issued to this very
 * recipient for this very target in this committee, and living at least as long as a new one
 * would (a session moved later gets a link that follows it). Anything else, a token made up or
 * another person's, answers undefined, and the caller issues a new link as it would without one.
 * The token is never trusted: it only says which stored link to look at.
 */
export async function heldLink(
  deps: AppDependencies,
  committeeId: string,
  recipient: LinkRecipient,
  target: LinkTarget,
  token: unknown,
  sessionEndsAt?: string,
): Promise<IssuedLink | undefined> {
  const id = typeof token === 'string' ? linkDocumentId(token) : undefined;
  if (!id) return undefined;
  const link = await deps.store.get<LinkDocument>(committeeId, id);
  if (link?.type !== LINK_TYPE || link.recipientKind !== recipient.kind || link.recipientId !== recipient.id) {
    return undefined;
  }
  const held = targetOf(link);
  if (!held || !sameTarget(held, target)) return undefined;
  const wouldLive = linkExpiry(target.kind, nowUtcIso(deps.clock), sessionEndsAt);
  if (!wouldLive || link.expiresAt < wouldLive) return undefined;
  return { token: token as string, path: linkPath(committeeId, target, token as string), expiresAt: link.expiresAt };
}

/** The same kind, session, version, export or year: every field alike. */
function sameTarget(held: LinkTarget, target: LinkTarget): boolean {
  const fields = (of: LinkTarget) => Object.entries(of).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(fields(held)) === JSON.stringify(fields(target));
}
