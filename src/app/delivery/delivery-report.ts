import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { savedUnlessChanged } from '../saved-unless-changed';
import { withoutExpiry } from '../privacy/lifetimes';
import type { DispatchDocument, FailureReason, OutboxRecord } from './outbox-record';

/** One dispatch as the secretariat sees it: how far it got and who did not receive it. */
export interface DispatchSummary {
  readonly dispatchId: string;
  readonly createdAt: string;
  readonly sent: number;
  readonly pending: number;
  readonly failed: number;
  readonly failures: ReadonlyArray<{
    readonly recipientLabel: string;
    readonly reason: FailureReason;
    readonly status: number | null;
  }>;
}

export type DeliveryRefusal = { readonly kind: 'notAllowed' } | { readonly kind: 'unknownDispatch' };

/** Dispatches shown, newest first; older ones stay in the store. */
export const REPORTED_DISPATCHES = 5;

/** The delivery report (`zustellung`): sent, pending and failed per dispatch, with the reasons. */
export async function deliveryReport(
  { store }: AppDependencies,
  actor: Actor,
): Promise<Result<DispatchSummary[], DeliveryRefusal>> {
  if (!mayUse('delivery', actor)) return fail({ kind: 'notAllowed' });
  const [dispatches, records] = await Promise.all([
    store.query<DispatchDocument>(actor.committeeId, {
      type: 'dispatch',
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: REPORTED_DISPATCHES,
    }),
    store.query<OutboxRecord>(actor.committeeId, {
      type: 'outbox',
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: 5000,
    }),
  ]);
  return ok(
    dispatches.map((dispatch) => {
      const own = records.filter((record) => record.dispatchId === dispatch.dispatchId);
      const failed = own.filter((record) => record.status === 'failed');
      const sent = own.filter((record) => record.status === 'sent').length;
      return {
        dispatchId: dispatch.dispatchId,
        createdAt: dispatch.createdAt,
        sent,
        failed: failed.length,
        // Drafts not yet expanded into records are pending too.
        pending: dispatch.drafts.length - sent - failed.length,
        failures: failed.map((record) => ({
          recipientLabel: record.recipientLabel,
          reason: record.failure?.reason ?? 'permanent',
          status: record.failure?.status ?? null,
        })),
      };
    }),
  );
}

/**
 * Sends the failed messages of a dispatch again: each goes back to pending with fresh attempts.
 * The dispatch id comes from card data, so it is looked up in the actor's own committee only.
 */
export async function retryFailedDeliveries(
  deps: AppDependencies,
  actor: Actor,
  dispatchId: unknown,
): Promise<Result<{ readonly retried: number }, DeliveryRefusal>> {
  if (!mayUse('delivery', actor)) return fail({ kind: 'notAllowed' });
  if (typeof dispatchId !== 'string' || dispatchId.length > 300) return fail({ kind: 'unknownDispatch' });
  const failed = await deps.store.query<OutboxRecord>(actor.committeeId, {
    type: 'outbox',
    where: [
      { field: 'dispatchId', op: '=', value: dispatchId },
      { field: 'status', op: '=', value: 'failed' },
    ],
  });
  const known =
    failed.length > 0 ||
    (
      await deps.store.query(actor.committeeId, {
        type: 'dispatch',
        where: [{ field: 'dispatchId', op: '=', value: dispatchId }],
        limit: 1,
      })
    ).length > 0;
  if (!known) return fail({ kind: 'unknownDispatch' });
  const nowIso = nowUtcIso(deps.clock);
  let retried = 0;
  for (const record of failed) {
    const { _etag: etag, failure: _failure, ...rest } = record;
    // Pending again, it must not expire before it is sent. One changed meanwhile is left as it is.
    const saved = await savedUnlessChanged(() =>
      deps.store.replace<OutboxRecord>(
        withoutExpiry({ ...rest, status: 'pending' as const, attempts: 0, nextAttemptAt: nowIso }),
        etag,
      ),
    );
    if (saved.ok) retried += 1;
  }
  return ok({ retried });
}
