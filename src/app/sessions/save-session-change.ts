import { nowUtcIso } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/result';
import { invitationsAreOut } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import type { BatchOperation, Stored } from '../ports/document-store';
import { meetingSyncOperations } from '../meetings/meeting-sync-dispatch';
import { savedUnlessChanged } from '../saved-unless-changed';
import { answersOf, draftsForInvitees } from './invitation-drafts';
import type { InvitationBanner } from './invitation-view';
import { rosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';
import { scheduleSessionJobs } from './session-jobs';

/** Tell every invitee, with their invitation card again under this banner. */
export interface InviteeNotice {
  readonly dispatchId: string;
  readonly banner: InvitationBanner;
}

/**
 * Writes a changed session over the version it was read at, with the invitees' cards in the
 * same batch when `notice` is given and invitations are out, then moves its deadline jobs. If
 * the session changed meanwhile, nothing is written and the current session comes back.
 */
export async function saveSessionChange(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone' | 'leadTimes'>,
  before: Stored<SessionDocument>,
  after: SessionDocument,
  notice?: InviteeNotice,
): Promise<
  Result<
    { readonly session: Stored<SessionDocument>; readonly notified: number },
    { readonly kind: 'outdated'; readonly session: Stored<SessionDocument> }
  >
> {
  const nowIso = nowUtcIso(deps.clock);
  const operations: BatchOperation[] = [
    { op: 'replace', document: after, ifMatch: before._etag },
    // With an organiser mailbox, the Outlook event follows every change (a move, a cancellation).
    ...meetingSyncOperations(deps, after, nowIso),
  ];
  let notified = 0;
  if (notice && invitationsAreOut(before.state)) {
    const [roster, answers] = await Promise.all([
      rosterSnapshot(deps.store, committee.committeeId),
      answersOf(deps.store, committee.committeeId, before.id),
    ]);
    const drafts = draftsForInvitees(
      committee,
      after,
      roster,
      answers,
      nowIso,
      notice.banner,
      (personId) => `${notice.dispatchId}:${personId}`,
    );
    operations.push(
      enqueueOperation(committee.committeeId, notice.dispatchId, drafts, nowIso, {
        kind: notice.banner === 'cancelled' ? 'cancellation' : 'invitationChange',
        audience: 'invitees',
        sessionNumber: after.number,
      }),
    );
    notified = drafts.length;
  }
  const saved = await savedUnlessChanged(() => deps.store.batch(committee.committeeId, operations));
  if (!saved.ok) {
    const current = await deps.store.get<SessionDocument>(committee.committeeId, before.id);
    return fail({ kind: 'outdated', session: current ?? before });
  }
  await scheduleSessionJobs(deps, committee, after);
  return ok({ session: saved.value[0] as Stored<SessionDocument>, notified });
}
