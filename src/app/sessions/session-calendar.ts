import { COMMITTEE_DOCUMENT_ID, isSafeIdPart } from '../../domain/ids';
import { isCancelled } from '../../domain/sessions/session-state';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { CalendarEvent } from '../ports/calendar';
import { openLink } from '../links/open-link';
import type { SessionDocument } from './session-document';

/** A session's calendar event with the name under which browsers save it. */
export interface SessionCalendarEvent extends CalendarEvent {
  /** `sitzung-2027-1.ics`: readable in a downloads folder, and the same for every version. */
  readonly fileName: string;
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
 * caller cannot tell which part was wrong. The text is German because one file serves everyone.
 */
export async function sessionCalendarEvent(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  token: string,
): Promise<SessionCalendarEvent | undefined> {
  if (!isSafeIdPart(committeeId) || !isSafeIdPart(sessionId)) return undefined;
  const link = await openLink(deps, committeeId, token, ['calendar']);
  if (!link || link.sessionId !== sessionId) return undefined;
  const session = await deps.store.get<SessionDocument>(committeeId, sessionId);
  if (session?.type !== 'session') return undefined;
  const committee = await deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  if (committee?.type !== 'committee') return undefined;

  const cancelled = isCancelled(session.state);
  const onlineLink = webAddress(session.onlineLink);
  const description = [
    cancelled ? 'Diese Sitzung ist abgesagt.' : undefined,
    committee.name,
    session.chair ? `Vorsitz: ${session.chair}` : undefined,
    session.onlineLink ? `Online-Teilnahme: ${session.onlineLink}` : undefined,
  ].filter((line): line is string => Boolean(line));
  return {
    uid: sessionCalendarUid(committeeId, sessionId),
    sequence: session.revision,
    stampedAt: session.updatedAt,
    title: `${cancelled ? 'Abgesagt: ' : ''}${committee.shortName} – ${session.extra ? 'Sondersitzung' : 'Sitzung'} ${session.number}`,
    description: description.join('\n'),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: session.place || (session.onlineLink ? 'Online' : undefined),
    url: onlineLink,
    cancelled,
    fileName: `sitzung-${session.number.replace(/[^0-9A-Za-z]+/g, '-')}.ics`,
  };
}

/**
 * The online link as a normalised http(s) address for the event's URL; a link typed in another
 * form stays in the description only, where calendars show it as text.
 */
function webAddress(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
