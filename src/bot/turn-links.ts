import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { issueLinks, TURN_LINKS_KEPT } from '../app/links/issue-link';
import type { LinkRequests } from '../app/ports/message-renderer';
import { linkUrl } from '../cards/link-url';

/** The full address of a link issued for the reader, by name; '' when none was issued. */
export type LinkUrls = (name: string) => string;

/**
 * Issues the links of a card answered directly in a turn (a refreshed invitation, the
 * secretariat's minutes card, a review receipt) to the acting person, from the activity, never
 * from card data. Each card's links share one slot per person and target, so showing a card
 * again replaces the links of earlier showings but the last two (see `TURN_LINKS_KEPT`). Without
 * a public origin no link could be shown, so none is issued.
 */
export async function turnLinks(
  deps: AppDependencies,
  actor: Actor,
  publicBaseUrl: string | undefined,
  requests: LinkRequests,
): Promise<LinkUrls> {
  if (!publicBaseUrl || Object.keys(requests).length === 0) return () => '';
  const reader = { kind: 'person' as const, id: actor.identity.aadObjectId };
  const issued = await issueLinks(deps, actor.committeeId, reader, requests, 'turn', TURN_LINKS_KEPT);
  return (name) => linkUrl(publicBaseUrl, issued[name]);
}
