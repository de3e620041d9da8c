import { DateTime } from 'luxon';
import { invitees } from '../../domain/sessions/invitation';
import { canAnswer } from '../../domain/sessions/seat-standing';
import type { RsvpAnswer } from '../../domain/sessions/rsvp';
import type { CommitteeDocument } from '../documents';
import type { MeetingAttendee, MeetingEventRequest, ZonedTime } from '../ports/organiser-calendar';
import { standingIn, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';

/** The session's Outlook event as it should be now, and who of the invited Outlook cannot reach. */
export interface MeetingPlan {
  readonly request: MeetingEventRequest;
  /**
   * Invited people without an e-mail address, as the delivery report names them
   * („Anna Schulz (Jobcenter Kiel)“): Outlook cannot invite them; Teams still does.
   */
  readonly unreachable: readonly string[];
}

/**
 * The event a session should be in the organiser mailbox: subject and body in German (the
 * event is one text for everyone), times as local times in the committee's zone, the place,
 * and, once invitations are out, everyone invited now as an attendee by e-mail: members,
 * deputies holding a seat, and deputies the deputy rule called in (a member declined or sent
 * them). People without Teams are attendees like anyone else: Outlook is how they are reached.
 * Who can no longer answer (erased, deactivated, off the seat) is left out, as on Teams.
 */
export function meetingPlanOf(
  committee: Pick<CommitteeDocument, 'name' | 'shortName' | 'timeZone'>,
  session: SessionDocument,
  roster: RosterSnapshot,
  answers: readonly RsvpAnswer[],
): MeetingPlan {
  const attendees: MeetingAttendee[] = [];
  const unreachable: string[] = [];
  const seen = new Set<string>();
  for (const invitee of invitees(session.invitedSeats ?? [], answers)) {
    if (!canAnswer(invitee, standingIn(roster, invitee.seat))) continue;
    const person = roster.people.get(invitee.personId);
    if (!person) continue;
    const email = person.email?.trim();
    if (!email) {
      unreachable.push(`${person.displayName} (${invitee.seat.institution})`);
      continue;
    }
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    attendees.push({ email, name: person.displayName, type: 'required' });
  }
  const kind = session.extra ? 'Sondersitzung' : 'Sitzung';
  return {
    request: {
      subject: `${committee.shortName || committee.name}: ${kind} ${session.number}`,
      bodyHtml: bodyOf(committee.name, kind, session),
      start: zoned(session.startsAt, committee.timeZone),
      end: zoned(session.endsAt, committee.timeZone),
      ...(session.place ? { location: session.place } : {}),
      attendees,
    },
    unreachable,
  };
}

function bodyOf(committeeName: string, kind: string, session: SessionDocument): string {
  const lines = [
    `<p><strong>${html(committeeName)}</strong></p>`,
    `<p>${kind} ${html(session.number)}</p>`,
    ...(session.chair ? [`<p>Sitzungsleitung: ${html(session.chair)}</p>`] : []),
    ...(session.place ? [`<p>Ort: ${html(session.place)}</p>`] : []),
    '<p>Zu- und Absagen bitte über Outlook oder in Teams über Gremium.</p>',
  ];
  return lines.join('\n');
}

/** A UTC instant as Graph's local time in the committee's zone. */
function zoned(utcIso: string, timeZone: string): ZonedTime {
  const local = DateTime.fromISO(utcIso, { zone: 'utc' }).setZone(timeZone);
  // A machine format Graph reads (`2027-01-28T10:00:00`), never shown to a person.
  return { dateTime: local.toISO({ includeOffset: false, suppressMilliseconds: true })!, timeZone };
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
