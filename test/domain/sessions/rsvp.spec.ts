import assert from 'node:assert/strict';
import type { Seat } from '../../../src/domain/roster';
import {
  answersOpen,
  deputyToInvite,
  rsvpDeadline,
  seatStatus,
  tally,
  type RsvpAnswer,
} from '../../../src/domain/sessions/rsvp';

const jobcenter: Seat = {
  id: 'seat-jobcenter',
  institution: 'Jobcenter Leipzig',
  memberId: 'member-jc',
  deputyId: 'deputy-jc',
};
const ihk: Seat = { id: 'seat-ihk', institution: 'IHK zu Leipzig', memberId: 'member-ihk' };

function answer(
  seat: Seat,
  personId: string,
  choice: RsvpAnswer['choice'],
  at: string,
  delegateName?: string,
): RsvpAnswer {
  return { seatId: seat.id, personId, choice, answeredAt: at, ...(delegateName ? { delegateName } : {}) };
}

describe('domain/sessions/rsvp', () => {
  it('closes answers at noon the day before, in the committee time zone', () => {
    assert.equal(rsvpDeadline('2027-06-10T12:00:00.000Z', 'Europe/Berlin'), '2027-06-09T10:00:00.000Z');
    assert.equal(answersOpen('2027-06-09T09:59:59.000Z', '2027-06-10T12:00:00.000Z', 'Europe/Berlin'), true);
    assert.equal(answersOpen('2027-06-09T10:00:00.000Z', '2027-06-10T12:00:00.000Z', 'Europe/Berlin'), false);
  });

  it('invites the nominated deputy when the member declines or sends them', () => {
    assert.equal(deputyToInvite(jobcenter, answer(jobcenter, 'member-jc', 'declined', '1')), 'deputy-jc');
    assert.equal(deputyToInvite(jobcenter, answer(jobcenter, 'member-jc', 'deputy', '1')), 'deputy-jc');
    assert.equal(deputyToInvite(jobcenter, answer(jobcenter, 'member-jc', 'inPerson', '1')), undefined);
    assert.equal(deputyToInvite(ihk, answer(ihk, 'member-ihk', 'declined', '1')), undefined, 'no deputy nominated');
  });

  it('follows the latest answer of the member', () => {
    const answers = [
      answer(jobcenter, 'member-jc', 'declined', '2027-06-01T10:00:00Z'),
      answer(jobcenter, 'member-jc', 'online', '2027-06-02T10:00:00Z'),
    ];
    assert.deepEqual(seatStatus(jobcenter, answers), { kind: 'attending', mode: 'online', by: 'member' });
  });

  it('counts the deputy once the member has handed over', () => {
    const declined = answer(jobcenter, 'member-jc', 'declined', '2027-06-01T10:00:00Z');
    assert.deepEqual(seatStatus(jobcenter, [declined]), { kind: 'deputyInvited' });
    const deputyComes = answer(jobcenter, 'deputy-jc', 'inPerson', '2027-06-02T10:00:00Z');
    assert.deepEqual(seatStatus(jobcenter, [declined, deputyComes]), {
      kind: 'attending',
      mode: 'inPerson',
      by: 'deputy',
    });
    assert.deepEqual(seatStatus(jobcenter, [deputyComes]), { kind: 'noAnswer' }, 'not before the member handed over');
  });

  it('records a named colleague attending on behalf of the institution', () => {
    assert.deepEqual(seatStatus(ihk, [answer(ihk, 'member-ihk', 'delegate', '1', 'Dr. Ada Beispiel')]), {
      kind: 'delegated',
      delegateName: 'Dr. Ada Beispiel',
    });
  });

  it('tallies how many institutions are represented', () => {
    const result = tally(
      [jobcenter, ihk],
      [answer(jobcenter, 'member-jc', 'inPerson', '1'), answer(ihk, 'member-ihk', 'declined', '1')],
    );
    assert.equal(result.represented, 1);
    assert.deepEqual(
      result.seats.map(({ status }) => status.kind),
      ['attending', 'declined'],
    );
  });
});
