import { DateTime } from 'luxon';
import { isOverdue, localToday } from '../../domain/agreements/due-dates';
import {
  daysToCover,
  isEscalationDay,
  isoWeek,
  nextFollowUpAt,
  reminderOn,
} from '../../domain/agreements/follow-up-days';
import { nowUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type DispatchAbout, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { jobDocumentId, type JobDocument } from '../scheduling/job';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { scheduleJobs } from '../scheduling/schedule-jobs';
import { actionItemMessage, overdueDigestMessage } from './action-item-messages';
import { actionItemView, peopleById, secretariatOf } from './action-item-view';
import { actionListView, agreementsOf } from './list-action-items';

/** The job kind of the daily follow-up of a committee's action items. */
export const AGREEMENT_FOLLOW_UP_JOB = 'agreementFollowUp';

/** One follow-up job per committee. */
export function followUpSubject(committeeId: string): string {
  return `agreements-${committeeId}`;
}

/**
 * Makes sure the committee has its daily follow-up job. A job already scheduled (or running) is
 * left alone, so approving minutes never moves or disturbs it; a finished or missing one is
 * scheduled for the next 09:00 committee time.
 */
export async function ensureAgreementFollowUp(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>,
): Promise<void> {
  const subject = followUpSubject(committee.committeeId);
  for (let attempt = 1; ; attempt += 1) {
    const existing = await deps.store.get<JobDocument>(
      committee.committeeId,
      jobDocumentId(AGREEMENT_FOLLOW_UP_JOB, subject),
    );
    if (existing?.status === 'scheduled') return;
    try {
      return await scheduleJobs(deps, committee.committeeId, subject, [
        { kind: AGREEMENT_FOLLOW_UP_JOB, dueAt: nextFollowUpAt(deps.clock.now(), committee.timeZone) },
      ]);
    } catch (error) {
      if (attempt >= 5 || !(error instanceof ConflictError || error instanceof ConcurrencyError)) throw error;
    }
  }
}

/** What one run sent, for tests and logs. */
export interface FollowUpRun {
  readonly reminders: number;
  readonly digests: number;
}

/**
 * The daily follow-up for the days from `scheduledDay` through today (committee time): each item
 * not done gets its reminder seven days before and on its due date, and on a Monday the
 * secretariat gets one list of the overdue items. Every message is its own dispatch, keyed by
 * item, due date and kind (the digest by ISO week), so a re-run, a second instance or caught-up
 * days never send one twice, while a moved due date reminds again.
 */
export async function followUpAgreements(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>,
  scheduledDay: string,
): Promise<FollowUpRun> {
  const today = localToday(deps.clock.now(), committee.timeZone);
  const days = daysToCover(scheduledDay, today);
  const [items, people] = await Promise.all([
    agreementsOf(deps.store, committee.committeeId),
    peopleById(deps.store, committee.committeeId),
  ]);
  const nowIso = nowUtcIso(deps.clock);
  let reminders = 0;
  let digests = 0;
  for (const item of items) {
    const responsible = people.get(item.responsibleId);
    if (!responsible?.active) continue;
    for (const day of days) {
      const kind = reminderOn(item, day);
      if (!kind) continue;
      const key = `action-reminder:${item.id}:${item.dueDate}:${kind}`;
      const drafts = draftsForPeople(
        key,
        [responsible],
        actionItemMessage(kind, actionItemView(item, people, responsible, committee.timeZone, today)),
      );
      const about: DispatchAbout = {
        kind: 'actionItemReminder',
        audience: 'recipients',
        sessionNumber: item.sessionNumber,
      };
      if (await enqueueOnce(deps, committee.committeeId, key, drafts, nowIso, about)) reminders += 1;
    }
  }
  const monday = days.filter(isEscalationDay).at(-1);
  const overdue = items.filter((item) => isOverdue(item, today));
  if (monday && overdue.length > 0) {
    const key = `action-overdue:${isoWeek(monday)}`;
    const view = actionListView(overdue, people, { scope: 'overdue', institution: '', page: 1 }, today, []);
    if (
      await enqueueOnce(
        deps,
        committee.committeeId,
        key,
        draftsForPeople(key, secretariatOf(people), overdueDigestMessage(isoWeek(monday), view)),
        nowIso,
        { kind: 'overdueDigest', audience: 'secretariat' },
      )
    )
      digests += 1;
  }
  return { reminders, digests };
}

/** Writes a dispatch unless it exists: true when this call wrote it. */
async function enqueueOnce(
  deps: AppDependencies,
  committeeId: string,
  dispatchId: string,
  drafts: readonly OutboxDraft[],
  nowIso: string,
  about: DispatchAbout,
): Promise<boolean> {
  if (drafts.length === 0) return false;
  try {
    await deps.store.batch(committeeId, [enqueueOperation(committeeId, dispatchId, drafts, nowIso, about)]);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/**
 * The scheduler's side: the day's follow-up, then the next day's job. Scheduling the next run
 * replaces the job while it runs; the scheduler then leaves the new schedule in place.
 */
export const AGREEMENT_JOB_HANDLERS: Readonly<Record<typeof AGREEMENT_FOLLOW_UP_JOB, JobHandler>> = {
  [AGREEMENT_FOLLOW_UP_JOB]: async (job, deps) => {
    const committee = await deps.store.get<CommitteeDocument>(job.committeeId, COMMITTEE_DOCUMENT_ID);
    if (!committee) return;
    await followUpAgreements(
      deps,
      committee,
      localToday(DateTime.fromISO(job.dueAt, { zone: 'utc' }), committee.timeZone),
    );
    await scheduleJobs(deps, committee.committeeId, job.subjectId, [
      { kind: AGREEMENT_FOLLOW_UP_JOB, dueAt: nextFollowUpAt(deps.clock.now(), committee.timeZone) },
    ]);
  },
};
