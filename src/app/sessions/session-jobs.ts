import { nowUtcIso } from '../../domain/clock';
import { sessionDeadlines, type DeadlineKind } from '../../domain/scheduling/session-deadlines';
import { invitationsAreOut, isBeforeHeld } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import type { CommitteeDocument } from '../documents';
import type { JobHandler } from '../scheduling/run-due-jobs';
import { newJobDocument, scheduleJobs } from '../scheduling/schedule-jobs';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { remindUnanswered } from './remind-unanswered';
import { callForTopics, mayCallForTopics } from '../agenda/call-for-topics';
import { agendaDueAt } from '../agenda/build-agenda';
import { handleAgendaDeadline, reviewAgendaBeforeDeadline } from '../agenda/agenda-deadline-notices';
import { SCHEDULER } from '../agenda/publish-agenda';
import { reportTopicsClosed } from '../agenda/topics-closed';
import type { Stored } from '../ports/document-store';
import type { JobDocument } from '../scheduling/job';
import type { SessionDocument } from './session-document';

/** The deadlines of a session that have a job handler. */
const HANDLED: readonly DeadlineKind[] = [
  'callForTopics',
  'topicDeadline',
  'agendaReview',
  'agendaDispatch',
  'rsvpReminder',
];

/**
 * Makes the session's deadline jobs match its date and the committee's lead times; a cancelled
 * or finished session keeps none. A deadline already past when the session is planned or moved
 * is not scheduled: a session planned at short notice must not send invitations the moment it
 * is created, before the secretariat has set its place; the secretariat invites by command.
 * Called after every change of either.
 */
export async function scheduleSessionJobs(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'leadTimes' | 'timeZone'>,
  session: Pick<SessionDocument, 'id' | 'startsAt' | 'state'>,
  readJobs?: ReadonlyArray<Stored<JobDocument>>,
): Promise<void> {
  const nowIso = nowUtcIso(deps.clock);
  const plan = isBeforeHeld(session.state)
    ? sessionDeadlines(session.startsAt, committee.leadTimes, committee.timeZone).filter(
        (deadline) => HANDLED.includes(deadline.kind) && deadline.dueAt > nowIso,
      )
    : [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      // Jobs read by the caller serve the first try only; a retry reads what the conflict left.
      return await scheduleJobs(deps, committee.committeeId, session.id, plan, attempt === 1 ? readJobs : undefined);
    } catch (error) {
      // Another request or instance touched the same jobs meanwhile: read them again and redo.
      if (attempt >= SCHEDULE_ATTEMPTS || !(error instanceof ConflictError || error instanceof ConcurrencyError))
        throw error;
    }
  }
}

const SCHEDULE_ATTEMPTS = 5;

/**
 * What the scheduler does at a session's deadlines: it calls for topics (unless the secretariat
 * already did; whether the members are invited yet does not matter), tells the secretariat at the topic deadline what came in and two days before
 * the agenda lead time what is still undecided on the agenda, publishes the agenda at the lead
 * time if the committee's setting says so (inviting with it, unless nothing changed since the
 * secretariat published) or else tells the secretariat that it waits for them, and reminds
 * those without an answer. Each handler first checks that the job still
 * belongs to the session's current date, so a schedule that a crash left stale never fires at
 * the wrong time; it is corrected instead.
 */
export const SESSION_JOB_HANDLERS: Readonly<Record<DeadlineKind, JobHandler>> = {
  callForTopics: async (job, deps) => {
    const loaded = await dueSessionOrReschedule(deps, job.committeeId, job.subjectId, 'callForTopics', job.dueAt);
    if (!loaded || !mayCallForTopics(loaded.session, loaded.committee, nowUtcIso(deps.clock))) return;
    await callForTopics(deps, loaded.committee, loaded.session, SCHEDULER);
  },
  topicDeadline: async (job, deps) => {
    const loaded = await dueSessionOrReschedule(deps, job.committeeId, job.subjectId, 'topicDeadline', job.dueAt);
    if (!loaded || !isBeforeHeld(loaded.session.state)) return;
    await reportTopicsClosed(deps, loaded.committee, loaded.session, job.dueAt);
  },
  agendaReview: async (job, deps) => {
    const loaded = await dueSessionOrReschedule(deps, job.committeeId, job.subjectId, 'agendaReview', job.dueAt);
    if (!loaded || !isBeforeHeld(loaded.session.state)) return;
    const agendaDue = agendaDueAt(loaded.committee, loaded.session);
    await reviewAgendaBeforeDeadline(deps, loaded.committee, loaded.session, agendaDue);
  },
  agendaDispatch: async (job, deps) => {
    const loaded = await dueSessionOrReschedule(deps, job.committeeId, job.subjectId, 'agendaDispatch', job.dueAt);
    if (!loaded || !isBeforeHeld(loaded.session.state)) return;
    await handleAgendaDeadline(deps, loaded.committee, loaded.session, job.dueAt);
  },
  rsvpReminder: async (job, deps) => {
    const loaded = await dueSessionOrReschedule(deps, job.committeeId, job.subjectId, 'rsvpReminder', job.dueAt);
    if (!loaded || !invitationsAreOut(loaded.session.state)) return;
    await remindUnanswered(deps, loaded.committee, loaded.session, `job-${job.dueAt}`);
  },
};

/**
 * The committee and session a deadline job is for, if the job still belongs to the session's
 * current date. If not, it writes: the session's jobs are scheduled again to match, and nothing
 * is answered. It also adds the agenda review job of a session scheduled before reviews existed.
 */
async function dueSessionOrReschedule(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  kind: DeadlineKind,
  dueAt: string,
) {
  const [committee, session] = await Promise.all([
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    deps.store.get<SessionDocument>(committeeId, sessionId),
  ]);
  if (!committee || !session) return undefined;
  const due = sessionDeadlines(session.startsAt, committee.leadTimes, committee.timeZone).find(
    (deadline) => deadline.kind === kind,
  )?.dueAt;
  if (due !== dueAt) {
    await scheduleSessionJobs(deps, committee, session);
    return undefined;
  }
  await addMissingAgendaReview(deps, committee, session);
  return { committee, session };
}

/**
 * Sessions scheduled before the agenda review existed have no job for it; their earlier
 * deadlines add it, unless its time has passed. A create, so it never moves or repeats a
 * review that is already scheduled or done.
 */
async function addMissingAgendaReview(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'leadTimes' | 'timeZone'>,
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
): Promise<void> {
  const deadlines = sessionDeadlines(session.startsAt, committee.leadTimes, committee.timeZone);
  const review = deadlines.find((deadline) => deadline.kind === 'agendaReview')!;
  const nowIso = nowUtcIso(deps.clock);
  if (review.dueAt <= nowIso) return;
  try {
    await deps.store.create(newJobDocument(committee.committeeId, session.id, review, nowIso));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}
