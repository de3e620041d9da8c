import { nowUtcIso } from '../../domain/clock';
import type { AppDependencies } from '../dependencies';
import type { Document } from '../ports/document-store';
import { newLinkDocument, type IssuedLink } from './issue-link';
import type { LinkRecipient, LinkTarget } from './link-document';
import { recipientMayHold } from './link-recipient';

/** A link to a document made in the same write: it leads to no session, so it needs none read. */
export interface LinkAlongIssue {
  readonly recipient: LinkRecipient;
  readonly target: Extract<LinkTarget, { readonly kind: 'export' }>;
  /** A slot no link held before: one named after `document`, which is new. */
  readonly slot: string;
}

/**
 * Writes a new document and a link to it in one batch, in the document's partition: the
 * recipient's check, then one write, where `issueLink` would also read the slot's previous links
 * to replace them. There are none to replace: the slot is named after the document, which did not
 * exist before. Both are written or neither is, so there is never a document without its link or
 * a link to nothing. Nothing is written (undefined) for a recipient who may not hold the link
 * (see `recipientMayHold`).
 */
export async function issueLinkAlong(
  deps: AppDependencies,
  document: Document,
  issue: LinkAlongIssue,
): Promise<IssuedLink | undefined> {
  const { committeeId } = document;
  const { recipient, target, slot } = issue;
  if (!(await recipientMayHold(deps.store, committeeId, recipient, target))) return undefined;
  const made = newLinkDocument(committeeId, recipient, target, slot, nowUtcIso(deps.clock));
  if (!made) return undefined;
  await deps.store.batch(committeeId, [
    { op: 'create', document },
    { op: 'create', document: made.document },
  ]);
  return { token: made.token, path: made.path, expiresAt: made.document.expiresAt };
}
