import { DateTime } from 'luxon';
import { sameAgenda } from '../../domain/agenda/agenda-items';
import { agendaOpenPoints, type AgendaOpenPoints } from '../../domain/agenda/agenda-open-points';
import { nowUtcIso } from '../../domain/clock';
import { autoPublishAgendaOf } from '../../domain/committee';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { BatchOperation, Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import type { SessionDocument } from '../sessions/session-document';
import { publishAgenda, SCHEDULER, type PublicationSummary } from './publish-agenda';
import { NO_QUESTIONS } from '../../domain/confirmation/go-ahead';
import { loadAgenda, type LoadedAgenda } from './session-agenda';
import { submissionsFor } from './submission-document';

/** The outbox message kind of the secretariat's notices around the agenda lead time. */
export const AGENDA_DEADLINE_MESSAGE_KIND = 'agendaDeadline';

/** What every such notice names: the session, the agenda's due time, and what is still open. */
interface AgendaDeadlineBase {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  /** The agenda lead time this notice belongs to. */
  readonly dueAt: string;
  readonly openPoints: AgendaOpenPoints;
}

/**
 * The notices to the secretariat: before the lead time (`review`) what is still open and what
 * will happen; at it, either what went out (`published`) or that the agenda waits for them
 * (`waiting`: because the committee publishes only by hand, or because it could not be published).
 */
export type AgendaDeadlineMessage =
  | (AgendaDeadlineBase & {
      readonly notice: 'review';
      readonly autoPublish: boolean;
      /** The version already out, when the draft has not changed since: then nothing new would go out. */
      readonly publishedUnchanged?: number;
    })
  | (AgendaDeadlineBase & { readonly notice: 'published' } & PublicationSummary)
  | (AgendaDeadlineBase & { readonly notice: 'waiting'; readonly reason: 'setting' | 'noSeats' });

type Committee = Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone' | 'autoPublishAgenda'>;

/**
 * Before the agenda lead time: tells each active person of the secretariat 1:1 what is still
 * undecided on the agenda and whether it will go out by itself, with a button to the agenda
 * builder. Once per session and due time, however often the scheduler runs.
 */
export async function reviewAgendaBeforeDeadline(
  deps: AppDependencies,
  committee: Committee,
  session: SessionDocument,
  dueAt: string,
): Promise<void> {
  const loaded = await loadAgenda(deps.store, committee.committeeId, session);
  const published = loaded.stored?.published;
  const message: AgendaDeadlineMessage = {
    ...(await baseOf(deps, committee, session, loaded, dueAt)),
    notice: 'review',
    autoPublish: autoPublishAgendaOf(committee),
    ...(published && sameAgenda(published.items, loaded.items) ? { publishedUnchanged: published.version } : {}),
  };
  await enqueueOnce(deps, committee, `agenda-review:${session.id}:${dueAt}`, message);
}

/**
 * At the agenda lead time: publishes the agenda if the committee's setting says so, and tells
 * the secretariat 1:1 what went out, in the same batch as the publication, so a publication
 * never goes out without its notice nor the other way round. If the setting says not to, or the
 * agenda cannot be published, the secretariat is told that it waits for them. Nothing is sent
 * when the version everyone has is still current. A publication that lost a race with a
 * concurrent edit throws, so that the scheduler tries again shortly.
 */
export async function handleAgendaDeadline(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  dueAt: string,
): Promise<void> {
  const loaded = await loadAgenda(deps.store, committee.committeeId, session);
  const published = loaded.stored?.published;
  if (published && sameAgenda(published.items, loaded.items)) return;
  const base = await baseOf(deps, committee, session, loaded, dueAt);
  if (!autoPublishAgendaOf(committee)) {
    await enqueueOnce(deps, committee, `agenda-waiting:${session.id}:${dueAt}`, {
      ...base,
      notice: 'waiting',
      reason: 'setting',
    });
    return;
  }
  const secretariat = await secretariatOf(deps, committee);
  const noticeOf = (summary: PublicationSummary): BatchOperation[] => [
    noticeOperation(deps, committee, secretariat, `agenda-published:${session.id}:${dueAt}`, {
      ...base,
      notice: 'published',
      ...summary,
    }),
  ];
  const result = await publishAgenda(deps, committee, session, SCHEDULER, NO_QUESTIONS, noticeOf);
  if (result.ok) return;
  switch (result.error.kind) {
    case 'noSeats':
      await enqueueOnce(deps, committee, `agenda-waiting:${session.id}:${dueAt}`, {
        ...base,
        notice: 'waiting',
        reason: 'noSeats',
      });
      return;
    case 'outdated':
      throw new Error('The agenda changed while it was being published; trying again');
    default:
      // Unchanged since the version out, or the session is no longer open: nothing to do.
      return;
  }
}

async function baseOf(
  deps: AppDependencies,
  committee: Committee,
  session: SessionDocument,
  loaded: LoadedAgenda,
  dueAt: string,
): Promise<AgendaDeadlineBase> {
  const submissions = await submissionsFor(deps.store, committee.committeeId, session.id);
  const undecided = submissions.filter((submission) => submission.status === 'submitted').length;
  const sessionMinutes = Math.round(
    DateTime.fromISO(session.endsAt).diff(DateTime.fromISO(session.startsAt), 'minutes').minutes,
  );
  return {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    dueAt,
    openPoints: agendaOpenPoints(loaded.items, undecided, sessionMinutes),
  };
}

async function secretariatOf(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'>,
): Promise<PersonDocument[]> {
  const people = await deps.store.query<PersonDocument>(committee.committeeId, { type: 'person' });
  return people.filter((person) => person.active && person.roles.includes('secretariat'));
}

function noticeOperation(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'>,
  secretariat: readonly PersonDocument[],
  dispatchId: string,
  message: AgendaDeadlineMessage,
): BatchOperation {
  const drafts = draftsForPeople(dispatchId, secretariat, { kind: AGENDA_DEADLINE_MESSAGE_KIND, data: { ...message } });
  return enqueueOperation(committee.committeeId, dispatchId, drafts, nowUtcIso(deps.clock), {
    kind: 'agendaDeadline',
    audience: 'secretariat',
    sessionNumber: message.sessionNumber,
  });
}

/** Queues the notice unless this dispatch exists already (a rerun of the same deadline). */
async function enqueueOnce(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'>,
  dispatchId: string,
  message: AgendaDeadlineMessage,
): Promise<void> {
  const operation = noticeOperation(deps, committee, await secretariatOf(deps, committee), dispatchId, message);
  try {
    await deps.store.batch(committee.committeeId, [operation]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}
