import { AGENDA_LIMITS, type AgendaItem } from '../../domain/agenda/agenda-items';
import { parseTriageDecision, type TriageInput, type TriageProblem } from '../../domain/agenda/triage-decision';
import { nowUtcIso } from '../../domain/clock';
import { isSafeIdPart } from '../../domain/ids';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { isBeforeHeld } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation, personRecipient, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { withoutEtag, type BatchOperation, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { personDocumentId } from '../../domain/ids';
import { sessionById, sessionsOf } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import { agendaWrite, loadAgenda, type LoadedAgenda } from './session-agenda';
import { type RecordedDecision, type SubmissionDocument } from './submission-document';
import { topicLine, type TopicLine } from './topic-overview';

/** The outbox message kind that tells a submitter the secretariat's decision. */
export const TOPIC_DECISION_MESSAGE_KIND = 'topicDecision';

/** What the decision message says; rendered in the submitter's language when sent. */
export interface TopicDecisionMessage {
  readonly decision: RecordedDecision['type'];
  readonly title: string;
  readonly sessionNumber: string;
  /** The item a merged submission joins. */
  readonly itemTitle?: string;
  /** The session a deferred submission moves to. */
  readonly nextSessionNumber?: string;
  readonly reason?: string;
}

export type DecideRefusal =
  | { readonly kind: 'noCommittee' | 'notAllowed' | 'unknownSubmission' | 'noFollowingSession' | 'tooManyItems' }
  | { readonly kind: 'alreadyDecided'; readonly submission: Stored<SubmissionDocument> }
  | WrongState
  | { readonly kind: 'outdated' }
  | { readonly kind: 'invalid'; readonly problems: readonly TriageProblem[] };

export interface Decided {
  readonly submission: Stored<SubmissionDocument>;
  readonly session: Stored<SessionDocument>;
}

/** A submission the secretariat opens from the triage card, with its session. */
export async function submissionForTriage(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
): Promise<Result<Decided, { readonly kind: 'noCommittee' | 'notAllowed' | 'unknownSubmission' }>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('topics', actor)) return fail({ kind: 'notAllowed' });
  if (typeof submissionId !== 'string' || !submissionId.startsWith('topic-') || !isSafeIdPart(submissionId))
    return fail({ kind: 'unknownSubmission' });
  const submission = await deps.store.get<SubmissionDocument>(actor.committeeId, submissionId);
  const session = submission && (await sessionById(deps.store, actor.committeeId, submission.sessionId));
  return submission && session ? ok({ submission, session }) : fail({ kind: 'unknownSubmission' });
}

/**
 * Records the secretariat's decision on a submission and tells the submitter 1:1, in one batch:
 * accepted, it becomes an agenda item (before the reports and any other business); merged, an
 * existing item takes it up; deferred, it moves to the following session, to be decided there;
 * declined, the submitter gets the reason. A decision is taken once; a second click or an
 * outdated card changes nothing.
 */
