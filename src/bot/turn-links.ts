import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { heldLink } from '../app/links/held-link';
import { issueLinks, TURN_LINKS_KEPT } from '../app/links/issue-link';
import type { LinkTarget } from '../app/links/link-document';
import type { LinkRequests } from '../app/ports/message-renderer';
import { linkUrl } from '../cards/link-url';

/** The full address of a link issued for the reader, by name; '' when none was issued. */
export type LinkUrls = (name: string) => string;

/**
 * Issues the links of a card answered directly in a turn (a refreshed invitation, the
 * secretariat's minutes card, a review receipt) to the acting person, from the activity, never
 * from card data. Each card's links share one slot per person and target, so showing a card
 * again replaces the links of earlier showings but the last two (see `TURN_LINKS_KEPT`). Without
 * a public origin no link could be shown, so none is issued. A link the clicked card carries back
 * is shown again instead, when it still serves (`carried`).
 */
export async function turnLinks(
  deps: AppDependencies,
  actor: Actor,
  publicBaseUrl: string | undefined,
  requests: LinkRequests,
  carried: CarriedLinks = {},
): Promise<LinkUrls> {
  if (!publicBaseUrl || Object.keys(requests).length === 0) return () => '';
  const reader = { kind: 'person' as const, id: actor.identity.aadObjectId };
  const paths: Record<string, string> = {};
  const toIssue: Record<string, LinkTarget> = {};
  for (const [name, target] of Object.entries(requests)) {
    const card = carried[name];
    const held = card && (await heldLink(deps, actor.committeeId, reader, target, card.token, card.sessionEndsAt));
    if (held) paths[name] = held.path;
    else toIssue[name] = target;
  }
  Object.assign(paths, await issueLinks(deps, actor.committeeId, reader, toIssue, 'turn', TURN_LINKS_KEPT));
  return (name) => linkUrl(publicBaseUrl, paths[name]);
}

/**
 * The links a clicked card showed, by name: the token its data carried back (unchecked) and, for
 * a calendar, the end of the session as the card now shows it. Each is shown again when it is
 * still the reader's and lives as long as a new one would (see `heldLink`); else a new one is issued.
 */
export type CarriedLinks = Readonly<
  Record<string, { readonly token: unknown; readonly sessionEndsAt?: string } | undefined>
>;
