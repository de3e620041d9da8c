import { DateTime } from 'luxon';
import { nowUtcIso, toUtcIso } from '../../domain/clock';
import { isSafeIdPart } from '../../domain/ids';
import type { Language } from '../../domain/language';
import { deputyToInvite, type AnswerChoice } from '../../domain/sessions/rsvp';
import { isCancelled } from '../../domain/sessions/session-state';
import type { AgendaItem } from '../../domain/agenda/agenda-items';
import type { AppDependencies } from '../dependencies';
import { SESSION_MEETING_TYPE } from '../meetings/session-meeting-document';
import type { SessionMeetingDocument } from '../meetings/session-meeting-document';
import type { Stored } from '../ports/document-store';
import { recipientLanguage } from '../preferences/recipient-language';
import { rsvpDocumentId, type RsvpDocument } from '../sessions/rsvp-document';
import { sessionEventFacts, webAddress, type SessionCalendar } from '../sessions/session-calendar';
import type { SessionDocument } from '../sessions/session-document';
import { CALENDAR_FEED_TYPE, calendarFeedDocumentId, type CalendarFeedDocument } from './feed-document';
import { feedCommittees, type FeedCommittee } from './feed-holder';

/** How long past sessions stay in a feed, so last year's sessions can still be looked up in the calendar. */
export const FEED_PAST_MONTHS = 12;

/** One session as its feed shows it to one person, before it is worded in their language. */
export interface FeedSession extends SessionCalendar {
  /** The Teams meeting's join link, when the session is an Outlook event with a Teams meeting. */
  readonly teamsLink?: string;
  /** The items of the published agenda, for a session not cancelled. */
  readonly agenda?: { readonly version: number; readonly items: ReadonlyArray<Pick<AgendaItem, 'title' | 'origin'>> };
  /** The person's own answer; `open` when they are invited and have not answered. */
  readonly answer?: { readonly choice: AnswerChoice | 'open'; readonly delegateName?: string };
  /** When anything the event shows last changed (ISO UTC): its LAST-MODIFIED and DTSTAMP. */
  readonly modifiedAt: string;
}

/** A person's calendar as facts: their sessions, and the language to word them in. */
export interface PersonFeed {
  readonly personId: string;
  readonly language?: Language;
  readonly sessions: readonly FeedSession[];
}

/** The feed a token stands for, when it still works; undefined alike for a wrong, replaced or erased one. */
export async function openFeed(
  deps: AppDependencies,
  directoryId: string,
  token: string,
): Promise<Stored<CalendarFeedDocument> | undefined> {
  const id = calendarFeedDocumentId(token);
  if (!id || !isSafeIdPart(directoryId) || !directoryId.startsWith('tenant-')) return undefined;
  const feed = await deps.store.get<CalendarFeedDocument>(directoryId, id);
  return feed?.type === CALENDAR_FEED_TYPE ? feed : undefined;
}

/**
 * Every session of every committee the token's holder belongs to (see `feedCommittees`), as
 * their subscribed calendar shows it: sessions from `FEED_PAST_MONTHS` ago on, a cancelled one
 * (as cancelled, so calendars that hold it mark or drop it) until it is over. Undefined, like
 * any address that leads nowhere, for a token that does not work or a holder who is on no roster
 * any more.
 *
 * All sessions, not only those the person is invited to: members and deputies plan around the
 * committee's dates long before invitations go out, and a deputy may be called in late.
 */
export async function personFeed(
  deps: AppDependencies,
  directoryId: string,
  token: string,
): Promise<PersonFeed | undefined> {
  const feed = await openFeed(deps, directoryId, token);
  if (!feed) return undefined;
  const committees = await feedCommittees(deps.store, directoryId, feed.personId);
  if (committees.length === 0) return undefined;
  const now = nowUtcIso(deps.clock);
  const keptFrom = toUtcIso(DateTime.fromISO(now, { zone: 'utc' }).minus({ months: FEED_PAST_MONTHS }));
  const sessions: FeedSession[] = [];
  for (const committee of committees) sessions.push(...(await committeeSessions(deps, committee, now, keptFrom)));
  sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid));
  const language = await recipientLanguage(deps.store, committees[0]!.committee.committeeId, {
    kind: 'person',
    id: feed.personId,
  });
  return { personId: feed.personId, sessions, ...(language ? { language: language.language } : {}) };
}

