import { topicDeadline } from '../../domain/agenda/submission-window';
import { nowUtcIso } from '../../domain/clock';
import { reasonsBeforeCallingForTopics } from '../../domain/confirmation/before-call-for-topics';
import { askFirst, NO_QUESTIONS, type AskFirst, type GoAhead } from '../../domain/confirmation/go-ahead';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { callForTopicsIsOut, withCallAsFact } from '../../domain/sessions/session-state';
import { callForTopicsStanding, type TrackRules } from '../../domain/sessions/session-tracks';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { withoutEtag, type DocumentStore, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import {
  chosenSessionForCommand,
  nextSessionThat,
  sessionsOf,
  type SessionAccess,
  type SessionAccessRefusal,
} from '../sessions/find-session';
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
  /** The call went out before; `deadline` is when its topic collection ends. */
  | { readonly kind: 'alreadyCalled'; readonly session: Stored<SessionDocument>; readonly deadline: string }
  | WrongState
  /** Too late for this session; `next` is the next session whose call can still go out, if any. */
  | { readonly kind: 'deadlinePassed'; readonly deadline: string; readonly next?: string }
  | { readonly kind: 'outdated' }
  /** A person is asked first, always: the call reaches the whole working group. Nothing was sent. */
  | AskFirst;

export interface Called {
  readonly session: Stored<SessionDocument>;
  readonly deadline: string;
  /** Whether the working group's conversation was addressed (it is set up). */
  readonly toConversation: boolean;
  /** Working group members told 1:1. */
  readonly toPeople: number;
}

/**
 * Calls on the working group for topics for the session: one card to its conversation (team
 * channel or group chat), and one to each working group member 1:1, in the same batch as the
 * call's time on the session. The call is a track of its own: it goes out from a prepared
 * session, invited or not, once, until the topic deadline (see `callForTopicsStanding`); calling
 * again sends nothing twice. `by` is a person's id or `scheduler`. A person is asked first
 * (`goAhead`) whom it reaches; the scheduler's call on its date is not.
 */
export async function callForTopics(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
  goAhead: GoAhead = NO_QUESTIONS,
): Promise<Result<Called, CallRefusal>> {
  const nowIso = nowUtcIso(deps.clock);
  const deadline = topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone);
  const refusal = await callRefusal(deps, committee, session, nowIso);
  if (refusal) return fail(refusal);

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
  const question = askFirst(
    reasonsBeforeCallingForTopics({
      people: workingGroup.length,
      toConversation: Boolean(committee.workingGroupConversationId),
      topicDeadline: deadline,
    }),
    { revision: session.revision },
    goAhead,
  );
  if (question) return fail(question);
  const called: SessionDocument = {
    ...withCallAsFact(withoutEtag(session)),
    topicsCalledAt: nowIso,
    updatedAt: nowIso,
    updatedBy: by,
  };
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(committee.committeeId, [
      { op: 'replace', document: called, ifMatch: session._etag },
      enqueueOperation(committee.committeeId, `call:${session.id}`, drafts, nowIso, {
        kind: 'callForTopics',
        audience: 'workingGroup',
        sessionNumber: session.number,
      }),
    ]),
  );
  if (!saved.ok) {
    const now = await deps.store.get<SessionDocument>(committee.committeeId, session.id);
    return now && callForTopicsIsOut(now) ? fail({ kind: 'alreadyCalled', session: now, deadline }) : saved;
  }
  return ok({
    session: saved.value[0] as Stored<SessionDocument>,
    deadline,
    toConversation: Boolean(committee.workingGroupConversationId),
    toPeople: workingGroup.length,
  });
}

/**
 * Whether the session's call can go out now as the rules of its track say: its deadline and what
 * was sent. Where not, the refusal names the next session whose call still can.
 */
async function callRefusal(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  nowIso: string,
): Promise<CallRefusal | undefined> {
  const deadline = topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone);
  const standing = callForTopicsStanding(session, committee, nowIso);
  if (standing === 'possible') return undefined;
  if (standing === 'alreadyOut') return { kind: 'alreadyCalled', session, deadline };
  const next = await nextSessionThat(deps.store, committee.committeeId, session, (later) =>
    mayCallForTopics(later, committee, nowIso),
  );
  if (standing === 'deadlinePassed')
    return { kind: 'deadlinePassed', deadline, ...(next ? { next: next.number } : {}) };
  return wrongState(session, 'callForTopics', next);
}

/** Whether the session's call for topics can go out at `nowIso`: what a command without a number looks for. */
export function mayCallForTopics(session: SessionDocument, rules: TrackRules, nowIso: string): boolean {
  return callForTopicsStanding(session, rules, nowIso) === 'possible';
}

/** A session whose call for topics is out and running, as the answer to a call names it. */
export interface RunningCall {
  readonly number: string;
  /** The end of its topic deadline, a UTC instant. */
  readonly deadline: string;
}

/**
 * The session `themenaufruf` is about: the one it names, or without a number the next session
 * whose call can still go out (prepared, before its topic deadline, not called yet), never a
 * later one while an earlier one qualifies. `running` are the earlier sessions passed over
 * because their call is already out, so the answer can say why the call went to a later one.
 */
export async function sessionForCall(
  store: DocumentStore,
  actor: Actor,
  argument: string,
  nowIso: string,
): Promise<Result<SessionAccess & { readonly running: readonly RunningCall[] }, SessionAccessRefusal>> {
  const committee = actor.committee;
  const access = await chosenSessionForCommand(
    store,
    actor,
    'callForTopics',
    argument,
    (_state, session) => committee !== undefined && mayCallForTopics(session, committee, nowIso),
    nowIso,
  );
  if (!access.ok || argument.trim() || !committee) return access.ok ? ok({ ...access.value, running: [] }) : access;
  const chosen = access.value.session;
  const running = (await sessionsOf(store, committee.committeeId))
    .filter(
      (session) =>
        session.startsAt < chosen.startsAt &&
        session.startsAt > nowIso &&
        callForTopicsStanding(session, committee, nowIso) === 'alreadyOut',
    )
    .map((session) => ({
      number: session.number,
      deadline: topicDeadline(session.startsAt, committee.leadTimes, committee.timeZone),
    }))
    .filter((call) => call.deadline > nowIso);
  return ok({ ...access.value, running });
}

/** The secretariat's call, by command, once confirmed on its question's card. */
export async function callForTopicsAsSecretariat(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
  goAhead: GoAhead,
): Promise<Result<Called, CallRefusal | { readonly kind: 'notAllowed' | 'noCommittee' }>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('callForTopics', actor)) return fail({ kind: 'notAllowed' });
  return callForTopics(deps, actor.committee, session, actor.identity.aadObjectId, goAhead);
}
