import { randomUUID } from 'node:crypto';
import { nowUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import { isCancelled } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import type { MeetingSyncResult } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import type { Logger } from '../ports/logger';
import type { GraphOutcome, MeetingEvent, OrganiserCalendar } from '../ports/organiser-calendar';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { answersOf } from '../sessions/invitation-drafts';
import { rosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import { adoptJoinLink } from './adopt-join-link';
import { changeMeeting } from './change-meeting';
import { meetingPlanOf, type MeetingPlan } from './meeting-event-request';
import {
  SESSION_MEETING_TYPE,
  sessionMeetingDocumentId,
  type SessionMeetingDocument,
} from './session-meeting-document';

export interface MeetingSyncDependencies extends AppDependencies {
  readonly organiserCalendar: OrganiserCalendar;
  readonly logger: Logger;
}

/** A Graph failure, for the outbox's delivery rules to decide on. */
export type MeetingSyncFailure = Extract<GraphOutcome<never>, { ok: false }>;

export type MeetingSyncOutcome = { readonly ok: true; readonly value: MeetingSyncResult } | MeetingSyncFailure;

/**
 * Brings the session's Outlook event in the organiser mailbox up to date with the session as it
 * is now, whatever the outbox record asking for it was queued for: so a late, repeated or
 * out-of-order record never undoes a newer change, and each record only says "look again".
 *
 * - No event yet: it is created with the meeting document's transaction id, which is written
 *   BEFORE Graph is called. A sender that stops after Graph's answer and before writing the
 *   event id retries with the same transaction id, and Graph answers with the event it made:
 *   never a second event. After the create, the Teams join link becomes the session's online
 *   link (see `adoptJoinLink`).
 * - An event: it is updated as a whole (subject, times in the committee's zone, place, body,
 *   attendees) unless it already shows this revision and these attendees. Outlook sends the
 *   attendees the update.
 * - Graph says the event is gone (404: someone deleted it in Outlook): it is created again,
 *   with a new transaction id, and the delivery report says so (`recreated`); the session's
 *   online link becomes the new event's, and invitees are told as for any change. Recreating,
 *   not merely reporting, because the session still takes place and the invited need the event
 *   and its link; the secretariat cancels a session in Gremium, not in Outlook.
 * - The session is cancelled: the event is cancelled with the secretariat's reason as the
 *   comment Outlook sends; an event already gone needs nothing more.
 *
 * Any other Graph failure comes back as it is, for the outbox to retry (429, 5xx, no answer)
 * or give up on.
 */
export async function syncSessionMeeting(
  deps: MeetingSyncDependencies,
  committeeId: string,
  sessionId: string,
): Promise<MeetingSyncOutcome> {
  const [session, committee] = await Promise.all([
    deps.store.get<SessionDocument>(committeeId, sessionId),
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
  ]);
  if (session?.type !== 'session' || committee?.type !== 'committee')
    return { ok: true, value: { action: 'unchanged', unreachable: [] } };
  const [roster, answers] = await Promise.all([
    rosterSnapshot(deps.store, committeeId),
    answersOf(deps.store, committeeId, sessionId),
  ]);
  const plan = meetingPlanOf(committee, session, roster, answers);
  const meeting = await deps.store.get<SessionMeetingDocument>(committeeId, sessionMeetingDocumentId(sessionId));
  if (isCancelled(session.state)) return cancel(deps, committee, session, meeting, plan);

  const current = meeting ?? (await startCreate(deps, session));
  if (!current.eventId) return create(deps, committee, session, current, plan, 'created');
  const emails = plan.request.attendees.map((attendee) => attendee.email.toLowerCase()).sort();
  if (
    current.syncedRevision === session.revision &&
    sameList(current.attendeeEmails ?? [], emails) &&
    !current.cancelled
  )
    return { ok: true, value: { action: 'unchanged', unreachable: plan.unreachable } };
  const updated = await deps.organiserCalendar.updateEvent(current.eventId, plan.request);
  if (!updated.ok && updated.status === 404) {
    deps.logger.warn(
      { committeeId, session: sessionId },
      'the Outlook event was deleted in Outlook; creating it again',
    );
    const fresh = await changeMeeting(deps, committeeId, sessionId, (stored) => {
      const { eventId: _gone, joinUrl: _link, webLink: _web, syncedRevision: _revision, ...rest } = stored;
      return { ...rest, transactionId: randomUUID() };
    });
    return create(deps, committee, session, fresh, plan, 'recreated');
  }
  if (!updated.ok) return updated;
  await recordEvent(deps, session, updated.value, emails);
  return { ok: true, value: { action: 'updated', unreachable: plan.unreachable } };
}

/** The meeting document with a fresh transaction id, written before the create is sent. */
async function startCreate(
  deps: MeetingSyncDependencies,
  session: SessionDocument,
): Promise<Stored<SessionMeetingDocument>> {
  const document: SessionMeetingDocument = {
    id: sessionMeetingDocumentId(session.id),
    committeeId: session.committeeId,
    type: SESSION_MEETING_TYPE,
    sessionId: session.id,
    transactionId: randomUUID(),
    updatedAt: nowUtcIso(deps.clock),
  };
  try {
    return await deps.store.create(document);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another sender started the same create: use its transaction id, so Graph makes one event.
    const stored = await deps.store.get<SessionMeetingDocument>(session.committeeId, document.id);
    if (!stored) throw error;
    return stored;
  }
}

async function create(
  deps: MeetingSyncDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  meeting: SessionMeetingDocument,
  plan: MeetingPlan,
  action: 'created' | 'recreated',
): Promise<MeetingSyncOutcome> {
  const created = await deps.organiserCalendar.createEvent({ ...plan.request, transactionId: meeting.transactionId });
  if (!created.ok) return created;
  const emails = plan.request.attendees.map((attendee) => attendee.email.toLowerCase()).sort();
  await recordEvent(deps, session, created.value, emails);
  if (created.value.joinUrl) await adoptJoinLink(deps, committee, session.id, created.value.joinUrl);
  return { ok: true, value: { action, unreachable: plan.unreachable } };
}

async function cancel(
  deps: MeetingSyncDependencies,
  committee: CommitteeDocument,
  session: Stored<SessionDocument>,
  meeting: Stored<SessionMeetingDocument> | undefined,
  plan: MeetingPlan,
): Promise<MeetingSyncOutcome> {
  if (!meeting) return { ok: true, value: { action: 'nothingToCancel', unreachable: [] } };
  if (meeting.cancelled) return { ok: true, value: { action: 'cancelled', unreachable: plan.unreachable } };
  let eventId = meeting.eventId;
  if (!eventId) {
    // A create was under way when the sender stopped: Graph may hold its event. Asking with the
    // same transaction id and no attendees finds it, or makes an empty one nobody is told of.
    const found = await deps.organiserCalendar.createEvent({
      ...plan.request,
      attendees: [],
      transactionId: meeting.transactionId,
    });
    if (!found.ok) return found;
    eventId = found.value.id;
  }
  const cancelled = await deps.organiserCalendar.cancelEvent(eventId, cancellationComment(committee, session));
  // 404: someone deleted it in Outlook, which told the attendees; nothing is left to cancel.
  if (!cancelled.ok && cancelled.status !== 404) return cancelled;
  await changeMeeting(deps, session.committeeId, session.id, (stored) => ({
    ...stored,
    eventId: eventId!,
    cancelled: true,
    syncedRevision: session.revision,
    updatedAt: nowUtcIso(deps.clock),
  }));
  return { ok: true, value: { action: 'cancelled', unreachable: plan.unreachable } };
}

/** The comment Outlook sends with the cancellation: which session, and the secretariat's reason. */
export function cancellationComment(
  committee: Pick<CommitteeDocument, 'name'>,
  session: Pick<SessionDocument, 'number' | 'extra' | 'cancellationReason'>,
): string {
  const kind = session.extra ? 'Sondersitzung' : 'Sitzung';
  const text = `Die ${kind} ${session.number} des Gremiums ${committee.name} entfällt.`;
  return session.cancellationReason ? `${text} Grund: ${session.cancellationReason}` : text;
}

/** What Graph answered, kept in the meeting document. */
async function recordEvent(
  deps: MeetingSyncDependencies,
  session: SessionDocument,
  event: MeetingEvent,
  emails: readonly string[],
): Promise<void> {
  await changeMeeting(deps, session.committeeId, session.id, (stored) => ({
    ...stored,
    eventId: event.id,
    ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
    ...(event.webLink ? { webLink: event.webLink } : {}),
    syncedRevision: session.revision,
    attendeeEmails: emails,
    updatedAt: nowUtcIso(deps.clock),
  }));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
