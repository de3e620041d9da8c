import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { UNCLAIMED } from '../leases';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentStore, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { withoutExpiry } from '../privacy/lifetimes';
import {
  audienceCounts,
  dispatchDocumentId,
  type DispatchAbout,
  type DispatchDocument,
  type MeetingSyncResult,
  type OutboxFailure,
  type OutboxRecord,
} from './outbox-record';

/** One message that did not arrive: to whom, and why (see `failureKindOf` for the words). */
export interface FailedDelivery {
  readonly recipientLabel: string;
  /** To the working group's channel or group chat rather than a person. */
  readonly toConversation: boolean;
  /** The session's Outlook event in the organiser mailbox (Microsoft Graph) rather than a message. */
  readonly toOrganiserCalendar?: boolean;
  /** An e-mail from the organiser mailbox (the calendar address to a person without Teams). */
  readonly toOrganiserMail?: boolean;
  readonly failure: Pick<OutboxFailure, 'reason' | 'status' | 'step' | 'code' | 'lookedInHome'>;
}

/** One dispatch as the secretariat sees it: what it was, how far it got and who did not receive it. */
export interface DispatchSummary {
  readonly dispatchId: string;
  readonly createdAt: string;
  /** What it was; absent for a dispatch written before dispatches said so. */
  readonly about?: DispatchAbout;
  /** People it goes to 1:1, and channels or group chats. */
  readonly people: number;
  readonly conversations: number;
  readonly sent: number;
  readonly pending: number;
  readonly failed: number;
  /** The messages the secretariat sent again, and where they are now; absent when none was. */
  readonly resent?: {
    readonly total: number;
    readonly sent: number;
    readonly pending: number;
    readonly failed: number;
  };
  readonly failures: readonly FailedDelivery[];
  /** People without Teams it was meant for, left out of it (see `reachableInTeams`); absent when none. */
  readonly withoutTeams?: number;
  /**
   * For an Outlook event: what bringing it up to date did, and who Outlook could not invite for
   * want of an e-mail address; absent while it is pending or when it failed.
   */
  readonly meeting?: MeetingSyncResult;
}

/** A page of the delivery report, newest dispatch first, or the one dispatch asked for. */
export interface DeliveryReport {
  readonly dispatches: readonly DispatchSummary[];
  /** 1 for the newest dispatches. */
  readonly page: number;
  readonly hasOlder: boolean;
  /** The report shows this one dispatch only (after a resend, or from the failure notice). */
  readonly focus?: string;
  /** Whether sessions reach Outlook (an organiser mailbox is set), so people without Teams hear of them there. */
  readonly outlook?: boolean;
}

export type DeliveryRefusal = { readonly kind: 'notAllowed' } | { readonly kind: 'unknownDispatch' };

/** Dispatches per page of the report: five fit a Teams message with their failures. */
export const DISPATCHES_PER_PAGE = 5;
/** Pages the report goes back at most; dispatches are kept 30 days, far fewer than this. */
export const MAX_REPORT_PAGE = 200;

/** What the report is asked for; both come from card data and are untrusted. */
export interface ReportRequest {
  readonly page?: unknown;
  readonly dispatchId?: unknown;
}

/**
 * The delivery report (`zustellung`): per dispatch what it was, sent, pending and failed, with
 * the reasons and the outcome of a resend; page by page through every dispatch kept, or one
 * dispatch. A page beyond the last shows the last; a page that is no whole number the first.
 */
