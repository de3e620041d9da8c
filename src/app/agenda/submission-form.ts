import { topicDeadline } from '../../domain/agenda/submission-window';
import { maySubmitTopics } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { sessionById } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';

/** The session a submission form is for, with the deadline the form names. */
export interface FormSession {
  readonly id: string;
  readonly number: string;
  readonly deadline: string;
}

export function formSessionOf(
  committee: Pick<CommitteeDocument, 'leadTimes' | 'timeZone'>,
  session: Pick<SessionDocument, 'id' | 'number' | 'startsAt'>,
): FormSession {
  return {
    id: session.id,
    number: session.number,
    deadline: topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone),
  };
}

/**
 * A new submission's form: for the session a call-for-topics card names (none when the id is
 * unknown: the submission then goes to the next session that takes topics), prefilled with the
 * submitter's institution. Only those who may submit get it.
 */
export async function newSubmissionForm(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
): Promise<
  Result<
    { readonly session?: FormSession; readonly institution?: string },
    { readonly kind: 'noCommittee' | 'notAllowed' }
  >
> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!maySubmitTopics(actor)) return fail({ kind: 'notAllowed' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  return ok({
    ...(session ? { session: formSessionOf(actor.committee, session) } : {}),
    ...(actor.person?.institution ? { institution: actor.person.institution } : {}),
  });
}
