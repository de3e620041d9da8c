import { topicDeadline } from '../../domain/agenda/submission-window';
import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { isRepeatOf, nextState } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { withoutEtag, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import type { SessionDocument } from '../sessions/session-document';

/** The outbox message kind of the call for topics; the cards layer renders it. */
export const CALL_FOR_TOPICS_MESSAGE_KIND = 'callForTopics';

/** What the call-for-topics card shows: which session, until when, and where to answer. */
export interface CallForTopicsView {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** The end of the topic deadline, a UTC instant. */
  readonly deadline: string;
}

export type CallRefusal =
  | { readonly kind: 'alreadyCalled'; readonly session: Stored<SessionDocument> }
  | WrongState
  | { readonly kind: 'deadlinePassed'; readonly deadline: string }
  | { readonly kind: 'outdated' };

export interface Called {
  readonly session: Stored<SessionDocument>;
  readonly deadline: string;
  /** Whether the working group's conversation was addressed (it is set up). */
  readonly toConversation: boolean;
  /** Working group members told 1:1. */
  readonly toPeople: number;
}

/**
 * Opens the session for topics and calls on the working group: one card to its conversation
 * (team channel or group chat), and one to each working group member 1:1, in the same batch as
 * the state change. Calling again sends nothing twice. `by` is a person's id or `scheduler`.
 */
export async function callForTopics(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
): Promise<Result<Called, CallRefusal>> {
  if (isRepeatOf(session.state, 'openTopics')) return fail({ kind: 'alreadyCalled', session });
  const next = nextState(session.state, 'openTopics');
  if (!next.ok) return fail(wrongState(session));
  const nowIso = nowUtcIso(deps.clock);
  const deadline = topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone);
  if (nowIso >= deadline) return fail({ kind: 'deadlinePassed', deadline });

  const view: CallForTopicsView = {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    deadline,
  };
  const message = { kind: CALL_FOR_TOPICS_MESSAGE_KIND, data: { ...view } };
  const workingGroup = (await deps.store.query<PersonDocument>(committee.committeeId, { type: 'person' })).filter(
    (person) => person.active && person.roles.includes('workingGroup'),
  );
  const drafts: OutboxDraft[] = [
    ...(committee.workingGroupConversationId
      ? [
          {
            key: `call:${session.id}:conversation`,
            recipient: { kind: 'conversation' as const, conversationDocumentId: committee.workingGroupConversationId },
            recipientLabel: 'working group',
            message,
          },
        ]
      : []),
    ...draftsForPeople(`call:${session.id}`, workingGroup, message),
  ];
  const opened: SessionDocument = { ...withoutEtag(session), state: next.value, updatedAt: nowIso, updatedBy: by };
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(committee.committeeId, [
      { op: 'replace', document: opened, ifMatch: session._etag },
      enqueueOperation(committee.committeeId, `call:${session.id}`, drafts, nowIso, {
        kind: 'callForTopics',
        audience: 'workingGroup',
        sessionNumber: session.number,
      }),
    ]),
  );
  if (!saved.ok) {
    const now = await deps.store.get<SessionDocument>(committee.committeeId, session.id);
    return now && isRepeatOf(now.state, 'openTopics') ? fail({ kind: 'alreadyCalled', session: now }) : saved;
  }
  return ok({
    session: saved.value[0] as Stored<SessionDocument>,
    deadline,
    toConversation: Boolean(committee.workingGroupConversationId),
    toPeople: workingGroup.length,
  });
}

/** The secretariat's call, by command. */
export async function callForTopicsAsSecretariat(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
): Promise<Result<Called, CallRefusal | { readonly kind: 'notAllowed' | 'noCommittee' }>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('callForTopics', actor)) return fail({ kind: 'notAllowed' });
  return callForTopics(deps, actor.committee, session, actor.identity.aadObjectId);
}
