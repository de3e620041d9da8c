import { createHash } from 'node:crypto';
import type { PersonalConversationTarget } from '../ports/messenger';
import type { MessageSpec } from '../ports/message-renderer';
import type { LinkRecipient } from '../links/link-document';
import { UNCLAIMED, type LeasedDocument } from '../leases';
import type { BatchOperation, Document } from '../ports/document-store';

/** Who receives an outbox record. */
export type Recipient =
  /** A conversation the bot already knows: a channel, a group chat or a person's 1:1 chat. */
  | { readonly kind: 'conversation'; readonly conversationDocumentId: string }
  /**
   * A person: their stored 1:1 conversation, or, when the bot has none yet, one opened from their
   * team membership.
   */
  | { readonly kind: 'person'; readonly aadObjectId: string; readonly teamMember?: PersonalConversationTarget };

/** Who a message's links are issued to: the person, or the conversation everyone in it reads. */
export function linkRecipientOf(recipient: Recipient): LinkRecipient {
  return recipient.kind === 'person'
    ? { kind: 'person', id: recipient.aadObjectId }
    : { kind: 'conversation', id: recipient.conversationDocumentId };
}

/** A person as a recipient: their 1:1 chat, opened from their team membership when the bot has none yet. */
export function personRecipient(person: {
  readonly aadObjectId: string;
  readonly contact?: PersonalConversationTarget;
}): Recipient {
  return { kind: 'person', aadObjectId: person.aadObjectId, ...(person.contact ? { teamMember: person.contact } : {}) };
}

/** One message to each of the people, keyed per person under `dispatchId`. */
export function draftsForPeople(
  dispatchId: string,
  people: ReadonlyArray<{
    readonly aadObjectId: string;
    readonly displayName: string;
    readonly contact?: PersonalConversationTarget;
  }>,
  message: MessageSpec,
): OutboxDraft[] {
  return people.map((person) => ({
    key: `${dispatchId}:${person.aadObjectId}`,
    recipient: personRecipient(person),
    recipientLabel: person.displayName,
    message,
  }));
}

/** The people the drafts go to 1:1, by Entra object id. */
export function personIdsOf(drafts: readonly OutboxDraft[]): string[] {
  return drafts.flatMap((draft) => (draft.recipient.kind === 'person' ? [draft.recipient.aadObjectId] : []));
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export type FailureReason = 'permanent' | 'attemptsExhausted' | 'noConversation';

/**
 * One message to one recipient. Hot and contended things are separate documents: each record is
 * claimed, sent and settled on its own, so concurrent senders never fight over a shared counter.
 */
export interface OutboxRecord extends LeasedDocument {
  readonly type: 'outbox';
  /** The idempotency key, e.g. `invite:2027-1:<person>:v2`; the id is derived from it. */
  readonly key: string;
  /** Groups the records that one action sent out, for the delivery report. */
  readonly dispatchId: string;
  readonly recipient: Recipient;
  /** How the delivery report names the recipient. */
  readonly recipientLabel: string;
  readonly message: MessageSpec;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly sentAt?: string;
  /** The sent activity's id, to update the card in place later. */
  readonly activityId?: string;
  readonly conversationId?: string;
  readonly lastFailure?: { readonly status: number | null; readonly detail: string; readonly at: string };
  readonly failure?: {
    readonly reason: FailureReason;
    readonly status: number | null;
    readonly detail: string;
    readonly at: string;
  };
}

/** What a use case decides to send to one recipient; the outbox adds the bookkeeping. */
export interface OutboxDraft {
  readonly key: string;
  readonly recipient: Recipient;
  readonly recipientLabel: string;
  readonly message: MessageSpec;
}

/** The same key always gives the same id, so writing a message twice creates one record. */
export function outboxRecordId(key: string): string {
  return `outbox-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/**
 * A fan-out as one document: the use case writes it in the same batch as the state change that
 * causes it, so both happen or neither, whatever the number of recipients (a Cosmos batch holds
 * at most 100 operations). The sender expands it into one outbox record per recipient.
 */
export interface DispatchDocument extends Document {
  readonly type: 'dispatch';
  readonly dispatchId: string;
  readonly drafts: readonly OutboxDraft[];
  readonly status: 'new' | 'expanded';
  readonly createdAt: string;
}

export function dispatchDocumentId(dispatchId: string): string {
  return `dispatch-${createHash('sha256').update(dispatchId).digest('hex').slice(0, 40)}`;
}

/**
 * The batch operation that puts a dispatch into the outbox. It is a create: writing the same
 * dispatch again (a re-delivered activity) fails the batch with a ConflictError, which the
 * caller treats as "already done", never as a second message.
 */
export function enqueueOperation(
  committeeId: string,
  dispatchId: string,
  drafts: readonly OutboxDraft[],
  nowIso: string,
): BatchOperation {
  const document: DispatchDocument = {
    id: dispatchDocumentId(dispatchId),
    committeeId,
    type: 'dispatch',
    dispatchId,
    drafts,
    status: 'new',
    createdAt: nowIso,
  };
  return { op: 'create', document };
}

/** The pending outbox record of one draft, as the sender creates it from its dispatch. */
export function pendingRecord(
  committeeId: string,
  dispatchId: string,
  draft: OutboxDraft,
  nowIso: string,
): OutboxRecord {
  return {
    ...draft,
    dispatchId,
    id: outboxRecordId(draft.key),
    committeeId,
    type: 'outbox',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: nowIso,
    leaseUntil: UNCLAIMED,
    createdAt: nowIso,
  };
}
