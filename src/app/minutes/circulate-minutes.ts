import { nowUtcIso } from '../../domain/clock';
import { minutesSettingsOf } from '../../domain/committee';
import { objectionDeadline } from '../../domain/minutes/objection-deadline';
import { REVIEW_TEXT_BUDGET } from '../../domain/minutes/card-budget';
import { changedItemIds } from '../../domain/minutes/minutes-versions';
import { fail, ok, type Result } from '../../domain/result';
import { hasMinutes, isRepeatOf, nextState } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import { withoutEtag, type BatchOperation, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { rosterSnapshot, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import {
  minutesVersionDocumentId,
  type MinutesCirculation,
  type MinutesDocument,
  type MinutesVersionDocument,
} from './minutes-document';
import { scheduleMinutesJob } from './minutes-jobs';
import {
  cardHeader,
  MINUTES_REVIEW_MESSAGE_KIND,
  reviewLinks,
  shownItems,
  type MinutesReviewMessage,
} from './minutes-messages';
import { minutesRecipients } from './minutes-recipients';
import { openOrCreateMinutes } from './open-minutes';

export type CirculateRefusal =
  /** This version is already out: sending it again would send nothing new. */
  | { readonly kind: 'alreadyCirculated'; readonly version: number }
  | { readonly kind: 'approved' }
  | WrongState
  | { readonly kind: 'noRecipients' }
  | { readonly kind: 'outdated' };

export interface Circulated {
  readonly minutes: Stored<MinutesDocument>;
  readonly session: Stored<SessionDocument>;
  readonly attendees: number;
  readonly recipients: number;
  readonly round: number;
}

/**
 * Sends the minutes out for objections: the draft the first time, a revision later. In one
 * batch the head becomes circulated (with the objection deadline and its recipients), the
 * session moves on to "minutes circulated", and one review card per recipient goes into the
 * outbox, keyed by the round so that sending a round again sends nothing twice. Recipients of
 * an earlier round see which items changed since. The deadline job is scheduled afterwards.
 * A session that has no minutes (not held yet, or cancelled) is refused before any are opened.
 */
export async function circulateMinutes(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
): Promise<Result<Circulated, CirculateRefusal>> {
  if (!hasMinutes(session.state)) return fail(wrongState(session, 'minutes'));
  const head = await openOrCreateMinutes(deps, committee, session, by);
  if (head.status === 'approved') return fail({ kind: 'approved' });
  if (head.circulation && head.circulation.version === head.version)
    return fail({ kind: 'alreadyCirculated', version: head.version });
  let state = session.state;
  if (!isRepeatOf(state, 'circulateMinutes')) {
    const next = nextState(state, 'circulateMinutes');
    if (!next.ok) return fail(wrongState(session, 'minutes'));
    state = next.value;
  }
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const { attendees, secretariat } = await minutesRecipients(deps.store, committee.committeeId, session.id, roster);
  if (attendees.length + secretariat.length === 0) return fail({ kind: 'noRecipients' });

  const nowIso = nowUtcIso(deps.clock);
  const round = (head.circulation?.round ?? 0) + 1;
  const circulation: MinutesCirculation = {
    version: head.version,
    at: nowIso,
    by,
    objectionDeadline: objectionDeadline(nowIso, minutesSettingsOf(committee).objectionDays, committee.timeZone),
    recipients: [...attendees, ...secretariat].map((person) => person.aadObjectId),
    round,
    attendees: attendees.map((person) => person.aadObjectId),
    ...(head.circulation ? { previousVersion: head.circulation.version } : {}),
  };
  const circulated: MinutesDocument = {
    ...withoutEtag(head),
    status: 'circulated',
    circulation,
    publishedVersion: head.version,
  };
  const previous = head.circulation
    ? await deps.store.get<MinutesVersionDocument>(
        committee.committeeId,
        minutesVersionDocumentId(session.id, head.circulation.version),
      )
    : undefined;
  const changed = previous ? changedItemIds(previous.items, head.items) : [];
  const hadBefore = new Set(head.circulation?.recipients ?? []);
  const dispatchId = `minutes-circulate:${session.id}:r${round}`;
  const message = (person: { aadObjectId: string }, mayAnswer: boolean) => {
    const review = reviewMessage(
      committee,
      session,
      circulated,
      roster,
      hadBefore.has(person.aadObjectId) ? changed : [],
      mayAnswer,
    );
    return { kind: MINUTES_REVIEW_MESSAGE_KIND, data: { ...review }, links: reviewLinks(review) };
  };
  const drafts: OutboxDraft[] = [
    ...attendees.map((person) => [person, true] as const),
    ...secretariat.map((person) => [person, false] as const),
  ].flatMap(([person, mayAnswer]) => draftsForPeople(dispatchId, [person], message(person, mayAnswer)));

  const operations: BatchOperation[] = [
    { op: 'replace', document: circulated, ifMatch: head._etag },
    enqueueOperation(committee.committeeId, dispatchId, drafts, nowIso, {
      kind: 'minutesCirculation',
      audience: 'recipients',
      sessionNumber: session.number,
    }),
  ];
  const movedSession: SessionDocument = {
    ...withoutEtag(session),
    state,
    revision: session.revision + 1,
    updatedAt: nowIso,
    updatedBy: by,
  };
  if (state !== session.state) operations.push({ op: 'replace', document: movedSession, ifMatch: session._etag });
  const saved = await savedUnlessChanged(() => deps.store.batch(committee.committeeId, operations));
  if (!saved.ok) return saved;
  const stored = saved.value as Array<Stored<MinutesDocument> | undefined>;
  await scheduleMinutesJob(deps, committee.committeeId, session.id, circulation.objectionDeadline);
  const sessionNow =
    state !== session.state
      ? ((await deps.store.get<SessionDocument>(committee.committeeId, session.id)) ?? session)
      : session;
  return ok({
    minutes: stored[0]!,
    session: sessionNow,
    attendees: attendees.length,
    recipients: attendees.length + secretariat.length,
    round,
  });
}

/** The review card's data for one recipient of the circulated version. */
export function reviewMessage(
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone'>,
  session: Pick<SessionDocument, 'id' | 'number' | 'startsAt'>,
  minutes: Pick<MinutesDocument, 'items'> & { readonly circulation?: MinutesCirculation },
  roster: RosterSnapshot,
  changedItemIds: readonly string[],
  mayAnswer: boolean,
): MinutesReviewMessage {
  const circulation = minutes.circulation!;
  return {
    ...cardHeader(committee, session, circulation.version),
    round: circulation.round,
    objectionDeadline: circulation.objectionDeadline,
    items: shownItems(minutes.items, roster, true, REVIEW_TEXT_BUDGET),
    changedItemIds,
    mayAnswer,
  };
}
