import type { AppDependencies } from '../dependencies';
import { enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { BatchOperation } from '../ports/document-store';

/** The outbox message kind of the e-mail with a person's calendar subscription address. */
export const FEED_LINK_MAIL_MESSAGE_KIND = 'feedLinkMail';

/**
 * The batch operation that queues the e-mail with a person's calendar subscription address, from
 * the organiser mailbox, for the caller to write in the same batch as the roster change that
 * causes it (the person added without Teams, or their address changed): both happen or neither.
 * None when no organiser mailbox is configured: Gremium then has no way to send an e-mail.
 *
 * The record names the person only; the sender reads their address, makes the subscription
 * address and writes the mail when it sends (see `sendFeedLinkMail`). `rosterRevision` is the
 * roster's revision the change creates, so the dispatch id is unique per person and change: a
 * re-delivered click (refused as outdated anyway) could queue nothing twice, and adding the same
 * address again after an erasure is a new dispatch, not a clash with the old one.
 */
export function feedLinkMailOperations(
  deps: Pick<AppDependencies, 'organiserMailbox'>,
  committeeId: string,
  person: { readonly aadObjectId: string; readonly displayName: string },
  rosterRevision: number,
  nowIso: string,
): BatchOperation[] {
  if (!deps.organiserMailbox) return [];
  const dispatchId = feedLinkMailDispatchId(person.aadObjectId, rosterRevision);
  const draft: OutboxDraft = {
    key: dispatchId,
    recipient: { kind: 'organiserMail', personId: person.aadObjectId },
    recipientLabel: person.displayName,
    message: { kind: FEED_LINK_MAIL_MESSAGE_KIND, data: { personId: person.aadObjectId } },
  };
  return [
    enqueueOperation(committeeId, dispatchId, [draft], nowIso, {
      kind: 'feedLinkMail',
      audience: 'recipients',
      recipientName: person.displayName,
    }),
  ];
}

export function feedLinkMailDispatchId(personId: string, rosterRevision: number): string {
  return `feed-mail:${personId}:r${rosterRevision}`;
}
