import { nowUtcIso } from '../../domain/clock';
import type { NotCurrentReason } from '../../domain/current-holder';
import { objectionsOpenAt } from '../../domain/minutes/objection-deadline';
import { fail, ok, type Result } from '../../domain/result';
import { checkText, type TextProblemCode } from '../../domain/text-input';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { BatchOperation, Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { sessionById } from '../sessions/find-session';
import { rosterSnapshot } from '../sessions/roster-snapshot';
import { changedItemIds } from '../../domain/minutes/minutes-versions';
import { reviewMessage } from './circulate-minutes';
import { whyAttendeeNotCurrent } from './minutes-recipients';
import {
  minutesDocumentId,
  minutesVersionDocumentId,
  type MinutesDocument,
  type MinutesVersionDocument,
} from './minutes-document';
import type { MinutesReviewMessage } from './minutes-messages';
import {
  MINUTES_ANSWERS,
  minutesResponseDocumentId,
  type MinutesAnswer,
  type MinutesResponseDocument,
} from './minutes-response-document';
import type { CommitteeDocument } from '../documents';
import type { SessionDocument } from '../sessions/session-document';

/** The review form's input ids for the item at `index` (from 0) of the circulated version. */
export function answerField(index: number): string {
  return `answer_${index}`;
}
export function commentField(index: number): string {
  return `comment_${index}`;
}

export type ResponseProblem =
  | { readonly item: number; readonly code: 'commentRequired' | 'invalidAnswer' }
  | { readonly item: number; readonly code: TextProblemCode; readonly max: number }
  | { readonly item: 0; readonly code: 'nothing' };

export type RespondRefusal =
  | { readonly kind: 'noCommittee' | 'unknownSession' | 'notCirculated' | 'notRecipient' | 'approved' }
  | { readonly kind: 'late'; readonly deadline: string }
  /** The attendee was erased, deactivated or no longer holds a seat that attended: nothing is stored. */
  | { readonly kind: 'notCurrent'; readonly reason: NotCurrentReason }
  /** The card shows a version that is no longer the circulated one; the current one comes back. */
  | { readonly kind: 'outdated'; readonly current: MinutesReviewMessage }
  | { readonly kind: 'invalid'; readonly current: MinutesReviewMessage; readonly problems: readonly ResponseProblem[] };

/**
 * An attendee agrees or objects, item by item, to the circulated version before its deadline.
 * One document per person, item and version: answering again replaces one's own answer (with its
 * ETag), never someone else's. An objection needs a comment. Only attendees who are still
 * current (active, not erased, holding a seat that attended) answer. Returns the card with the answers
 * as stored, as the receipt.
 */
export async function respondToMinutes(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
  version: unknown,
  fields: Readonly<Record<string, unknown>>,
): Promise<Result<MinutesReviewMessage, RespondRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: 'unknownSession' });
  const head = await deps.store.get<MinutesDocument>(actor.committeeId, minutesDocumentId(session.id));
  const circulation = head?.circulation;
  if (!head || !circulation) return fail({ kind: 'notCirculated' });
  const personId = actor.identity.aadObjectId;
  if (!(circulation.attendees ?? []).includes(personId)) return fail({ kind: 'notRecipient' });
  const notCurrent = await whyAttendeeNotCurrent(deps.store, actor.committeeId, session.id, personId, actor.person);
  if (notCurrent) return fail({ kind: 'notCurrent', reason: notCurrent });
  if (head.status === 'approved') return fail({ kind: 'approved' });
  const nowIso = nowUtcIso(deps.clock);
  if (!objectionsOpenAt(circulation.objectionDeadline, nowIso))
    return fail({ kind: 'late', deadline: circulation.objectionDeadline });
  const circulated = await circulatedItems(deps, head);
  const current = async (answers?: Record<string, { answer: MinutesAnswer; comment?: string }>) =>
    receipt(deps, committee, session, head, circulated, personId, answers);
  if (version !== circulation.version) return fail({ kind: 'outdated', current: await current() });

  // An objection sent again without a comment keeps the comment given before.
  const earlier = await ownAnswers(deps, actor.committeeId, session.id, circulation.version, personId);
  const problems: ResponseProblem[] = [];
  const answers: Array<{ itemId: string; answer: MinutesAnswer; comment?: string }> = [];
  circulated.forEach((item, index) => {
    const answer = fields[answerField(index)];
    if (answer === undefined || answer === '') return;
    if (!MINUTES_ANSWERS.includes(answer as MinutesAnswer)) {
      problems.push({ item: index + 1, code: 'invalidAnswer' });
      return;
    }
    const comment =
      checkText('objectionComment', fields[commentField(index)], (code, max) =>
        problems.push({ item: index + 1, code, max }),
      ) ?? (answer === 'object' ? earlier[item.itemId]?.comment : undefined);
    if (answer === 'object' && !comment) {
      if (!problems.some((problem) => problem.item === index + 1))
        problems.push({ item: index + 1, code: 'commentRequired' });
      return;
    }
    answers.push({ itemId: item.itemId, answer: answer as MinutesAnswer, ...(comment ? { comment } : {}) });
  });
  if (problems.length === 0 && answers.length === 0) problems.push({ item: 0, code: 'nothing' });
  if (problems.length > 0) return fail({ kind: 'invalid', current: await current(), problems });

  for (let attempt = 1; ; attempt += 1) {
    const operations: BatchOperation[] = [];
    for (const answer of answers) {
      const id = minutesResponseDocumentId(session.id, circulation.version, answer.itemId, personId);
      const stored = await deps.store.get<MinutesResponseDocument>(actor.committeeId, id);
      const document: MinutesResponseDocument = {
        id,
        committeeId: actor.committeeId,
        type: 'minutesResponse',
        sessionId: session.id,
        version: circulation.version,
        itemId: answer.itemId,
        personId,
        answer: answer.answer,
        ...(answer.comment ? { comment: answer.comment } : {}),
        answeredAt: nowIso,
      };
      operations.push(stored ? { op: 'replace', document, ifMatch: stored._etag } : { op: 'create', document });
    }
    try {
      await deps.store.batch(actor.committeeId, operations);
      break;
    } catch (error) {
      // The same person answering twice at once: read the answers again and write over them.
      if (attempt >= 3 || !(error instanceof ConcurrencyError || error instanceof ConflictError)) throw error;
    }
  }
  return ok(await current(await ownAnswers(deps, actor.committeeId, session.id, circulation.version, personId)));
}

