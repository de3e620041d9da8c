import { invitationOf, type Invitation } from '../../domain/sessions/invitation';
import type { PersonDocument } from '../documents';
import type { DocumentStore } from '../ports/document-store';
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
}

/**
 * Loads a person's invitation reading only their seat's answers and people, so that answering
 * costs the same in a committee of five seats or of forty, also when all answer at once.
 */
export async function loadInvitation(store: DocumentStore, session: SessionDocument, personId: string): Promise<LoadedInvitation | undefined> {
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
  const invitation = invitationOf(seats, answers, personId);
  if (!invitation) return undefined;
  const ids = [invitation.seat.memberId, ...(invitation.seat.deputyId ? [invitation.seat.deputyId] : [])];
  const people = await Promise.all(ids.map((id) => store.get<PersonDocument>(session.committeeId, personDocumentId(id))));
  return {
    invitation,
    answers: answers.filter((answer) => answer.seatId === invitation.seat.id),
    roster: { seats: [invitation.seat], people: new Map(people.flatMap((person) => (person ? [[person.aadObjectId, person] as const] : []))) },
  };
}