export async function deliveryReport(
  { store, organiserMailbox }: AppDependencies,
  actor: Actor,
  request: ReportRequest = {},
): Promise<Result<DeliveryReport, DeliveryRefusal>> {
  if (!mayUse('delivery', actor)) return fail({ kind: 'notAllowed' });
  if (request.dispatchId !== undefined) {
    if (!isDispatchId(request.dispatchId)) return fail({ kind: 'unknownDispatch' });
    const dispatch = await store.get<DispatchDocument>(actor.committeeId, dispatchDocumentId(request.dispatchId));
    if (dispatch?.type !== 'dispatch' || dispatch.dispatchId !== request.dispatchId)
      return fail({ kind: 'unknownDispatch' });
    return ok({
      dispatches: [await summaryOf(store, dispatch)],
      page: 1,
      hasOlder: false,
      focus: dispatch.dispatchId,
      ...(organiserMailbox ? { outlook: true } : {}),
    });
  }
  const wanted = pageOf(request.page);
  const newest = await newestDispatches(store, actor.committeeId, wanted * DISPATCHES_PER_PAGE + 1);
  const lastPage = Math.max(1, Math.ceil(newest.length / DISPATCHES_PER_PAGE));
  const page = Math.min(wanted, lastPage);
  const shown = newest.slice((page - 1) * DISPATCHES_PER_PAGE, page * DISPATCHES_PER_PAGE);
  return ok({
    dispatches: await Promise.all(shown.map((dispatch) => summaryOf(store, dispatch))),
    page,
    hasOlder: newest.length > page * DISPATCHES_PER_PAGE,
    ...(organiserMailbox ? { outlook: true } : {}),
  });
}

/** A page number from card data: a whole number from 1, as a number or digits; otherwise 1. */
function pageOf(value: unknown): number {
  const number = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return 1;
  return Math.min(number, MAX_REPORT_PAGE);
}

function isDispatchId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 300;
}

/**
 * The `count` newest dispatches (or all, if fewer), in a stable order: by time, then id. Several
 * dispatches written in one batch share their instant, and a store may return such ties in any
 * order, so the ties at the cut are read completely before the list is cut: the same page then
 * always shows the same dispatches.
 */
