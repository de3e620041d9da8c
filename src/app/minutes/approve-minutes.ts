import { nowUtcIso } from '../../domain/clock';
import { reasonsBeforeApprovingMinutes } from '../../domain/confirmation/before-minutes-approval';
import { askFirst, type AskFirst, type GoAhead } from '../../domain/confirmation/go-ahead';
import { fail, ok, type Result } from '../../domain/result';
import { hasMinutes, nextState } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import { actionItemsOnApproval, followUpActionItems } from '../agreements/action-items-on-approval';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { MessageSpec } from '../ports/message-renderer';
import { withoutEtag, type BatchOperation, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { rosterSnapshot, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import type { MinutesDocument } from './minutes-document';
import {
  cardHeader,
  MINUTES_RESULTS_MESSAGE_KIND,
  resultsLinks,
  shownItems,
  type MinutesResultsMessage,
} from './minutes-messages';
import { openOrCreateMinutes, responsesTo } from './open-minutes';

export type ApproveRefusal =
  | { readonly kind: 'notCirculated' | 'alreadyApproved' | 'outdated' }
  /** A revision was saved after circulation: it must go out before it can be approved. */
  | { readonly kind: 'revisionNotCirculated'; readonly version: number; readonly circulatedVersion: number }
  /** A person is asked first (see `reasonsBeforeApprovingMinutes`); nothing was approved or sent. */
  | AskFirst
  | WrongState;

export interface Approved {
  readonly minutes: Stored<MinutesDocument>;
  /** True when this published a correction of minutes approved before. */
  readonly correction: boolean;
  readonly agreements: number;
  readonly toWorkingGroupConversation: boolean;
  /** The session as it stands afterwards (minutes approved), for the card that answers. */
  readonly session: Stored<SessionDocument>;
}

export interface ApproveOptions {
  /**
   * Whether a person is asked first, while the objection period runs or objections wait, and
   * what they confirmed; the scheduler's approval by silence goes ahead without questions.
   */
  readonly goAhead: GoAhead;
  /** The scheduler approves at the objection deadline. */
  readonly automatic: boolean;
}

/**
 * Approves the circulated minutes, or publishes a correction of approved ones. Approval is one
 * batch: the minutes frozen as approved, the session moved to "minutes approved", one action
 * item per agreement with its first messages, and one dispatch: the working group's results card
 * (results and agreements, never the internal discussion, with the extract's PDF) and an
 * "approved" notice with the full minutes' PDF to every recipient. Approving twice fails the
 * batch and sends nothing twice. A session that has no minutes is refused before any are opened.
 * While attendees may still object, or objections wait, a person who has not confirmed is asked
 * first (`goAhead`); what is already approved or not possible is answered before any question.
 */
export async function approveMinutes(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
  options: ApproveOptions,
): Promise<Result<Approved, ApproveRefusal>> {
  if (!hasMinutes(session.state)) return fail(wrongState(session, 'minutes'));
  const head = await openOrCreateMinutes(deps, committee, session, by);
  if (head.status === 'approved')
    return head.version > (head.publishedVersion ?? 0)
      ? publishCorrection(deps, committee, session, head)
      : fail({ kind: 'alreadyApproved' });
  const circulation = head.circulation;
  if (head.status !== 'circulated' || !circulation) return fail({ kind: 'notCirculated' });
  if (head.version !== circulation.version)
    return fail({ kind: 'revisionNotCirculated', version: head.version, circulatedVersion: circulation.version });
  const objections = (await responsesTo(deps, committee.committeeId, session.id, circulation.version)).filter(
    (response) => response.answer === 'object',
  ).length;
  const question = askFirst(
    reasonsBeforeApprovingMinutes(
      { objectionDeadline: circulation.objectionDeadline, objections },
      nowUtcIso(deps.clock),
    ),
    { version: head.version, objections },
    options.goAhead,
  );
  if (question) return fail(question);
  const next = nextState(session.state, 'approveMinutes');
  if (!next.ok) return fail(wrongState(session, 'minutes'));

  const nowIso = nowUtcIso(deps.clock);
  const approved: MinutesDocument = {
    ...withoutEtag(head),
    status: 'approved',
    approval: { version: head.version, at: nowIso, by, automatic: options.automatic },
    publishedVersion: head.version,
  };
  const movedSession: SessionDocument = {
    ...withoutEtag(session),
    state: next.value,
    revision: session.revision + 1,
    updatedAt: nowIso,
    updatedBy: by,
  };
  const actionItems = await actionItemsOnApproval(deps, committee, session, approved, by, nowIso);
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const dispatchId = `minutes-approved:${session.id}`;
  const drafts = [
    ...publicationDrafts(committee, session, approved, roster, dispatchId, false, options.automatic),
    ...actionItems.drafts,
  ];
  const operations: BatchOperation[] = [
    { op: 'replace', document: approved, ifMatch: head._etag },
    { op: 'replace', document: movedSession, ifMatch: session._etag },
    ...actionItems.operations,
    enqueueOperation(committee.committeeId, dispatchId, drafts, nowIso, {
      kind: 'minutesApproval',
      audience: 'recipients',
      sessionNumber: session.number,
    }),
  ];
  const saved = await savedUnlessChanged(() => deps.store.batch(committee.committeeId, operations));
  if (!saved.ok) {
    const now = await openOrCreateMinutes(deps, committee, session, by);
    return fail({ kind: now.status === 'approved' ? 'alreadyApproved' : 'outdated' });
  }
  const written = saved.value;
  await followUpActionItems(deps, committee);
  return ok({
    minutes: written[0] as Stored<MinutesDocument>,
    session: written[1] as Stored<SessionDocument>,
    correction: false,
    agreements: approved.items.reduce((sum, item) => sum + item.agreements.length, 0),
    toWorkingGroupConversation: Boolean(committee.workingGroupConversationId),
  });
}

/** Sends a correction saved after approval: recipients and the working group get the corrected minutes, marked as such. */
async function publishCorrection(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  head: Stored<MinutesDocument>,
): Promise<Result<Approved, ApproveRefusal>> {
  const nowIso = nowUtcIso(deps.clock);
  const published: MinutesDocument = { ...withoutEtag(head), publishedVersion: head.version };
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const dispatchId = `minutes-correction:${session.id}:v${head.version}`;
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(committee.committeeId, [
      { op: 'replace', document: published, ifMatch: head._etag },
      enqueueOperation(
        committee.committeeId,
        dispatchId,
        publicationDrafts(committee, session, published, roster, dispatchId, true, false),
        nowIso,
        { kind: 'minutesCorrection', audience: 'recipients', sessionNumber: session.number },
      ),
    ]),
  );
  if (!saved.ok) return saved;
  return ok({
    minutes: saved.value[0] as Stored<MinutesDocument>,
    session,
    correction: true,
    agreements: 0,
    toWorkingGroupConversation: Boolean(committee.workingGroupConversationId),
  });
}

/**
 * The approved (or corrected) minutes' messages: the working group's results card into its
 * conversation, or 1:1 to its people when none is set up; the recipients' notice 1:1.
 */
function publicationDrafts(
  committee: CommitteeDocument,
  session: SessionDocument,
  minutes: MinutesDocument,
  roster: RosterSnapshot,
  dispatchId: string,
  correction: boolean,
  automatic: boolean,
): OutboxDraft[] {
  const header = cardHeader(committee, session, minutes.version);
  const results: MinutesResultsMessage = {
    ...header,
    audience: 'workingGroup',
    correction,
    automatic,
    items: shownItems(minutes.items, roster, false),
  };
  const notice: MinutesResultsMessage = { ...header, audience: 'recipients', correction, automatic, items: [] };
  const spec = (message: MinutesResultsMessage): MessageSpec => ({
    kind: MINUTES_RESULTS_MESSAGE_KIND,
    data: { ...message },
    links: resultsLinks(message),
  });
  const [resultsSpec, noticeSpec] = [spec(results), spec(notice)];
  const recipientIds = new Set(minutes.circulation?.recipients ?? []);
  const recipients = [...roster.people.values()].filter((person) => recipientIds.has(person.aadObjectId));
  const workingGroupPeople: PersonDocument[] = committee.workingGroupConversationId
    ? []
    : [...roster.people.values()].filter((person) => person.active && person.roles.includes('workingGroup'));
  return [
    ...(committee.workingGroupConversationId
      ? [
          {
            key: `${dispatchId}:conversation`,
            recipient: { kind: 'conversation' as const, conversationDocumentId: committee.workingGroupConversationId },
            recipientLabel: 'working group',
            message: resultsSpec,
          },
        ]
      : []),
    ...draftsForPeople(`${dispatchId}:results`, workingGroupPeople, resultsSpec),
    ...draftsForPeople(`${dispatchId}:notice`, recipients, noticeSpec),
  ];
}
