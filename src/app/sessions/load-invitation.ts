import { whyNotCurrent, type NotCurrentReason } from '../../domain/current-holder';
import { invitationOf, type Invitation } from '../../domain/sessions/invitation';
import type { PersonDocument, SeatDocument } from '../documents';
import {
  MAX_GET_MANY_KEYS,
  type Document,
  type DocumentKey,
  type DocumentStore,
  type Stored,
} from '../ports/document-store';
import { isSafeIdPart, personDocumentId } from '../../domain/ids';
import type { RosterSnapshot } from './roster-snapshot';
import { rsvpDocumentId, type RsvpDocument } from './rsvp-document';
import type { SessionDocument } from './session-document';

/** One person's invitation with just what its card needs: their seat, its people and answers. */
export interface LoadedInvitation {
  readonly invitation: Invitation;
  /** The answers given for the person's seat (member's, deputy's). */
  readonly answers: readonly RsvpDocument[];
  /** The seat's member and deputy, enough to name them on the card. */
  readonly roster: RosterSnapshot;
  /**
   * Set when the person may no longer answer (erased, deactivated, or no longer the seat's member
   * or deputy): the invitation is theirs, but nothing they click is stored or sent.
   */
  readonly notCurrent?: NotCurrentReason;
}

/**
 * Loads a person's invitation reading only their seat's answers and people, so that answering
 * costs the same in a committee of five seats or of forty, also when all answer at once. All of
 * it is one request (`getMany`): the seats as they are now, the answers of each seat's member
 * and deputy (one document per person and session, so found by id: `rsvpDocumentId`), and their
 * roster entries. The person's own roster entry, when the turn read it already (the actor's), is
 * not read again: it was read in the same turn from the same partition.
 */
export async function loadInvitation(
  store: DocumentStore,
  session: SessionDocument,
  personId: string,
  known?: Stored<PersonDocument>,
): Promise<LoadedInvitation | undefined> {
  const seats = (session.invitedSeats ?? []).filter((seat) => seat.memberId === personId || seat.deputyId === personId);
  if (seats.length === 0) return undefined;
  const committeeId = session.committeeId;
  const holders = [
    ...new Set(seats.flatMap((seat) => [seat.memberId, ...(seat.deputyId ? [seat.deputyId] : [])])),
  ].filter(isSafeIdPart);
  const knownHere = known?.committeeId === committeeId ? known : undefined;
  const peopleToRead = holders.filter((id) => id !== knownHere?.aadObjectId);
  const keys: DocumentKey[] = [
    ...seats.map((seat) => ({ committeeId, id: seat.id })),
    ...holders.map((id) => ({ committeeId, id: rsvpDocumentId(session.id, id) })),
    ...peopleToRead.map((id) => ({ committeeId, id: personDocumentId(id) })),
  ];
  const read = (await readAll(store, keys)) as Array<
    Stored<SeatDocument> | Stored<RsvpDocument> | Stored<PersonDocument> | undefined
  >;
  const seatsNow = new Map(
    read.slice(0, seats.length).flatMap((seat) => (seat?.type === 'seat' ? [[seat.id, seat] as const] : [])),
  );
  const seatIds = new Set(seats.map((seat) => seat.id));
  // What a query of the seats' answers would find among these people's (see `latestOf`, which
  // picks a person's answer for a seat: only the member's and the deputy's are ever asked for).
  const answers = read
    .slice(seats.length, seats.length + holders.length)
    .flatMap((answer) =>
      answer?.type === 'rsvp' && answer.sessionId === session.id && seatIds.has(answer.seatId) ? [answer] : [],
    );
  const found = [...read.slice(seats.length + holders.length), ...(knownHere ? [knownHere] : [])];
  const invited = invitationOf(seats, answers, personId);
  if (!invited) return undefined;
  const people = new Map(
    found.flatMap((person) => (person?.type === 'person' ? [[person.aadObjectId, person] as const] : [])),
  );
  const seatHolders = new Set([invited.seat.memberId, ...(invited.seat.deputyId ? [invited.seat.deputyId] : [])]);
  for (const id of people.keys()) if (!seatHolders.has(id)) people.delete(id);
  const currentSeat = seatsNow.get(invited.seat.id);
  const notCurrent = whyNotCurrent(people.get(personId), personId, [currentSeat]);
  // A deputy who is no longer current is not offered, and a member's answer does not invite them.
  const deputyId = invited.seat.deputyId;
  const keepDeputy =
    !deputyId || deputyId === personId || whyNotCurrent(people.get(deputyId), deputyId, [currentSeat]) === undefined;
  const { deputyId: _dropped, ...seatWithoutDeputy } = invited.seat;
  const invitation: Invitation = keepDeputy ? invited : { ...invited, seat: seatWithoutDeputy };
  return {
    invitation,
    answers: answers.filter((answer) => answer.seatId === invitation.seat.id),
    roster: { seats: [invitation.seat], people },
    ...(notCurrent ? { notCurrent } : {}),
  };
}

/** `getMany` in requests of at most MAX_GET_MANY_KEYS keys (one, unless a person holds many seats). */
async function readAll(
  store: DocumentStore,
  keys: readonly DocumentKey[],
): Promise<Array<Stored<Document> | undefined>> {
  const parts: Array<Promise<Array<Stored<Document> | undefined>>> = [];
  for (let start = 0; start < keys.length; start += MAX_GET_MANY_KEYS)
    parts.push(store.getMany(keys.slice(start, start + MAX_GET_MANY_KEYS)));
  return (await Promise.all(parts)).flat();
}
