import { whyNotCurrent, type NotCurrentReason, type PersonStanding } from '../../domain/current-holder';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { attendanceDocumentId, type AttendanceDocument } from '../sessions/attendance';
import type { RosterSnapshot } from '../sessions/roster-snapshot';

/** Who receives circulated minutes: those who attended (and may object), and the secretariat. */
export interface MinutesRecipients {
  readonly attendees: ReadonlyArray<Stored<PersonDocument>>;
  /** Secretariat people who did not attend; they follow the minutes without answering. */
  readonly secretariat: ReadonlyArray<Stored<PersonDocument>>;
}

/**
 * The people the minutes go to. For each institution recorded as present, the seat's member or
 * deputy whose name the attendance names, or else the seat's member (a named colleague outside
 * the roster is represented by the member, who answers for the seat). Then every active
 * secretariat person.
 */
export async function minutesRecipients(
  store: DocumentStore,
  committeeId: string,
  sessionId: string,
  roster: RosterSnapshot,
): Promise<MinutesRecipients> {
  const attendance = await store.get<AttendanceDocument>(committeeId, attendanceDocumentId(sessionId));
  const seats = new Map(roster.seats.map((seat) => [seat.id, seat]));
  const attendees = new Map<string, Stored<PersonDocument>>();
  for (const entry of attendance?.entries ?? []) {
    if (entry.presence === 'absent') continue;
    const seat = seats.get(entry.seatId);
    if (!seat) continue;
    const holders = [seat.memberId, ...(seat.deputyId ? [seat.deputyId] : [])]
      .map((id) => roster.people.get(id))
      .filter((person): person is Stored<PersonDocument> => person !== undefined);
    const named =
      holders.find((person) => person.displayName.trim() === entry.name.trim()) ?? roster.people.get(seat.memberId);
    if (named && named.active) attendees.set(named.aadObjectId, named);
  }
  const secretariat = [...roster.people.values()].filter(
    (person) => person.active && person.roles.includes('secretariat') && !attendees.has(person.aadObjectId),
  );
  return { attendees: [...attendees.values()], secretariat };
}

/**
 * Why an attendee to whom the minutes were circulated may no longer answer them, if so: erased,
 * deactivated, or no longer the member or deputy of any seat the attendance records as present.
 * The circulation keeps the ids it went to; this reads the roster as it is now.
 */
export async function whyAttendeeNotCurrent(
  store: DocumentStore,
  committeeId: string,
  sessionId: string,
  personId: string,
  person: PersonStanding | undefined,
): Promise<NotCurrentReason | undefined> {
  const withoutSeats = whyNotCurrent(person, personId, []);
  if (withoutSeats !== 'seatNotHeld') return withoutSeats;
  const [attendance, seats] = await Promise.all([
    store.get<AttendanceDocument>(committeeId, attendanceDocumentId(sessionId)),
    store.query<SeatDocument>(committeeId, { type: 'seat' }),
  ]);
  const present = new Set(
    (attendance?.entries ?? []).filter((entry) => entry.presence !== 'absent').map((entry) => entry.seatId),
  );
  return whyNotCurrent(
    person,
    personId,
    seats.filter((seat) => present.has(seat.id)),
  );
}
