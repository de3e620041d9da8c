import {
  nextStepAfterFailure,
  type DeliveryPolicy,
  DEFAULT_DELIVERY_POLICY,
} from '../../domain/delivery/delivery-policy';
import { COMMITTEE_DOCUMENT_ID, directoryOfPartition, tenantOfPartition } from '../../domain/ids';
import type { Language } from '../../domain/language';
import { nowUtcIso, toUtcIso } from '../../domain/clock';
import type { SendRateLimiter } from '../../domain/delivery/send-rate-limiter';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationDocument } from '../documents';
import type { Logger } from '../ports/logger';
import type { Messenger } from '../ports/messenger';
import type { MessageCommittee, MessageRenderer } from '../ports/message-renderer';
import type { Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import { personalConversationDocumentId, rememberConversation } from '../remember-conversation';
import { claimLease, dueAndUnclaimed, UNCLAIMED } from '../leases';
import { DELIVERY_RECORD_DAYS, expiringAfterDays } from '../privacy/lifetimes';
import { issueLinks } from '../links/issue-link';
import { keepSpokenLanguage } from '../preferences/conversation-language';
import { recipientLanguage } from '../preferences/recipient-language';
import { linkRecipientOf, pendingRecord, type DispatchDocument, type OutboxRecord } from './outbox-record';

export interface SenderDependencies extends AppDependencies {
  readonly messenger: Messenger;
  readonly renderer: MessageRenderer;
  readonly limiter: SendRateLimiter;
  readonly logger: Logger;
  /** Waits for the given time; real timers in production, an advancing clock in tests. */
  readonly wait: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
  /** Names this process in leases, so a record is never claimed twice at once. */
  readonly instanceId: string;
}

export interface SenderOptions {
  readonly policy?: DeliveryPolicy;
  /** How long a claim holds; longer than one send may take, short enough to recover from a crash. */
  readonly leaseMs?: number;
  /** Records fetched per pass. */
  readonly batchSize?: number;
  /** Sends awaiting Teams' answer at once. */
  readonly maxInFlight?: number;
}

/** What one pass did. */
export interface DrainResult {
  readonly expanded: number;
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  /** Records that were due but claimed by another sender first. */
  readonly skipped: number;
}

/**
 * Drains the outbox: expands new dispatches into one record per recipient, then claims each due
 * record with an ETag lease just before sending it, paces sends within Teams' limits, and
 * settles every record as sent (with the activity id), due again later, or failed with the
 * reason. A record is never dropped: it ends sent or failed, and a crashed sender's claims
 * expire so that another takes them over. A message's secret links are issued for its recipient
 * right before it is rendered: the outbox never holds a token, and each attempt's link replaces
 * the one of the attempt before, so a message that took three tries leaves one working link.
 */
/** How long the sender keeps a committee's short name before it reads it again. */
const COMMITTEE_CACHE_MS = 60_000;

export class OutboxSender {
  private readonly policy: DeliveryPolicy;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxInFlight: number;
  /** The committees records were sent for lately (see `committeeOf`). */
  private readonly committees = new Map<string, { readonly committee: MessageCommittee; readonly until: number }>();

  constructor(
    private readonly deps: SenderDependencies,
    options: SenderOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 50;
    this.maxInFlight = options.maxInFlight ?? 50;
  }

  /**
   * One pass over everything due now. When `signal` aborts (shutdown), no further record is
   * started; sends already under way are settled before the pass resolves.
   */
  async drainOnce(signal?: AbortSignal): Promise<DrainResult> {
    const expanded = await this.expandDispatches();
    const nowIso = this.nowIso();
    const due = await this.deps.store.queryAcrossCommittees<OutboxRecord>(
      dueAndUnclaimed('outbox', 'pending', 'nextAttemptAt', nowIso, this.batchSize),
    );
    const counts = { expanded, sent: 0, retried: 0, failed: 0, skipped: 0 };
    const inFlight = new Set<Promise<void>>();
    for (const record of due) {
      if (signal?.aborted) break;
      const work = this.deliver(record).then((outcome) => {
        counts[outcome] += 1;
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= this.maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return counts;
  }

  /** Turns each new dispatch into its per-recipient records; safe to repeat after a crash. */
  private async expandDispatches(): Promise<number> {
    const dispatches = await this.deps.store.queryAcrossCommittees<DispatchDocument>({
      type: 'dispatch',
      where: [{ field: 'status', op: '=', value: 'new' }],
      orderBy: { field: 'createdAt' },
      limit: 50,
    });
    let expanded = 0;
    for (const dispatch of dispatches) {
      const nowIso = this.nowIso();
      for (const draft of dispatch.drafts) {
        try {
          await this.deps.store.create(pendingRecord(dispatch.committeeId, dispatch.dispatchId, draft, nowIso));
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      const { _etag: etag, ...rest } = dispatch;
      try {
        // Expanded, it serves the delivery report only; Cosmos DB removes it after that (see RETENTION_RULES).
        await this.deps.store.replace<DispatchDocument>(
          expiringAfterDays({ ...rest, status: 'expanded' as const }, DELIVERY_RECORD_DAYS),
          etag,
        );
        expanded += 1;
      } catch (error) {
        if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
      }
    }
    return expanded;
  }

  private async waitForSlot(pacingKey: string): Promise<void> {
    for (;;) {
      const now = this.deps.clock.now().toMillis();
      if (this.deps.limiter.tryAcquire(pacingKey, now)) return;
      await this.deps.wait(this.deps.limiter.earliestSendAt(pacingKey, now) - now);
    }
  }

  private async deliver(record: Stored<OutboxRecord>): Promise<keyof Omit<DrainResult, 'expanded'>> {
    const claimed = await this.claim(record);
    if (!claimed) return 'skipped';
    const conversation = await this.storedConversation(claimed);
    let address = conversation?.address;
    if (!address && claimed.recipient.kind === 'person' && claimed.recipient.teamMember) {
      const opened = await this.deps.messenger.openPersonalConversation(claimed.recipient.teamMember);
      if (!opened.ok) return this.settleFailure(claimed, opened.status, opened.retryAfterMs, opened.detail);
      address = opened.address;
      await rememberConversation(this.deps, { address });
    }
    if (!address)
      return this.settle(claimed, {
        status: 'failed',
        failure: {
          reason: 'noConversation',
          status: null,
          detail: 'no conversation with the recipient is known',
          at: this.nowIso(),
        },
      });

    // The links' tokens are made now, for this recipient; a retry replaces them (see issueLinks).
    const recipient = linkRecipientOf(claimed.recipient);
    const links = await issueLinks(this.deps, claimed.committeeId, recipient, claimed.message.links, claimed.id);
    // A channel or group chat reads its committee's language; a person their own (see recipientLanguage).
    const language = await recipientLanguage(this.deps.store, claimed.committeeId, recipient, conversation);
    if (language?.source === 'fallback' && claimed.recipient.kind === 'person')
      await this.keepLanguage(claimed.committeeId, claimed.recipient.aadObjectId, language.language);
    const message = this.deps.renderer.render(
      claimed.message,
      language?.language,
      links,
      await this.committeeOf(claimed.committeeId),
    );
    // The slot is taken right before the request leaves, so Teams counts it when we did.
    await this.waitForSlot(address.conversationId);
    const attempt = await this.deps.messenger.send(address, message);
    if (attempt.ok) {
      return this.settle(claimed, {
        status: 'sent',
        sentAt: this.nowIso(),
        activityId: attempt.activityId,
        conversationId: address.conversationId,
        attempts: claimed.attempts + 1,
      });
    }
    if (attempt.status === 429 && attempt.retryAfterMs !== undefined) {
      this.deps.limiter.pause(address.conversationId, this.deps.clock.now().toMillis() + attempt.retryAfterMs);
    }
    return this.settleFailure(claimed, attempt.status, attempt.retryAfterMs, attempt.detail);
  }

  private async settleFailure(
    record: Stored<OutboxRecord>,
    status: number | null,
    retryAfterMs: number | undefined,
    detail: string,
  ): Promise<'retried' | 'failed' | 'skipped'> {
    const attempts = record.attempts + 1;
    const at = this.nowIso();
    const step = nextStepAfterFailure(attempts, { status, retryAfterMs }, this.deps.random, this.policy);
    if (step.kind === 'retry') {
      const nextAttemptAt = toUtcIso(this.deps.clock.now().plus({ milliseconds: step.delayMs }));
      const settled = await this.settle(record, { attempts, nextAttemptAt, lastFailure: { status, detail, at } });
      return settled === 'skipped' ? 'skipped' : 'retried';
    }
    const settled = await this.settle(record, {
      status: 'failed',
      attempts,
      lastFailure: { status, detail, at },
      failure: { reason: step.reason, status, detail, at },
    });
    return settled === 'skipped' ? 'skipped' : 'failed';
  }

  /** Takes the record for this sender if nobody else did meanwhile. */
  private claim(record: Stored<OutboxRecord>): Promise<Stored<OutboxRecord> | undefined> {
    const leaseUntil = toUtcIso(this.deps.clock.now().plus({ milliseconds: this.leaseMs }));
    return claimLease(this.deps.store, record, this.deps.instanceId, leaseUntil);
  }

  /** Writes the outcome and releases the lease; a lost lease means another sender took over. */
  private async settle(
    record: Stored<OutboxRecord>,
    changes: Partial<OutboxRecord>,
  ): Promise<'sent' | 'retried' | 'failed' | 'skipped'> {
    const { _etag: etag, ...rest } = record;
    const settled: OutboxRecord = { ...rest, ...changes, leaseUntil: UNCLAIMED, leaseOwner: undefined };
    // Sent or failed for good, the record lives on for the delivery report only (see RETENTION_RULES).
    const next = settled.status === 'pending' ? settled : expiringAfterDays(settled, DELIVERY_RECORD_DAYS);
    try {
      await this.deps.store.replace(next, etag);
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        this.deps.logger.warn(
          { record: record.id },
          'outbox record changed while it was being sent; its lease had expired',
        );
        return 'skipped';
      }
      throw error;
    }
    return next.status === 'sent' ? 'sent' : next.status === 'failed' ? 'failed' : 'retried';
  }

  /**
   * The recipient's stored conversation: where to send, and in which language they last wrote. It
   * is kept in the tenant's directory, which every committee's partition names.
   */
  private async storedConversation(record: OutboxRecord): Promise<ConversationDocument | undefined> {
    const id =
      record.recipient.kind === 'conversation'
        ? record.recipient.conversationDocumentId
        : personalConversationDocumentId(record.recipient.aadObjectId);
    const directory = directoryOfPartition(record.committeeId);
    if (!directory) return undefined;
    const found = await this.deps.store.get<ConversationDocument>(directory, id);
    return found?.type === 'conversation' ? found : undefined;
  }

  /**
   * The committee a record is sent for, as its card names it. Read once per committee and kept
   * for a minute: a drain of hundreds of records for one committee costs one read.
   */
  private async committeeOf(committeeId: string): Promise<MessageCommittee> {
    const now = this.deps.clock.now().toMillis();
    const cached = this.committees.get(committeeId);
    if (cached && cached.until > now) return cached.committee;
    const stored = await this.deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
    const committee = { committeeId, shortName: stored?.type === 'committee' ? stored.shortName : '' };
    this.committees.set(committeeId, { committee, until: now + COMMITTEE_CACHE_MS });
    return committee;
  }

  /**
   * A person who never wrote to Gremium reads its first message in their committee's language;
   * their 1:1 chat keeps it from then on (see `keepSpokenLanguage`). Best effort: the message goes
   * out either way.
   */
  private async keepLanguage(committeeId: string, aadObjectId: string, language: Language): Promise<void> {
    const tenantId = tenantOfPartition(committeeId);
    if (!tenantId) return;
    try {
      await keepSpokenLanguage(this.deps, tenantId, aadObjectId, language);
    } catch (error) {
      this.deps.logger.warn({ err: error, committeeId }, 'could not keep the language of a 1:1 chat');
    }
  }

  private nowIso(): string {
    return nowUtcIso(this.deps.clock);
  }
}
