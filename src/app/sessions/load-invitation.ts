import { whyNotCurrent, type NotCurrentReason } from '../../domain/current-holder';
import { invitationOf, type Invitation } from '../../domain/sessions/invitation';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { personDocumentId } from '../../domain/ids';
import type { RosterSnapshot } from './roster-snapshot';
import type { RsvpDocument } from './rsvp-document';
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
 * costs the same in a committee of five seats or of forty, also when all answer at once. The
 * person's own roster entry, when the turn read it already (the actor's), is not read again: it
 * was read in the same turn from the same partition.
 */
export async function loadInvitation(
  store: DocumentStore,
  session: SessionDocument,
  personId: string,
  known?: Stored<PersonDocument>,
): Promise<LoadedInvitation | undefined> {
  const seats = (session.invitedSeats ?? []).filter((seat) => seat.memberId === personId || seat.deputyId === personId);
  if (seats.length === 0) return undefined;
  const answers = (
    await Promise.all(
      seats.map((seat) =>
        store.query<RsvpDocument>(session.committeeId, {
          type: 'rsvp',
          where: [
            { field: 'sessionId', op: '=', value: session.id },
            { field: 'seatId', op: '=', value: seat.id },
          ],
        }),
      ),
    )
  ).flat();
  const invited = invitationOf(seats, answers, personId);
  if (!invited) return undefined;
  const ids = [invited.seat.memberId, ...(invited.seat.deputyId ? [invited.seat.deputyId] : [])];
  const [seatNow, found] = await Promise.all([
    store.get<SeatDocument>(session.committeeId, invited.seat.id),
    Promise.all(
      ids.map((id) =>
        known?.aadObjectId === id && known.committeeId === session.committeeId
          ? known
          : store.get<PersonDocument>(session.committeeId, personDocumentId(id)),
      ),
    ),
  ]);
  const people = new Map(
    found.flatMap((person) => (person?.type === 'person' ? [[person.aadObjectId, person] as const] : [])),
  );
  const currentSeat = seatNow?.type === 'seat' ? seatNow : undefined;
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
