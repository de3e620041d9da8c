import assert from 'node:assert/strict';
import { invitationOf, invitees } from '../../../src/domain/sessions/invitation';
import { seatsToInvite } from '../../../src/domain/sessions/invited-seat';
import { deputyToInvite, seatStatus, tally, type RsvpAnswer } from '../../../src/domain/sessions/rsvp';
import type { Seat } from '../../../src/domain/roster';

const SEATS: readonly Seat[] = [
  { id: 'seat-jobcenter', institution: 'Jobcenter Leipzig', memberId: 'sabine', deputyId: 'thomas' },
  { id: 'seat-ihk', institution: 'IHK zu Leipzig', memberId: 'yusuf', deputyId: 'yara' },
  { id: 'seat-agentur', institution: 'Agentur für Arbeit Leipzig', memberId: 'birgit' },
];
const answer = (
  personId: string,
  seatId: string,
  choice: RsvpAnswer['choice'],
  answeredAt = '2027-01-20T10:00:00.000Z',
): RsvpAnswer => ({ personId, seatId, choice, answeredAt });

describe('domain/sessions/invited-seat', () => {
  it("invites the active deputy of a seat whose member is deactivated, in the member's place", () => {
    const inactive = new Set(['sabine']);
    const seats = seatsToInvite(SEATS, (id) => !inactive.has(id));
    assert.deepEqual(seats[0], {
      id: 'seat-jobcenter',
      institution: 'Jobcenter Leipzig',
      memberId: 'sabine',
      deputyId: 'thomas',
      heldByDeputy: true,
    });
    assert.deepEqual(
      invitees(seats, []).map((invitee) => [invitee.personId, invitee.as, invitee.seat.institution]),
      [
        ['thomas', 'deputy', 'Jobcenter Leipzig'],
        ['yusuf', 'member', 'IHK zu Leipzig'],
        ['birgit', 'member', 'Agentur für Arbeit Leipzig'],
      ],
    );
    assert.equal(invitationOf(seats, [], 'sabine'), undefined, 'the deactivated member holds no invitation');
    assert.deepEqual(invitationOf(seats, [], 'thomas'), { seat: seats[0], as: 'deputy' });
  });

  it("counts the deputy's own answer for such a seat, and calls nobody else in", () => {
    const [seat] = seatsToInvite(SEATS, (id) => id !== 'sabine');
    assert.deepEqual(seatStatus(seat!, []), { kind: 'noAnswer' });
    assert.deepEqual(seatStatus(seat!, [answer('thomas', seat!.id, 'online')]), {
      kind: 'attending',
      mode: 'online',
      by: 'deputy',
    });
    assert.deepEqual(seatStatus(seat!, [answer('thomas', seat!.id, 'declined')]), { kind: 'declined' });
    assert.equal(deputyToInvite(seat!, answer('thomas', seat!.id, 'declined')), undefined);
    assert.equal(tally([seat!], [answer('thomas', seat!.id, 'inPerson')]).represented, 1);
    assert.equal(
      invitees([seat!], [answer('thomas', seat!.id, 'declined')]).length,
      1,
      'the deputy once, however they answer',
    );
  });

  it('leaves out a seat with nobody active, and a deactivated deputy from the deputy rule', () => {
    const inactive = new Set(['sabine', 'thomas', 'yara']);
    const seats = seatsToInvite(SEATS, (id) => !inactive.has(id));
    assert.deepEqual(
      seats.map((seat) => seat.institution),
      ['IHK zu Leipzig', 'Agentur für Arbeit Leipzig'],
    );
    assert.equal(seats[0]!.deputyId, undefined);
    assert.equal(deputyToInvite(seats[0]!, answer('yusuf', 'seat-ihk', 'declined')), undefined);
  });

  it('keeps seats with an active member as they are', () => {
    assert.deepEqual(
      seatsToInvite(SEATS, () => true),
      SEATS,
    );
  });
});