async function committeeSessions(
  deps: AppDependencies,
  { committee, person }: FeedCommittee,
  now: string,
  keptFrom: string,
): Promise<FeedSession[]> {
  const committeeId = committee.committeeId;
  const stored = await deps.store.query<SessionDocument>(committeeId, {
    type: 'session',
    where: [{ field: 'endsAt', op: '>=', value: keptFrom }],
  });
  const shown = stored.filter((session) => !isCancelled(session.state) || session.endsAt > now);
  if (shown.length === 0) return [];
  // The person's answers and the sessions' Outlook events: one query each, not a read per session.
  const [answers, meetings] = await Promise.all([
    deps.store.query<RsvpDocument>(committeeId, {
      type: 'rsvp',
      where: [{ field: 'personId', op: '=', value: person.aadObjectId }],
    }),
    deps.store.query<SessionMeetingDocument>(committeeId, { type: SESSION_MEETING_TYPE }),
  ]);
  const answerOf = new Map(answers.map((answer) => [answer.sessionId, answer]));
  const meetingOf = new Map(meetings.map((meeting) => [meeting.sessionId, meeting]));
  return Promise.all(
    shown.map(async (session): Promise<FeedSession> => {
      const personId = person.aadObjectId.toLowerCase();
      const rsvp = answerOf.get(session.id);
      const meeting = meetingOf.get(session.id);
      const answer = rsvp?.type === 'rsvp' ? rsvp : undefined;
      const teams = meeting?.type === SESSION_MEETING_TYPE && !meeting.cancelled ? meeting : undefined;
      const cancelled = isCancelled(session.state);
      const invited = await isInvited(deps, committeeId, session, personId);
      const url = webAddress(teams?.joinUrl) ?? webAddress(session.onlineLink);
      const modifiedAt = [session.updatedAt, answer?.answeredAt, teams?.updatedAt]
        .filter((instant): instant is string => Boolean(instant))
        .reduce((latest, instant) => (instant > latest ? instant : latest));
      return {
        ...sessionEventFacts(committee, session),
        stampedAt: modifiedAt,
        modifiedAt,
        ...(url ? { url } : {}),
        ...(teams?.joinUrl ? { teamsLink: teams.joinUrl } : {}),
        ...(session.agenda && !cancelled
          ? { agenda: { version: session.agenda.version, items: session.agenda.items } }
          : {}),
        ...(answer
          ? { answer: { choice: answer.choice, ...(answer.delegateName ? { delegateName: answer.delegateName } : {}) } }
          : invited && !cancelled
            ? { answer: { choice: 'open' as const } }
            : {}),
      };
    }),
  );
}

/**
 * Whether the person is invited to the session: as the member of an invited seat, as the deputy
 * holding one, or as the deputy the member's answer called in (see `deputyToInvite`). A deputy
 * not called in is not asked, so their feed shows no answer as open.
 */
async function isInvited(
  deps: AppDependencies,
  committeeId: string,
  session: SessionDocument,
  personId: string,
): Promise<boolean> {
  for (const seat of session.invitedSeats ?? []) {
    if (seat.heldByDeputy ? seat.deputyId?.toLowerCase() === personId : seat.memberId.toLowerCase() === personId)
      return true;
    if (seat.deputyId?.toLowerCase() !== personId) continue;
    const memberAnswer = await deps.store.get<RsvpDocument>(committeeId, rsvpDocumentId(session.id, seat.memberId));
    if (memberAnswer?.type === 'rsvp' && deputyToInvite(seat, memberAnswer)?.toLowerCase() === personId) return true;
  }
  return false;
}