export async function decideTopic(
  deps: AppDependencies,
  actor: Actor,
  submissionId: unknown,
  revision: unknown,
  input: TriageInput,
): Promise<Result<Decided, DecideRefusal>> {
  const found = await submissionForTriage(deps, actor, submissionId);
  if (!found.ok) return found;
  const { submission, session } = found.value;
  if (submission.status !== 'submitted') return fail({ kind: 'alreadyDecided', submission });
  if (revision !== submission.revision) return fail({ kind: 'outdated' });
  if (!isBeforeHeld(session.state)) return fail(wrongState(session, 'agenda'));
  const parsed = parseTriageDecision(input);
  if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error });
  const decision = parsed.value;

  const nowIso = nowUtcIso(deps.clock);
  const by = actor.identity.aadObjectId;
  const recorded = (extra: Partial<RecordedDecision> = {}): RecordedDecision => ({
    type: decision.type,
    by,
    at: nowIso,
    ...extra,
  });
  const base = { ...withoutEtag(submission), revision: submission.revision + 1, updatedAt: nowIso };
  const message: TopicDecisionMessage = {
    decision: decision.type,
    title: submission.content.title,
    sessionNumber: session.number,
  };
  let changed: SubmissionDocument;
  let agendaOperation: BatchOperation | undefined;
  let notice = message;
  switch (decision.type) {
    case 'accept': {
      const loaded = await loadAgenda(deps.store, actor.committeeId, session);
      if (loaded.items.length >= AGENDA_LIMITS.items) return fail({ kind: 'tooManyItems' });
      const item: AgendaItem = {
        id: `item-${submission.id.slice('topic-'.length, 'topic-'.length + 24)}`,
        title: submission.content.title,
        ...decision.details,
        origin: { type: 'topic' },
        submissionIds: [submission.id],
      };
      agendaOperation = agendaWrite(
        actor.committeeId,
        session,
        loaded,
        { items: withItemBeforeReports(loaded, item) },
        nowIso,
        by,
      );
      changed = { ...base, status: 'accepted', decision: recorded({ itemId: item.id }) };
      break;
    }
    case 'merge': {
      const loaded = await loadAgenda(deps.store, actor.committeeId, session);
      const target = loaded.items.find((item) => item.id === decision.itemId && item.origin.type !== 'standard');
      if (!target) return fail({ kind: 'invalid', problems: [{ field: 'mergeInto', code: 'invalid' }] });
      const items = loaded.items.map((item) =>
        item === target ? { ...item, submissionIds: [...item.submissionIds, submission.id] } : item,
      );
      agendaOperation = agendaWrite(actor.committeeId, session, loaded, { items }, nowIso, by);
      changed = { ...base, status: 'merged', decision: recorded({ itemId: target.id }) };
      notice = { ...message, itemTitle: target.title };
      break;
    }
    case 'defer': {
      const following = await followingSession(deps, actor.committeeId, session);
      if (!following) return fail({ kind: 'noFollowingSession' });
      changed = { ...base, sessionId: following.id, deferredFrom: session.number, decision: recorded() };
      notice = { ...message, nextSessionNumber: following.number };
      break;
    }
    case 'decline':
      changed = { ...base, status: 'declined', decision: recorded({ reason: decision.reason }) };
      notice = { ...message, reason: decision.reason };
      break;
  }

  const submitter = await deps.store.get<PersonDocument>(actor.committeeId, personDocumentId(submission.personId));
  const draft: OutboxDraft = {
    key: `topic-decision:${submission.id}:${submission.revision}`,
    recipient: personRecipient({
      aadObjectId: submission.personId,
      ...(submitter?.contact ? { contact: submitter.contact } : {}),
      ...(submitter?.withoutTeams ? { withoutTeams: true } : {}),
    }),
    recipientLabel: submission.personName,
    message: { kind: TOPIC_DECISION_MESSAGE_KIND, data: { ...notice } },
  };
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(actor.committeeId, [
      { op: 'replace', document: changed, ifMatch: submission._etag },
      ...(agendaOperation ? [agendaOperation] : []),
      enqueueOperation(actor.committeeId, draft.key, [draft], nowIso, {
        kind: 'topicDecision',
        audience: 'recipients',
        sessionNumber: session.number,
      }),
    ]),
  );
  return saved.ok ? ok({ submission: saved.value[0] as Stored<SubmissionDocument>, session }) : saved;
}

/** A new item goes after the other topics, before the reports and any other business. */
function withItemBeforeReports(loaded: LoadedAgenda, item: AgendaItem): AgendaItem[] {
  const items = [...loaded.items];
  const at = items.findIndex(
    (existing) =>
      existing.origin.type === 'report' ||
      (existing.origin.type === 'standard' && existing.origin.standard === 'other'),
  );
  items.splice(at < 0 ? items.length : at, 0, item);
  return items;
}

/** The decision form's data: the submission, where it could be merged, and where a deferral would take it. */
export interface DecisionFormView {
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly submission: TopicLine;
  /** The agenda items (other than standard ones) a submission can be merged into. */
  readonly mergeTargets: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** The session a deferral would move it to; none when no later session is planned. */
  readonly followingSessionNumber?: string;
}

/** The decision form for a submission of the session. */
export async function decisionForm(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>,
  { submission, session }: Decided,
): Promise<DecisionFormView> {
  const loaded = await loadAgenda(deps.store, committee.committeeId, session);
  const following = await followingSession(deps, committee.committeeId, session);
  return {
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    submission: topicLine(submission),
    mergeTargets: loaded.items
      .filter((item) => item.origin.type !== 'standard')
      .map((item) => ({ id: item.id, title: item.title })),
    ...(following ? { followingSessionNumber: following.number } : {}),
  };
}

/** The next session after this one whose agenda is still being built: where a deferral goes. */
async function followingSession(
  deps: AppDependencies,
  committeeId: string,
  session: SessionDocument,
): Promise<Stored<SessionDocument> | undefined> {
  return (await sessionsOf(deps.store, committeeId)).find(
    (candidate) => isBeforeHeld(candidate.state) && candidate.startsAt > session.startsAt,
  );
}
