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
import type { DeliveryAttempt, MemberListAddress, Messenger } from '../ports/messenger';
import type { MessageCommittee, MessageRenderer } from '../ports/message-renderer';
import { MAX_BATCH_OPERATIONS, type Stored } from '../ports/document-store';
import type { MailRenderer } from '../ports/mail-renderer';
import { syncSessionMeeting } from '../meetings/sync-session-meeting';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import { personalConversationDocumentId } from '../remember-conversation';
import { claimLease, dueAndUnclaimed, UNCLAIMED } from '../leases';
import { DELIVERY_RECORD_DAYS, expiringAfterDays } from '../privacy/lifetimes';
import { issueLinks } from '../links/issue-link';
import { keepSpokenLanguage } from '../preferences/conversation-language';
import { recipientLanguage } from '../preferences/recipient-language';
import { finishDispatch } from './finish-dispatch';
import { sendFeedLinkMail } from './send-feed-link-mail';
import {
  linkRecipientOf,
  pendingRecord,
  type DeliveryStep,
  type DispatchDocument,
  type OutboxRecord,
} from './outbox-record';
import { memberListsOf, MemberRosters, openChatWithPerson } from './reach-person';
import { SendGate } from './send-gate';
import { BatchedReplaces } from './batched-replaces';

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
  /**
   * The bot's public origin (`PUBLIC_BASE_URL`): the calendar address e-mailed to a person
   * without Teams starts with it. Without it (or without `mailRenderer`) such e-mails fail.
   */
  readonly publicBaseUrl?: string;
  /** Writes the e-mails sent from the organiser mailbox. */
  readonly mailRenderer?: MailRenderer;
}

export interface SenderOptions {
  readonly policy?: DeliveryPolicy;
  /** How long a claim holds; longer than one send may take, short enough to recover from a crash. */
  readonly leaseMs?: number;
  /** Records fetched per pass. */
  readonly batchSize?: number;
  /** Sends awaiting Teams' answer at once. */
  readonly maxInFlight?: number;
  /**
   * How often the sender looks for dispatches that every record has settled but that nobody
   * closed (a sender that stopped between its last send and closing the dispatch); also on the
   * first pass after a start.
   */
  readonly sweepMs?: number;
}

/** What one pass did. */
export interface DrainResult {
  readonly expanded: number;
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  /** Records that were due but claimed by another sender first. */
  readonly skipped: number;
  /** Dispatches closed because nothing of them is pending any more. */
  readonly finished: number;
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
/** How long the sender keeps a committee's short name and member lists before it reads them again. */
const COMMITTEE_CACHE_MS = 60_000;
/** Default of `SenderOptions.sweepMs`. */
const SWEEP_MS = 10 * 60_000;
/** Dispatches a sweep looks at, oldest first. */
const SWEEP_BATCH = 100;

type Failure = Extract<DeliveryAttempt, { ok: false }>;
type Outcome = keyof Omit<DrainResult, 'expanded' | 'finished'>;

export class OutboxSender {
  private readonly policy: DeliveryPolicy;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxInFlight: number;
  /** The committees records were sent for lately (see `committeeOf`). */
  private readonly committees = new Map<string, { readonly committee: MessageCommittee; readonly until: number }>();
  /** The committees' teams and group chats a person is looked up in (see `placesOf`). */
  private readonly places = new Map<string, { readonly places: MemberListAddress[]; readonly until: number }>();
  /** The member lists of those teams and group chats, read once a minute at most. */
  private readonly rosters: MemberRosters;
  private readonly sweepMs: number;
  private lastSweep: number | undefined;
  /** Every request to Teams passes here, within the limiter's budget. */
  private readonly gate: SendGate;
  /** Settles records answered in the same turn together (see BatchedReplaces). */
  private readonly settlements: BatchedReplaces;
  /** When the retries this sender scheduled fall due (ms, ascending), for `msUntilNextRetry`. */
  private readonly retriesDue: number[] = [];

  constructor(
    private readonly deps: SenderDependencies,
    options: SenderOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 50;
    this.maxInFlight = options.maxInFlight ?? 50;
    this.sweepMs = options.sweepMs ?? SWEEP_MS;
    this.settlements = new BatchedReplaces(deps.store);
    this.gate = new SendGate(deps.limiter, () => deps.clock.now().toMillis(), deps.wait);
    this.rosters = new MemberRosters(
      deps.messenger,
      () => deps.clock.now().toMillis(),
      (key, request) => this.gate.through(key, request),
      COMMITTEE_CACHE_MS,
    );
  }