/** The items as they went out: the head's, or the circulated version's when a revision is being written. */
async function circulatedItems(deps: AppDependencies, head: MinutesDocument): Promise<MinutesDocument['items']> {
  const version = head.circulation!.version;
  if (head.version === version) return head.items;
  const stored = await deps.store.get<MinutesVersionDocument>(
    head.committeeId,
    minutesVersionDocumentId(head.sessionId, version),
  );
  return stored?.items ?? head.items;
}

async function ownAnswers(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  version: number,
  personId: string,
): Promise<Record<string, { answer: MinutesAnswer; comment?: string }>> {
  const responses = await deps.store.query<MinutesResponseDocument>(committeeId, {
    type: 'minutesResponse',
    where: [
      { field: 'sessionId', op: '=', value: sessionId },
      { field: 'version', op: '=', value: version },
      { field: 'personId', op: '=', value: personId },
    ],
  });
  return Object.fromEntries(
    responses.map((response) => [
      response.itemId,
      { answer: response.answer, ...(response.comment ? { comment: response.comment } : {}) },
    ]),
  );
}

async function receipt(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: SessionDocument,
  head: MinutesDocument,
  items: MinutesDocument['items'],
  personId: string,
  answers?: Record<string, { answer: MinutesAnswer; comment?: string }>,
): Promise<MinutesReviewMessage> {
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const circulation = head.circulation!;
  let changed: string[] = [];
  if (circulation.previousVersion !== undefined) {
    const before = await deps.store.get<MinutesVersionDocument>(
      committee.committeeId,
      minutesVersionDocumentId(session.id, circulation.previousVersion),
    );
    if (before) changed = changedItemIds(before.items, items);
  }
  const message = reviewMessage(committee, session, { items, circulation }, roster, changed, true);
  return {
    ...message,
    answers: answers ?? (await ownAnswers(deps, committee.committeeId, session.id, circulation.version, personId)),
  };
}
