import { COMMITTEE_DOCUMENT_ID, isSafeIdPart } from '../../domain/ids';
import type { Language } from '../../domain/language';
import { isCancelled } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { CalendarEvent } from '../ports/calendar';
import { openLink } from '../links/open-link';
import { recipientLanguage } from '../preferences/recipient-language';
import type { SessionDocument } from './session-document';

/**
 * A session's calendar event as facts, before it is worded in its reader's language (see
 * `calendarFile` in src/cards): the ids, times and sequence calendars go by, and what the
 * event's text says.
 */
export interface SessionCalendar extends Pick<
  CalendarEvent,
  'uid' | 'sequence' | 'stampedAt' | 'startsAt' | 'endsAt' | 'url' | 'cancelled'
> {
  readonly committeeName: string;
  readonly committeeShortName: string;
  /** The session's number ("2027/1", "2027/S1"), and whether it is an extra session. */
  readonly number: string;
  readonly extra: boolean;
  /** Who leads the session (its Sitzungsleitung), when set. */
  readonly chair?: string;
  readonly place?: string;
  /** The online link as typed: a web address (also the event's `url`) or dial-in text. */
  readonly onlineLink?: string;
  /** The language of the link's holder (see `recipientLanguage`); undefined: the server's default. */
  readonly language?: Language;
}

/**
 * The session's UID in every calendar: built from ids that never change, so a rescheduled or
 * cancelled session replaces the event people imported instead of appearing next to it.
 */
export function sessionCalendarUid(committeeId: string, sessionId: string): string {
  return `${sessionId}.${committeeId}@gremium`;
}

/**
 * The session's event as it stands now, for the holder of a calendar link to it (each invitee has
 * their own, see `invitationLinks`): a moved or cancelled session shows as such, which is what
 * the link is for. Anything that does not fit (an unsafe id, no such session, a token that is
 * wrong, expired, revoked, another session's or another kind's) answers undefined alike, so a
 * caller cannot tell which part was wrong. The event speaks the language of the person the link
 * was issued to, since each link has one holder.
 */
export async function sessionCalendar(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  token: string,
): Promise<SessionCalendar | undefined> {
  if (!isSafeIdPart(committeeId) || !isSafeIdPart(sessionId)) return undefined;
  const link = await openLink(deps, committeeId, token, ['calendar']);
  if (!link || link.sessionId !== sessionId) return undefined;
  const [session, committee, language] = await Promise.all([
    deps.store.get<SessionDocument>(committeeId, sessionId),
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    recipientLanguage(deps.store, committeeId, { kind: link.recipientKind, id: link.recipientId }),
  ]);
  if (session?.type !== 'session' || committee?.type !== 'committee') return undefined;

  return {
    ...sessionEventFacts(committee, session),
    ...(language ? { language: language.language } : {}),
  };
}

/**
 * What every calendar Gremium writes says of a session, the single-session file and the feed
 * alike: the same UID, sequence, times, place and link, so an event imported from one and
 * subscribed through the other is one event in a calendar app.
 */
export function sessionEventFacts(
  committee: Pick<CommitteeDocument, 'committeeId' | 'name' | 'shortName'>,
  session: SessionDocument,
): Omit<SessionCalendar, 'language'> {
  const url = webAddress(session.onlineLink);
  return {
    uid: sessionCalendarUid(committee.committeeId, session.id),
    sequence: session.revision,
    stampedAt: session.updatedAt,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ...(url ? { url } : {}),
    cancelled: isCancelled(session.state),
    committeeName: committee.name,
    committeeShortName: committee.shortName,
    number: session.number,
    extra: session.extra === true,
    ...(session.chair ? { chair: session.chair } : {}),
    ...(session.place ? { place: session.place } : {}),
    ...(session.onlineLink ? { onlineLink: session.onlineLink } : {}),
  };
}

/**
 * The online link as a normalised http(s) address for the event's URL; a link typed in another
 * form stays in the description only, where calendars show it as text.
 */
export function webAddress(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
