import assert from 'node:assert/strict';
import type { PersonStanding } from '../../../src/domain/current-holder';
import type { Seat } from '../../../src/domain/roster';
import { invitees, type InvitedSeat } from '../../../src/domain/sessions/invitation';
import { tally, type RsvpAnswer } from '../../../src/domain/sessions/rsvp';
import { awaitsAnswer, seatStanding, seatStatusNow } from '../../../src/domain/sessions/seat-standing';

const invited: Seat = { id: 'seat-jc', institution: 'Jobcenter Leipzig', memberId: 'member', deputyId: 'deputy' };
const active: PersonStanding = { active: true };
const people = (standings: Record<string, PersonStanding>) => (personId: string) => standings[personId];
const declined: RsvpAnswer = {
  seatId: invited.id,
  personId: 'member',
  choice: 'declined',
  answeredAt: '2027-01-10T10:00:00Z',
};

describe('domain/sessions/seat-standing', () => {
  it('judges the invited member and deputy by the person and the seat as stored now', () => {
    assert.deepEqual(seatStanding(invited, invited, people({ member: active, deputy: active })), {});
    const memberInactive = people({ member: { active: false }, deputy: active });
    assert.deepEqual(seatStanding(invited, invited, memberInactive), { member: 'inactive' });
    const erased = { active: false, erasedAt: '2027-01-11T00:00:00Z' };
    assert.deepEqual(seatStanding(invited, invited, people({ member: active, deputy: erased })), { deputy: 'erased' });
    const replaced = { ...invited, memberId: 'successor' };
    const bothActive = people({ member: active, deputy: active });
    assert.deepEqual(seatStanding(invited, replaced, bothActive), { member: 'seatNotHeld' });
    assert.deepEqual(
      seatStanding(invited, undefined, people({ member: active, deputy: active })),
      {
        member: 'seatNotHeld',
        deputy: 'seatNotHeld',
      },
      'the seat was removed',
    );
  });

  it('waits only for answers that can still come', () => {
    const [member, deputy] = invitees([invited], [declined]);
    assert.equal(awaitsAnswer(member!, [declined], {}), false, 'the member answered');
    assert.equal(awaitsAnswer(deputy!, [declined], {}), true, 'the called-in deputy has not');
    assert.equal(awaitsAnswer(deputy!, [declined], { deputy: 'inactive' }), false);
    assert.equal(awaitsAnswer(member!, [], { member: 'erased' }), false);
    assert.equal(awaitsAnswer(member!, [], { deputy: 'erased' }), true, 'the member does not depend on the deputy');
  });

  it('says that an awaited answer cannot come, instead of "no answer" or "deputy invited"', () => {
    assert.deepEqual(seatStatusNow(invited, [declined], { deputy: 'inactive' }), {
      kind: 'cannotAnswer',
      who: 'deputy',
      reason: 'inactive',
    });
    assert.deepEqual(seatStatusNow(invited, [], { member: 'seatNotHeld' }), {
      kind: 'cannotAnswer',
      who: 'member',
      reason: 'seatNotHeld',
    });
    assert.deepEqual(seatStatusNow(invited, [declined], {}), { kind: 'deputyInvited' });
    const comes = { ...declined, choice: 'inPerson' as const };
    const attending = { kind: 'attending', mode: 'inPerson', by: 'member' };
    assert.deepEqual(seatStatusNow(invited, [comes], { deputy: 'erased' }), attending);
    const now = tally([invited], [declined], (seat, answers) => seatStatusNow(seat, answers, { deputy: 'erased' }));
    assert.deepEqual(now.seats[0]!.status.kind, 'cannotAnswer');
    const asAnswered = tally([invited], [declined]).seats[0]!.status.kind;
    assert.deepEqual(asAnswered, 'deputyInvited', 'by default as answered');
  });

  it("waits only for the deputy of a seat they hold in the deactivated member's place", () => {
    const held: InvitedSeat = { ...invited, heldByDeputy: true };
    const standing = seatStanding(held, invited, people({ member: { active: false }, deputy: active }));
    assert.deepEqual(standing, { member: 'inactive' });
    const [deputy, ...others] = invitees([held], []);
    assert.deepEqual([deputy?.as, deputy?.personId, others], ['deputy', 'deputy', []]);
    assert.equal(awaitsAnswer(deputy!, [], standing), true, 'the inactive member does not stop the deputy');
    assert.deepEqual(seatStatusNow(held, [], standing), { kind: 'noAnswer' }, 'nothing said of the member');
    assert.equal(awaitsAnswer(deputy!, [], { member: 'inactive', deputy: 'erased' }), false);
    assert.deepEqual(seatStatusNow(held, [], { member: 'inactive', deputy: 'erased' }), {
      kind: 'cannotAnswer',
      who: 'deputy',
      reason: 'erased',
    });
    const comes: RsvpAnswer = { ...declined, personId: 'deputy', choice: 'online' };
    const attending = { kind: 'attending', mode: 'online', by: 'deputy' };
    assert.deepEqual(seatStatusNow(held, [comes], { member: 'inactive', deputy: 'erased' }), attending);
  });
});