  /**
   * One pass over everything due now. When `signal` aborts (shutdown), no further record is
   * started; sends already under way are settled before the pass resolves.
   */
  async drainOnce(signal?: AbortSignal): Promise<DrainResult> {
    const expanded = await this.expandDispatches();
    const nowIso = this.nowIso();
    // What is due by now is in this query (or in the next batch, if the batch is full).
    const queriedAt = this.deps.clock.now().toMillis();
    while (this.retriesDue.length > 0 && this.retriesDue[0]! <= queriedAt) this.retriesDue.shift();
    const due = await this.deps.store.queryAcrossCommittees<OutboxRecord>(
      dueAndUnclaimed('outbox', 'pending', 'nextAttemptAt', nowIso, this.batchSize),
    );
    const counts = { expanded, sent: 0, retried: 0, failed: 0, skipped: 0, finished: 0 };
    // The dispatches whose records settled in this pass: each may have nothing pending now.
    const settled = new Map<string, { readonly committeeId: string; readonly dispatchId: string }>();
    const inFlight = new Set<Promise<void>>();
    const failures: unknown[] = [];
    const chunkSize = Math.max(1, Math.min(this.maxInFlight, MAX_BATCH_OPERATIONS));
    for (let start = 0; start < due.length && !signal?.aborted; start += chunkSize) {
      // Claimed together, one write per committee instead of one per record.
      const claims = await this.claimAll(due.slice(start, start + chunkSize));
      for (const [index, claimed] of claims.entries()) {
        if (signal?.aborted) {
          // Not started: given back at once rather than left to its lease.
          for (const unstarted of claims.slice(index)) if (unstarted) await this.settle(unstarted, {});
          break;
        }
        if (!claimed) {
          counts.skipped += 1;
          continue;
        }
        // A delivery that fails (the store does not answer) never rejects a promise nobody awaits,
        // which would end the process: its error is kept and raised once the pass's sends are back.
        const work = this.deliver(claimed).then(
          (outcome) => {
            counts[outcome] += 1;
            if (outcome === 'sent' || outcome === 'failed')
              settled.set(`${claimed.committeeId}\n${claimed.dispatchId}`, claimed);
          },
          (error: unknown) => {
            failures.push(error);
          },
        );
        inFlight.add(work);
        void work.then(() => inFlight.delete(work));
        if (inFlight.size >= this.maxInFlight) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    // The records of a failed delivery keep their lease and are taken up again once it runs out.
    if (failures.length > 0) throw failures[0];
    for (const dispatch of await this.unclosedDispatches())
      settled.set(`${dispatch.committeeId}\n${dispatch.dispatchId}`, dispatch);
    for (const { committeeId, dispatchId } of settled.values()) {
      if (signal?.aborted) break;
      if ((await finishDispatch(this.deps, committeeId, dispatchId)) === 'finished') counts.finished += 1;
    }
    return counts;
  }

  /**
   * Expanded dispatches, for a sweep on the first pass and then every `sweepMs`: one whose last
   * record settled just before its sender stopped is closed (and its notice queued) here.
   */
  private async unclosedDispatches(): Promise<Array<Stored<DispatchDocument>>> {
    const now = this.deps.clock.now().toMillis();
    if (this.lastSweep !== undefined && now - this.lastSweep < this.sweepMs) return [];
    this.lastSweep = now;
    return this.deps.store.queryAcrossCommittees<DispatchDocument>({
      type: 'dispatch',
      where: [{ field: 'status', op: '=', value: 'expanded' }],
      orderBy: { field: 'createdAt' },
      limit: SWEEP_BATCH,
    });
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
      const records = dispatch.drafts.map((draft) =>
        pendingRecord(dispatch.committeeId, dispatch.dispatchId, draft, nowIso),
      );
      for (let start = 0; start < records.length; start += MAX_BATCH_OPERATIONS) {
        const chunk = records.slice(start, start + MAX_BATCH_OPERATIONS);
        try {
          // A hundred records in one write; when some exist already (a sender stopped half-way), one by one.
          await this.deps.store.batch(
            dispatch.committeeId,
            chunk.map((document) => ({ op: 'create' as const, document })),
          );
          continue;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
        for (const record of chunk) {
          try {
            await this.deps.store.create(record);
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
          }
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

  /**
   * How long until the next retry this sender scheduled falls due (0 when one is due and no pass
   * has looked for it yet), or undefined without any: the drain loop then looks again at that
   * time rather than after its idle pause, so a message retried after 100 ms is not held for a
   * second. Retries scheduled by other instances are found by the loop's regular pass.
   */
  msUntilNextRetry(): number | undefined {
    const next = this.retriesDue[0];
    return next === undefined ? undefined : Math.max(0, next - this.deps.clock.now().toMillis());
  }

  private async deliver(claimed: Stored<OutboxRecord>): Promise<Outcome> {
    if (claimed.recipient.kind === 'organiserCalendar') return this.syncMeeting(claimed, claimed.recipient.sessionId);
    if (claimed.recipient.kind === 'organiserMail') return this.sendMail(claimed, claimed.recipient.personId);
    const conversation = await this.storedConversation(claimed);
    let address = conversation?.address;
    let lookedInHome: boolean | undefined;
    if (!address && claimed.recipient.kind === 'person') {
      const reach = await openChatWithPerson(this.pacedOpening(), claimed.committeeId, claimed.recipient, {
        places: await this.placesOf(claimed.committeeId),
        rosterOf: (place) => this.rosters.rosterOf(place),
      });
      if (reach.kind === 'failed') return this.settleFailure(claimed, reach.failure, reach.step);
      if (reach.kind === 'opened') address = reach.address;
      else lookedInHome = reach.lookedInHome;
    }
    if (!address)
      return this.settle(claimed, {
        status: 'failed',
        failure: {
          reason: 'noConversation',
          status: null,
          detail: 'no conversation with the recipient is known, and none could be opened',
          at: this.nowIso(),
          ...(lookedInHome !== undefined ? { lookedInHome } : {}),
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
    // The slot is taken right before the request leaves and held until Teams has answered.
    const attempt = await this.gate.through(address.conversationId, async () => {
      const answer = await this.deps.messenger.send(address, message);
      // Paused before the slot is given back, so that nothing else goes into the conversation meanwhile.
      if (!answer.ok && answer.status === 429 && answer.retryAfterMs !== undefined)
        this.deps.limiter.pause(address.conversationId, this.deps.clock.now().toMillis() + answer.retryAfterMs);
      return answer;
    });
    if (attempt.ok) {
      return this.settle(claimed, {
        status: 'sent',
        sentAt: this.nowIso(),
        activityId: attempt.activityId,
        conversationId: address.conversationId,
        attempts: claimed.attempts + 1,
      });
    }
    return this.settleFailure(claimed, attempt, 'send');
  }

  /**
   * Brings a session's Outlook event up to date (see `syncSessionMeeting`); Graph's failures take
   * the same way as Teams' (retry on 429 with its Retry-After, 5xx and no answer; give up on the
   * rest). Without an organiser calendar (the mailbox was unset after the record was queued) it
   * fails at once, and the delivery report says why.
   */
  private async syncMeeting(claimed: Stored<OutboxRecord>, sessionId: string): Promise<Outcome> {
    const calendar = this.deps.organiserCalendar;
    if (!calendar || !this.deps.organiserMailbox)
      return this.giveUp(claimed, 'notConfigured', 'no organiser mailbox is configured');
    const outcome = await syncSessionMeeting(
      { ...this.deps, organiserCalendar: calendar },
      claimed.committeeId,
      sessionId,
    );
    if (outcome.ok)
      return this.settle(claimed, {
        status: 'sent',
        sentAt: this.nowIso(),
        attempts: claimed.attempts + 1,
        meeting: outcome.value,
      });
    return this.settleFailure(claimed, outcome, 'send');
  }

  /**
   * Sends a person without Teams the e-mail with their calendar address (see `sendFeedLinkMail`),
   * with the same rules as the Outlook event: Graph's 429 (after its Retry-After), 5xx and no
   * answer are retried, any other refusal given up. A person erased, deactivated or no longer on
   * the roster meanwhile gets no e-mail: the record fails at once, and the delivery report says
   * why. Without an organiser mailbox, or without the bot's public address, it fails at once too.
   */
  private async sendMail(claimed: Stored<OutboxRecord>, personId: string): Promise<Outcome> {
    const { organiserCalendar, organiserMailbox, publicBaseUrl, mailRenderer } = this.deps;
    if (!organiserCalendar || !organiserMailbox || !publicBaseUrl || !mailRenderer)
      return this.giveUp(claimed, 'notConfigured', 'no organiser mailbox or public address is configured');
    const outcome = await sendFeedLinkMail(
      { ...this.deps, organiserCalendar, publicBaseUrl, mailRenderer },
      claimed.committeeId,
      personId,
    );
    if (outcome.kind === 'sent')
      return this.settle(claimed, { status: 'sent', sentAt: this.nowIso(), attempts: claimed.attempts + 1 });
    if (outcome.kind === 'gone')
      return this.giveUp(claimed, 'recipientGone', `the person is no longer to be written to: ${outcome.why}`);
    return this.settleFailure(claimed, outcome.failure, 'send');
  }

  /** Fails the record for good, for a reason that no retry changes (`code` names it for the report). */
  private giveUp(claimed: Stored<OutboxRecord>, code: string, detail: string): Promise<Outcome> {
    const at = this.nowIso();
    return this.settle(claimed, {
      status: 'failed',
      attempts: claimed.attempts + 1,
      lastFailure: { status: null, detail, at },
      failure: { reason: 'permanent', status: null, detail, at, step: 'send', code },
    });
  }

  private async settleFailure(
    record: Stored<OutboxRecord>,
    { status, retryAfterMs, detail, code }: Failure,
    step: DeliveryStep,
  ): Promise<'retried' | 'failed' | 'skipped'> {
    const attempts = record.attempts + 1;
    const at = this.nowIso();
    const next = nextStepAfterFailure(attempts, { status, retryAfterMs }, this.deps.random, this.policy);
    if (next.kind === 'retry') {
      const due = this.deps.clock.now().plus({ milliseconds: next.delayMs });
      const settled = await this.settle(record, {
        attempts,
        nextAttemptAt: toUtcIso(due),
        lastFailure: { status, detail, at },
      });
      if (settled === 'skipped') return 'skipped';
      this.retriesDue.push(due.toMillis());
      this.retriesDue.sort((a, b) => a - b);
      return 'retried';
    }
    const settled = await this.settle(record, {
      status: 'failed',
      attempts,
      lastFailure: { status, detail, at },
      failure: { reason: next.reason, status, detail, at, step, ...(code ? { code } : {}) },
    });
    return settled === 'skipped' ? 'skipped' : 'failed';
  }

  /**
   * Takes the records for this sender, each unless somebody else did meanwhile (undefined in its
   * place). Each committee's records are claimed in one transactional batch, all with their
   * ETags; when another sender took one of them, the batch writes nothing and each is claimed
   * alone.
   */
  private async claimAll(
    records: ReadonlyArray<Stored<OutboxRecord>>,
  ): Promise<Array<Stored<OutboxRecord> | undefined>> {
    const leaseUntil = toUtcIso(this.deps.clock.now().plus({ milliseconds: this.leaseMs }));
    const claimed = new Map<Stored<OutboxRecord>, Stored<OutboxRecord> | undefined>();
    const byCommittee = new Map<string, Array<Stored<OutboxRecord>>>();
    for (const record of records)
      byCommittee.set(record.committeeId, [...(byCommittee.get(record.committeeId) ?? []), record]);
    for (const [committeeId, ofCommittee] of byCommittee) {
      if (ofCommittee.length > 1) {
        try {
          const written = await this.deps.store.batch(
            committeeId,
            ofCommittee.map(({ _etag: etag, ...rest }) => ({
              op: 'replace' as const,
              document: { ...rest, leaseOwner: this.deps.instanceId, leaseUntil },
              ifMatch: etag,
            })),
          );
          ofCommittee.forEach((record, index) => claimed.set(record, written[index] as Stored<OutboxRecord>));
          continue;
        } catch (error) {
          if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
        }
      }
      for (const record of ofCommittee)
        claimed.set(record, await claimLease(this.deps.store, record, this.deps.instanceId, leaseUntil));
    }
    return records.map((record) => claimed.get(record));
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
      await this.settlements.replace(next, etag);
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
    if (record.recipient.kind === 'organiserCalendar' || record.recipient.kind === 'organiserMail') return undefined;
    const id =
      record.recipient.kind === 'conversation'
        ? record.recipient.conversationDocumentId
        : personalConversationDocumentId(record.recipient.aadObjectId);
    const directory = directoryOfPartition(record.committeeId);
    if (!directory) return undefined;
    const found = await this.deps.store.get<ConversationDocument>(directory, id);
    return found?.type === 'conversation' ? found : undefined;
  }

  /** The committee's teams and group chats Gremium is in, read once a minute per committee. */
  private async placesOf(committeeId: string): Promise<MemberListAddress[]> {
    const now = this.deps.clock.now().toMillis();
    const cached = this.places.get(committeeId);
    if (cached && cached.until > now) return cached.places;
    const places = await memberListsOf(this.deps.store, committeeId);
    this.places.set(committeeId, { places, until: now + COMMITTEE_CACHE_MS });
    return places;
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

  /**
   * The dependencies for opening a 1:1 chat, whose request to Teams takes a slot of the app's
   * budget like a send (Teams counts creating a conversation as one); the new conversation's id
   * is not known before, so only the app's budget applies.
   */
  private pacedOpening(): SenderDependencies {
    const { messenger } = this.deps;
    return {
      ...this.deps,
      messenger: {
        send: (address, message) => messenger.send(address, message),
        listMembers: (where) => messenger.listMembers(where),
        openPersonalConversation: (target) =>
          this.gate.through(`open:${target.userId}`, () => messenger.openPersonalConversation(target)),
      },
    };
  }
}
