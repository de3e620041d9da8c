import assert from 'node:assert/strict';
import type { Person, Seat } from '../../src/domain/roster';
import { peopleWhoLostStanding, type RosterState } from '../../src/domain/roster-losses';

const person = (aadObjectId: string, roles: Person['roles'] = ['member'], active = true): Person => ({
  aadObjectId,
  displayName: aadObjectId,
  roles,
  active,
});
const seat = (id: string, memberId: string, deputyId?: string): Seat => ({
  id,
  institution: id,
  memberId,
  ...(deputyId ? { deputyId } : {}),
});
const BEFORE: RosterState = {
  people: [
    person('sabine'),
    person('thomas', ['deputy']),
    person('katrin', ['secretariat', 'member']),
    person('birgit'),
  ],
  seats: [seat('jobcenter', 'sabine', 'thomas'), seat('agentur', 'birgit')],
};

describe('domain/roster-losses', () => {
  it('names nobody when nothing is taken away: a new seat, a new role, a new deputy', () => {
    const after: RosterState = {
      people: BEFORE.people.map((p) => (p.aadObjectId === 'birgit' ? { ...p, roles: ['member', 'workingGroup'] } : p)),
      seats: [...BEFORE.seats.slice(0, 1), seat('agentur', 'birgit', 'katrin'), seat('ihk', 'katrin')],
    };
    assert.deepEqual(peopleWhoLostStanding(BEFORE, after), []);
  });

  it('names the member and deputy of a removed seat, and whoever was replaced on a seat', () => {
    assert.deepEqual(peopleWhoLostStanding(BEFORE, { ...BEFORE, seats: [seat('agentur', 'birgit')] }), [
      'sabine',
      'thomas',
    ]);
    assert.deepEqual(
      peopleWhoLostStanding(BEFORE, { ...BEFORE, seats: [seat('jobcenter', 'thomas'), seat('agentur', 'birgit')] }),
      ['sabine', 'thomas'],
    );
  });

  it('names a deactivated person and one who lost a role, but not one who was activated', () => {
    const after: RosterState = {
      ...BEFORE,
      people: [
        person('sabine', ['member'], false),
        person('thomas', ['deputy']),
        person('katrin', ['secretariat']),
        person('birgit'),
      ],
    };
    assert.deepEqual(peopleWhoLostStanding(BEFORE, after), ['katrin', 'sabine']);
    assert.deepEqual(peopleWhoLostStanding(after, BEFORE), []);
  });
});
