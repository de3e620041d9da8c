import { nowUtcIso } from '../../domain/clock';
import { invitationOf } from '../../domain/sessions/invitation';
import { answerFromOutlook } from '../../domain/sessions/outlook-answer';
import { rsvpDeadline, type RsvpAnswer } from '../../domain/sessions/rsvp';
import { canAnswer } from '../../domain/sessions/seat-standing';
import { auditContext, type AuditActor } from '../audit/audit-context';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Stored } from '../ports/document-store';
import { silentLogger } from '../ports/logger';
import type { MeetingEvent } from '../ports/organiser-calendar';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import { answersOf } from '../sessions/invitation-drafts';
import { invitationStatus } from '../sessions/invitation-view';
import { rosterSnapshot, standingIn, type RosterSnapshot } from '../sessions/roster-snapshot';
import { saveAnswer } from '../sessions/save-answer';
import type { SessionDocument } from '../sessions/session-document';
import { sessionMeetingDocumentId, type SessionMeetingDocument } from './session-meeting-document';

/** The job kind that reads a committee's Outlook answers hourly; also the audit trail's reason. */
export const OUTLOOK_ANSWERS_JOB = 'outlookAnswers';

/** Who the audit trail names for answers taken over from Outlook. */
const OUTLOOK_READER: AuditActor = { actorId: 'scheduler', source: 'scheduler', reason: OUTLOOK_ANSWERS_JOB };

/** What one read of a session's Outlook answers came to. */
export type OutlookAnswersRead =
  /** Graph is not configured, the session has no event (yet), or its answers are no longer read. */
  | { readonly kind: 'skipped' }
  /** Graph did not answer as it should: nothing was changed; the next read tries again. */
  | { readonly kind: 'failed'; readonly status: number | null }
  | {
      readonly kind: 'read';
      /** Answers stored because Outlook said something new. */
      readonly changed: number;
      /** Attendees whose address is no roster person's (counted in the log line, never named). */
      readonly unknownAddresses: number;
    };

/**
 * Reads the answers the attendees gave in Outlook from the session's event and stores those that
 * say something new as their answers, marked as given in Outlook, each in the person's one answer
 * document; a decline calls the seat's deputy in as a decline on the card does (see
 * `saveAnswer`). Which answer counts is `answerFromOutlook`'s rule: the later one, so a Teams
 * answer stands against an older Outlook reply. Reading the same replies again writes nothing,
 * not even `answersReadAt`, which notes the last read that took over answers.
 *
 * Attendees are matched to roster people by e-mail address, ignoring case; an address no one on
 * the roster has, someone not invited, or someone who can no longer answer for the seat is left
 * out. A Graph failure changes nothing and is logged without addresses. Answers are read only
 * while the invitations are out and the session has not begun.
 */
export async function readOutlookAnswers(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'timeZone'>,
  session: Stored<SessionDocument>,
): Promise<OutlookAnswersRead> {
  const calendar = deps.organiserCalendar;
  const logger = deps.logger ?? silentLogger;
  const nowIso = nowUtcIso(deps.clock);
  const status = invitationStatus(session, committee.timeZone, nowIso);
  if (!deps.organiserMailbox || !calendar || !session.invitedSeats || (status !== 'open' && status !== 'closed'))
    return { kind: 'skipped' };
  const meeting = await deps.store.get<SessionMeetingDocument>(
    committee.committeeId,
    sessionMeetingDocumentId(session.id),
  );
  if (!meeting?.eventId || meeting.cancelled) return { kind: 'skipped' };

  const event = await calendar.getEvent(meeting.eventId);
  if (!event.ok) {
    logger.warn(
      { committeeId: committee.committeeId, sessionId: session.id, status: event.status, code: event.code },
      'outlook answers could not be read; the next read tries again',
    );
    return { kind: 'failed', status: event.status };
  }

  const [roster, stored] = await Promise.all([
    rosterSnapshot(deps.store, committee.committeeId),
    answersOf(deps.store, committee.committeeId, session.id),
  ]);
  const people = peopleByAddress(roster);
  const deadline = rsvpDeadline(session.startsAt, committee.timeZone);
  let answers: readonly RsvpAnswer[] = stored;
  const etags = new Map(stored.map((answer) => [answer.personId, answer._etag]));
  const counts = { changed: 0, unknownAddresses: 0, notInvited: 0, raced: 0 };
  const take = async (attendee: MeetingEvent['attendees'][number], personId: string): Promise<boolean> => {
    const invitation = invitationOf(session.invitedSeats ?? [], answers, personId);
    if (!invitation || !canAnswer(invitation, standingIn(roster, invitation.seat))) return false;
    const current = answers.find((answer) => answer.personId === personId);
    const who = { seatId: invitation.seat.id, personId };
    const answer = answerFromOutlook(attendee, who, current, nowIso, deadline);
    if (!answer) return true;
    const etag = etags.get(personId);
    const write = { kind: 'ifUnchanged' as const, ...(etag ? { etag } : {}) };
    if (await saveAnswer(deps, committee, session, invitation, roster, answers, answer, nowIso, write)) {
      counts.changed += 1;
      answers = [...answers.filter((other) => other.personId !== personId), answer];
    } else counts.raced += 1;
    return true;
  };
  // The answers are the attendees' own, taken over automatically, whoever's turn triggered the
  // read (a reminder button): the audit trail records them as such, not as that person's.
  await auditContext.run(OUTLOOK_READER, async () => {
    // A deputy the member's Outlook decline calls in is invited only after that decline is taken.
    const later: Array<[MeetingEvent['attendees'][number], string]> = [];
    for (const attendee of attendeesOnce(event.value)) {
      const personId = people.get(attendee.email.trim().toLowerCase());
      if (!personId) counts.unknownAddresses += 1;
      else if (!(await take(attendee, personId))) later.push([attendee, personId]);
    }
    for (const [attendee, personId] of later) if (!(await take(attendee, personId))) counts.notInvited += 1;
    if (counts.changed > 0) await noteRead(deps, meeting, nowIso);
  });
  logger.info({ committeeId: committee.committeeId, sessionId: session.id, ...counts }, 'outlook answers read');
  return { kind: 'read', changed: counts.changed, unknownAddresses: counts.unknownAddresses };
}

/** Roster people by e-mail address in lower case; the first person keeps an address given twice. */
function peopleByAddress(roster: RosterSnapshot): ReadonlyMap<string, string> {
  const byAddress = new Map<string, string>();
  for (const person of roster.people.values()) {
    const address = person.email?.trim().toLowerCase();
    if (address && !byAddress.has(address)) byAddress.set(address, person.aadObjectId);
  }
  return byAddress;
}

/** Each address once: Outlook may list an attendee twice, and one person answers once. */
function attendeesOnce(event: MeetingEvent): MeetingEvent['attendees'] {
  const seen = new Set<string>();
  return event.attendees.filter((attendee) => {
    const address = attendee.email.trim().toLowerCase();
    if (seen.has(address)) return false;
    seen.add(address);
    return true;
  });
}

/**
 * Notes when a read last took over answers. Only then: an hourly read that finds nothing new
 * writes nothing (no audit record every hour). A concurrent write of the event's document wins.
 */
async function noteRead(deps: AppDependencies, meeting: Stored<SessionMeetingDocument>, nowIso: string): Promise<void> {
  const { _etag: etag, ...rest } = meeting;
  try {
    await deps.store.replace<SessionMeetingDocument>({ ...rest, answersReadAt: nowIso }, etag);
  } catch (error) {
    if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
  }
}
