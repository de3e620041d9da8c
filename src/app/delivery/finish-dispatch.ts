import { nowUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Logger } from '../ports/logger';
import type { BatchOperation, Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { failedDelivery, recordsOf, type FailedDelivery } from './delivery-report';
import {
  audienceCounts,
  dispatchDocumentId,
  draftsForPeople,
  enqueueOperation,
  type DispatchAbout,
  type DispatchDocument,
  type OutboxRecord,
} from './outbox-record';

/** The outbox message kind that tells the secretariat what a dispatch could not deliver. */
export const DELIVERY_FAILURES_MESSAGE_KIND = 'deliveryFailures';

/** Failures a notice names; beyond these it counts the rest, so the card stays within Teams' size. */
export const NOTICE_FAILURES_MAX = 40;

/** What the notice says: which dispatch, how it went, who was not reached and why. */
export interface DeliveryFailuresMessage {
  readonly dispatchId: string;
  readonly about: DispatchAbout;
  readonly people: number;
  readonly conversations: number;
  readonly createdAt: string;
  readonly timeZone: string;
  readonly sent: number;
  readonly failed: number;
  /** 0 for the dispatch as first sent, then one more per "send again". */
  readonly round: number;
  readonly failures: readonly FailedDelivery[];
  /** The session it concerns, for the card's header ("KOG · Sitzung 2027/1"). */
  readonly sessionNumber?: string;
}

export interface FinishDependencies extends AppDependencies {
  readonly logger: Logger;
}

/** The id of the notice about a dispatch's round: one notice per dispatch and round, ever. */
export function failureNoticeDispatchId(dispatchId: string, round: number): string {
  return `delivery-failures:${dispatchId}:r${round}`;
}

/**
 * Closes a dispatch whose messages are all sent or failed: marks it `finished` and, if any
 * failed, queues a 1:1 notice to each person of the committee's secretariat naming who was not
 * reached, why and what to do, and logs a warning (ids and counts only). Both happen in one
 * batch conditional on the dispatch as read, and the notice's id is derived from the dispatch
 * and its round: a second sender, a rerun or a restart finds the dispatch finished or the
 * notice existing and writes nothing, so the secretariat hears of each round exactly once.
 *
 * Dispatches written before they said what they were (no `about`) are closed without a notice:
 * the secretariat must not get a burst of notices about old dispatches the day this arrives.
 * A notice that fails itself is not reported again.
 */
export async function finishDispatch(
  deps: FinishDependencies,
  committeeId: string,
  dispatchId: string,
): Promise<'open' | 'finished' | 'skipped'> {
  const dispatch = await deps.store.get<DispatchDocument>(committeeId, dispatchDocumentId(dispatchId));
  if (dispatch?.type !== 'dispatch' || dispatch.status !== 'expanded') return 'skipped';
  const records = await recordsOf(deps.store, committeeId, dispatchId);
  const settled = records.filter((record) => record.status !== 'pending');
  if (settled.length < records.length || records.length < dispatch.drafts.length) return 'open';
  const failed = settled.filter((record) => record.status === 'failed');
  const round = dispatch.round ?? 0;
  const tell = failed.length > 0 && dispatch.about !== undefined && dispatch.about.kind !== 'deliveryFailures';
  const operations: BatchOperation[] = [finished(dispatch)];
  let told = 0;
  if (tell) {
    const notice = await noticeOperation(deps, dispatch, dispatch.about!, records, failed, round);
    if (notice) operations.push(notice.operation);
    told = notice?.secretariat ?? 0;
  }
  const saved = await savedUnlessChanged(() => deps.store.batch(committeeId, operations));
  if (!saved.ok) return 'skipped';
  if (failed.length > 0)
    deps.logger.warn(
      {
        committeeId,
        dispatch: dispatch.id,
        kind: dispatch.about?.kind ?? 'unknown',
        round,
        sent: settled.length - failed.length,
        failed: failed.length,
        secretariatTold: told,
      },
      'a dispatch finished with messages that could not be delivered',
    );
  return 'finished';
}

/** The dispatch closed, its expiry kept: it serves the delivery report until the retention run. */
function finished(dispatch: Stored<DispatchDocument>): BatchOperation {
  const { _etag: etag, ...rest } = dispatch;
  const closed: DispatchDocument = { ...rest, status: 'finished' };
  return { op: 'replace', document: closed, ifMatch: etag };
}

async function noticeOperation(
  deps: AppDependencies,
  dispatch: DispatchDocument,
  about: DispatchAbout,
  records: readonly OutboxRecord[],
  failed: readonly OutboxRecord[],
  round: number,
): Promise<{ readonly operation: BatchOperation; readonly secretariat: number } | undefined> {
  const { committeeId } = dispatch;
  const [committee, people] = await Promise.all([
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    deps.store.query<PersonDocument>(committeeId, { type: 'person' }),
  ]);
  const secretariat = people.filter((person) => person.active && person.roles.includes('secretariat'));
  if (secretariat.length === 0) return undefined;
  const message: DeliveryFailuresMessage = {
    dispatchId: dispatch.dispatchId,
    about,
    ...audienceCounts(dispatch.drafts),
    createdAt: dispatch.createdAt,
    timeZone: committee?.type === 'committee' ? committee.timeZone : 'Europe/Berlin',
    sent: records.filter((record) => record.status === 'sent').length,
    failed: failed.length,
    round,
    failures: failed.slice(0, NOTICE_FAILURES_MAX).map(failedDelivery),
    ...(about.sessionNumber ? { sessionNumber: about.sessionNumber } : {}),
  };
  const noticeId = failureNoticeDispatchId(dispatch.dispatchId, round);
  const drafts = draftsForPeople(noticeId, secretariat, {
    kind: DELIVERY_FAILURES_MESSAGE_KIND,
    data: { ...message },
  });
  const operation = enqueueOperation(committeeId, noticeId, drafts, nowUtcIso(deps.clock), {
    kind: 'deliveryFailures',
    audience: 'secretariat',
    ...(about.sessionNumber ? { sessionNumber: about.sessionNumber } : {}),
  });
  return { operation, secretariat: secretariat.length };
}