async function newestDispatches(
  store: DocumentStore,
  committeeId: string,
  count: number,
): Promise<Array<Stored<DispatchDocument>>> {
  const found = await store.query<DispatchDocument>(committeeId, {
    type: 'dispatch',
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: count,
  });
  const last = found.at(-1);
  const ties =
    found.length === count && last
      ? await store.query<DispatchDocument>(committeeId, {
          type: 'dispatch',
          where: [{ field: 'createdAt', op: '=', value: last.createdAt }],
        })
      : [];
  const byId = new Map([...found, ...ties].map((dispatch) => [dispatch.id, dispatch]));
  return [...byId.values()].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

async function summaryOf(store: DocumentStore, dispatch: DispatchDocument): Promise<DispatchSummary> {
  const records = await recordsOf(store, dispatch.committeeId, dispatch.dispatchId);
  const count = (status: OutboxRecord['status'], of: readonly OutboxRecord[] = records) =>
    of.filter((record) => record.status === status).length;
  const failed = records.filter((record) => record.status === 'failed');
  const sent = count('sent');
  const resent = records.filter((record) => (record.resends ?? 0) > 0);
  const meeting = records.find((record) => record.status === 'sent' && record.meeting)?.meeting;
  return {
    dispatchId: dispatch.dispatchId,
    createdAt: dispatch.createdAt,
    ...(dispatch.about ? { about: dispatch.about } : {}),
    ...audienceCounts(dispatch.drafts),
    sent,
    failed: failed.length,
    // Drafts not yet expanded into records are pending too.
    pending: Math.max(0, dispatch.drafts.length - sent - failed.length),
    ...(resent.length > 0
      ? {
          resent: {
            total: resent.length,
            sent: count('sent', resent),
            pending: count('pending', resent),
            failed: count('failed', resent),
          },
        }
      : {}),
    failures: failed.map(failedDelivery),
    ...(dispatch.withoutTeams ? { withoutTeams: dispatch.withoutTeams } : {}),
    ...(meeting ? { meeting } : {}),
  };
}

/** A failed record as the report and the failure notice tell of it: to whom, and what Teams answered. */
export function failedDelivery(record: OutboxRecord): FailedDelivery {
  return {
    recipientLabel: record.recipientLabel,
    toConversation: record.recipient.kind === 'conversation',
    ...(record.recipient.kind === 'organiserCalendar' ? { toOrganiserCalendar: true } : {}),
    ...(record.recipient.kind === 'organiserMail' ? { toOrganiserMail: true } : {}),
    failure: failureFacts(record.failure),
  };
}

function failureFacts(failure: OutboxFailure | undefined): FailedDelivery['failure'] {
  if (!failure) return { reason: 'permanent', status: null };
  const { reason, status, step, code, lookedInHome } = failure;
  return {
    reason,
    status,
    ...(step ? { step } : {}),
    ...(code ? { code } : {}),
    ...(lookedInHome !== undefined ? { lookedInHome } : {}),
  };
}

/** Every record of a dispatch, whatever its state. */
export function recordsOf(
  store: DocumentStore,
  committeeId: string,
  dispatchId: string,
): Promise<Array<Stored<OutboxRecord>>> {
  return store.query<OutboxRecord>(committeeId, {
    type: 'outbox',
    where: [{ field: 'dispatchId', op: '=', value: dispatchId }],
  });
}

/** Rounds of reading and writing a resend before a busy outbox is left for the next click. */
const RESEND_ATTEMPTS = 3;

/**
 * Sends the failed messages of a dispatch again: each goes back to pending with fresh attempts
 * and counts one more resend, and the dispatch opens its next round, in one batch, so the
 * sender tells the secretariat again only about what fails in this round. The dispatch id comes
 * from card data, so it is looked up in the actor's own committee only.
 */
export async function retryFailedDeliveries(
  deps: AppDependencies,
  actor: Actor,
  dispatchId: unknown,
): Promise<Result<{ readonly retried: number }, DeliveryRefusal>> {
  if (!mayUse('delivery', actor)) return fail({ kind: 'notAllowed' });
  if (!isDispatchId(dispatchId)) return fail({ kind: 'unknownDispatch' });
  let retried = 0;
  for (let attempt = 0; attempt < RESEND_ATTEMPTS; attempt += 1) {
    const [dispatch, failed]: [Stored<DispatchDocument> | undefined, Array<Stored<OutboxRecord>>] = await Promise.all([
      deps.store.get<DispatchDocument>(actor.committeeId, dispatchDocumentId(dispatchId)),
      deps.store.query<OutboxRecord>(actor.committeeId, {
        type: 'outbox',
        where: [
          { field: 'dispatchId', op: '=', value: dispatchId },
          { field: 'status', op: '=', value: 'failed' },
        ],
      }),
    ]);
    const known = dispatch?.type === 'dispatch' && dispatch.dispatchId === dispatchId;
    if (!known && failed.length === 0 && retried === 0) return fail({ kind: 'unknownDispatch' });
    if (failed.length === 0) break;
    const nowIso = nowUtcIso(deps.clock);
    const records: BatchOperation[] = failed.map((record) => {
      const { _etag: etag, failure: _failure, ...rest } = record;
      // Pending again, it must not expire before it is sent.
      const again: OutboxRecord = withoutExpiry({
        ...rest,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: nowIso,
        leaseUntil: UNCLAIMED,
        resends: (record.resends ?? 0) + 1,
      });
      return { op: 'replace', document: again, ifMatch: etag };
    });
    const round: BatchOperation[] =
      known && dispatch.status !== 'new'
        ? [{ op: 'replace', document: nextRound(dispatch), ifMatch: dispatch._etag }]
        : [];
    const chunks = chunked([...round, ...records], MAX_BATCH_OPERATIONS);
    let outdated = false;
    for (const [index, chunk] of chunks.entries()) {
      const saved = await savedUnlessChanged(() => deps.store.batch(actor.committeeId, chunk));
      if (!saved.ok) {
        // A record changed meanwhile (another click, a sender): read again and go on from there.
        outdated = true;
        break;
      }
      retried += chunk.length - (index === 0 ? round.length : 0);
    }
    if (!outdated) break;
  }
  return ok({ retried });
}

function nextRound(dispatch: Stored<DispatchDocument>): DispatchDocument {
  const { _etag: _ignored, ...rest } = dispatch;
  return { ...rest, status: 'expanded', round: (dispatch.round ?? 0) + 1 };
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
