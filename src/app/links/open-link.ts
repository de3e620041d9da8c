import { nowUtcIso } from '../../domain/clock';
import { isSafeIdPart } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { Stored } from '../ports/document-store';
import { LINK_TYPE, linkDocumentId, targetOf, type LinkDocument, type LinkKind } from './link-document';
import { recipientMayHold } from './link-recipient';

/**
 * The link a token from a download address stands for, when it still works: one point read of
 * the token's hash in the committee's partition, of one of the `kinds` the address serves, not
 * expired, and its recipient still entitled to it (see `recipientMayHold`). Anything else (what
 * cannot be a token, an unknown or revoked one, another committee's, another kind's, an expired
 * one, one of a person who has left) answers undefined alike, so a caller cannot tell which.
 */
export async function openLink(
  deps: AppDependencies,
  committeeId: string,
  token: string,
  kinds: readonly LinkKind[],
): Promise<Stored<LinkDocument> | undefined> {
  const id = linkDocumentId(token);
  if (!id || !isSafeIdPart(committeeId)) return undefined;
  const link = await deps.store.get<LinkDocument>(committeeId, id);
  if (link?.type !== LINK_TYPE || !kinds.includes(link.kind)) return undefined;
  if (link.expiresAt <= nowUtcIso(deps.clock)) return undefined;
  const target = targetOf(link);
  if (!target) return undefined;
  const recipient = { kind: link.recipientKind, id: link.recipientId };
  if (!(await recipientMayHold(deps.store, committeeId, recipient, target))) return undefined;
  return link;
}
