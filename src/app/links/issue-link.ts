import { nowUtcIso } from '../../domain/clock';
import { linkExpiry } from '../../domain/links/link-lifetime';
import type { AppDependencies } from '../dependencies';
import type { IssuedLinks, LinkRequests } from '../ports/message-renderer';
import type { BatchOperation } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import type { SessionDocument } from '../sessions/session-document';
import { LINK_TYPE, linkDocumentId, newLinkToken } from './link-document';
import type { LinkDocument, LinkRecipient, LinkTarget } from './link-document';
import { linkPath } from './link-paths';
import { recipientMayHold } from './link-recipient';

/** One link to issue: to whom, for what, and in which slot (see `LinkDocument.slot`). */
export interface LinkIssue {
  readonly committeeId: string;
  readonly recipient: LinkRecipient;
  readonly target: LinkTarget;
  readonly slot: string;
  /** How many of the slot's previous links stay valid, the newest; none unless given. */
  readonly keep?: number;
}

/**
 * A card shown in a turn is shown again on every refresh, on each of a person's devices (Teams
 * refreshes a card whenever it comes into view, on the desktop, the phone and the web alike), so
 * the links of the two showings before the newest stay valid: a click on the card of another
 * device still works, while a card shown a hundred times leaves three links, not a hundred.
 */
export const TURN_LINKS_KEPT = 2;

/** A link as it leaves the bot: the only moment its token exists outside the recipient's hands. */
export interface IssuedLink {
  readonly token: string;
  /** From the bot's public origin, e.g. `/api/minutes/<committee>/<session>/<token>.pdf`. */
  readonly path: string;
  readonly expiresAt: string;
}

/** A slot's previous links and the new one are written together; a lost race is read again. */
const WRITE_ATTEMPTS = 3;

/**
 * Issues a fresh link: a random token, of which only the hash is stored (see `LinkDocument`),
 * replacing the links the slot held before (all but the `keep` newest) in the same batch.
 * Nothing is issued (undefined) to a recipient who may not hold it (see `recipientMayHold`), for
 * a session that does not exist, or for a calendar whose session is long past.
 *
 * Why random tokens, created when the message is sent, and not tokens derived from a server
 * secret: nothing that could recreate a link is stored or configured anywhere, there is no key to
 * keep, rotate or leak, and a revoked link cannot come back by being derived again. The price is
 * that a card shown again gets a new link, which is what a card refreshed in place needs anyway.
 */
export async function issueLink(deps: AppDependencies, issue: LinkIssue): Promise<IssuedLink | undefined> {
  const { store } = deps;
  const { committeeId, recipient, target, slot, keep = 0 } = issue;
  if (!(await recipientMayHold(store, committeeId, recipient, target))) return undefined;
  let sessionEndsAt: string | undefined;
  if (target.kind === 'calendar' || target.kind === 'minutes' || target.kind === 'extract') {
    const session = await store.get<SessionDocument>(committeeId, target.sessionId);
    if (session?.type !== 'session') return undefined;
    sessionEndsAt = session.endsAt;
  }
  const issuedAt = nowUtcIso(deps.clock);
  const expiresAt = linkExpiry(target.kind, issuedAt, sessionEndsAt);
  if (!expiresAt) return undefined;

  const token = newLinkToken();
  const document: LinkDocument = {
    id: linkDocumentId(token)!,
    committeeId,
    type: LINK_TYPE,
    kind: target.kind,
    recipientKind: recipient.kind,
    recipientId: recipient.id,
    slot,
    ...linkedThing(target),
    issuedAt,
    expiresAt,
  };
  for (let attempt = 1; ; attempt += 1) {
    const previous = await store.query<LinkDocument>(committeeId, {
      type: LINK_TYPE,
      where: [{ field: 'slot', op: '=', value: slot }],
    });
    const newestFirst = [...previous].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.id.localeCompare(a.id));
    const operations: BatchOperation[] = [
      ...newestFirst.slice(keep).map((link): BatchOperation => ({ op: 'delete', id: link.id, ifMatch: link._etag })),
      { op: 'create', document },
    ];
    try {
      await store.batch(committeeId, operations);
      break;
    } catch (error) {
      const lostRace = error instanceof NotFoundError || error instanceof ConcurrencyError;
      if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
  return { token, path: linkPath(committeeId, target, token), expiresAt };
}

/**
 * Issues every link a card or message asks for (`requests`, by name), each in its own slot under
 * `origin` (an outbox record's id, or `turn` for a card answered directly, which keeps the
 * previous `keep` links of its slot valid). Answers the paths by name; a link that could not be
 * issued is missing, and the card shows none.
 */
export async function issueLinks(
  deps: AppDependencies,
  committeeId: string,
  recipient: LinkRecipient,
  requests: LinkRequests | undefined,
  origin: string,
  keep = 0,
): Promise<IssuedLinks> {
  const issued: Record<string, string> = {};
  for (const [name, target] of Object.entries(requests ?? {})) {
    const what = 'sessionId' in target ? target.sessionId : 'exportId' in target ? target.exportId : target.year;
    const slot = `${origin}|${recipient.kind}:${recipient.id}|${name}|${what}`;
    const link = await issueLink(deps, { committeeId, recipient, target, slot, keep });
    if (link) issued[name] = link.path;
  }
  return issued;
}

/** The fields of a link document that say what it leads to. */
export function linkedThing(target: LinkTarget): Pick<LinkDocument, 'sessionId' | 'version' | 'exportId' | 'year'> {
  switch (target.kind) {
    case 'calendar':
      return { sessionId: target.sessionId };
    case 'minutes':
    case 'extract':
      return { sessionId: target.sessionId, version: target.version };
    case 'export':
      return { exportId: target.exportId };
    case 'report':
    case 'reportCsv':
      return { year: target.year };
  }
}
