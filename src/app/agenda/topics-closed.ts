import { nowUtcIso } from '../../domain/clock';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import { ConflictError } from '../ports/store-errors';
import type { SessionDocument } from '../sessions/session-document';
import { submissionsFor } from './submission-document';

/** The outbox message kind that tells the secretariat the topic deadline has passed. */
export const TOPICS_CLOSED_MESSAGE_KIND = 'topicsClosed';

/** What that message says. */
export interface TopicsClosedMessage {
  readonly sessionNumber: string;
  readonly undecided: number;
  /** The deadline that passed, a UTC instant, and the committee's time zone to write it in (absent on older messages). */
  readonly deadline?: string;
  readonly timeZone?: string;
}

/**
 * At the topic deadline, tells each active secretariat member how many submissions wait for a
 * decision, so triage starts on time, naming the deadline as the call for topics did. Once per
 * deadline (`dueAt`, the deadline itself, is part of the key).
 */
export async function reportTopicsClosed(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>,
  session: SessionDocument,
  dueAt: string,
): Promise<void> {
  const [submissions, people] = await Promise.all([
    submissionsFor(deps.store, committee.committeeId, session.id),
    deps.store.query<PersonDocument>(committee.committeeId, { type: 'person' }),
  ]);
  const data: TopicsClosedMessage = {
    sessionNumber: session.number,
    undecided: submissions.filter((submission) => submission.status === 'submitted').length,
    deadline: dueAt,
    timeZone: committee.timeZone,
  };
  const dispatchId = `topics-closed:${session.id}:${dueAt}`;
  const secretariat = people.filter((person) => person.active && person.roles.includes('secretariat'));
  const drafts = draftsForPeople(dispatchId, secretariat, { kind: TOPICS_CLOSED_MESSAGE_KIND, data: { ...data } });
  const nowIso = nowUtcIso(deps.clock);
  try {
    await deps.store.batch(committee.committeeId, [
      enqueueOperation(committee.committeeId, dispatchId, drafts, nowIso, {
        kind: 'topicsClosed',
        audience: 'secretariat',
        sessionNumber: session.number,
      }),
    ]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}
