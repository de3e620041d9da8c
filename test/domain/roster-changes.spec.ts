import assert from 'node:assert/strict';
import { TEXT_LIMITS } from '../../src/domain/committee';
import {
  applyRosterChange,
  isTampering,
  ROSTER_LIMITS,
  seatRolesOf,
  type Roster,
  type RosterChange,
} from '../../src/domain/roster-changes';
import type { Person } from '../../src/domain/roster';

const katrin: Person = { aadObjectId: 'k', displayName: 'Katrin Albers', roles: ['secretariat'], active: true };
const sabine: Person = { aadObjectId: 's', displayName: 'Sabine Hoffmann', roles: ['member'], active: true };
const thomas: Person = { aadObjectId: 't', displayName: 'Thomas Richter', roles: ['deputy'], active: true };
const birgit: Person = { aadObjectId: 'b', displayName: 'Birgit Lehmann', roles: [], active: true };
const gone: Person = {
  aadObjectId: 'g',
  displayName: 'Gerd Gegangen',
  roles: [],
  active: false,
  leftAt: '2026-10-01T00:00:00.000Z',
};

const roster: Roster = {
  people: [katrin, sabine, thomas, birgit, gone],
  seats: [{ id: 'seat-jobcenter', institution: 'Jobcenter Leipzig', memberId: 's', deputyId: 't' }],
};

function apply(change: RosterChange, from: Roster = roster): Roster {
  const result = applyRosterChange(from, change);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
  return result.value;
}

function problems(change: RosterChange, from: Roster = roster): unknown[] {
  const result = applyRosterChange(from, change);
  assert.ok(!result.ok, 'expected a refusal');
  return result.error;
}

const person = (from: Roster, id: string) => from.people.find((candidate) => candidate.aadObjectId === id)!;

describe('domain/roster-changes', () => {
  describe('seats', () => {
    it('adds a seat and makes its member and deputy hold those roles', () => {
      const next = apply({
        kind: 'addSeat',
        seatId: 'seat-new',
        institution: '  Agentur für Arbeit Leipzig ',
        memberId: 'b',
        deputyId: 'k',
      });
      assert.deepEqual(next.seats.at(-1), {
        id: 'seat-new',
        institution: 'Agentur für Arbeit Leipzig',
        memberId: 'b',
        deputyId: 'k',
      });
      assert.deepEqual(person(next, 'b').roles, ['member']);
      assert.deepEqual(person(next, 'k').roles, ['secretariat', 'deputy']);
    });

    it('adds a seat without a deputy', () => {
      const next = apply({
        kind: 'addSeat',
        seatId: 'seat-new',
        institution: 'IHK zu Leipzig',
        memberId: 'b',
        deputyId: '',
      });
      assert.equal(next.seats.at(-1)!.deputyId, undefined);
      assert.equal('deputyId' in next.seats.at(-1)!, false);
    });

    it('moves the roles with the people when a seat changes hands', () => {
      const next = apply({
        kind: 'editSeat',
        seatId: 'seat-jobcenter',
        institution: 'Jobcenter Leipzig',
        memberId: 't',
        deputyId: undefined,
      });
      assert.deepEqual(person(next, 't').roles, ['member']);
      assert.deepEqual(person(next, 's').roles, []);
    });

    it('keeps a role that another seat still gives', () => {
      const two = apply({ kind: 'addSeat', seatId: 'seat-2', institution: 'HWK', memberId: 's', deputyId: '' });
      const next = apply({ kind: 'removeSeat', seatId: 'seat-jobcenter' }, two);
      assert.deepEqual(person(next, 's').roles, ['member']);
      assert.deepEqual(person(next, 't').roles, []);
      assert.deepEqual(seatRolesOf(next.seats, 's'), ['member']);
    });

    it('removes a seat and takes the seat roles from its holders, keeping the people', () => {
      const next = apply({ kind: 'removeSeat', seatId: 'seat-jobcenter' });
      assert.deepEqual(next.seats, []);
      assert.equal(next.people.length, roster.people.length);
      assert.deepEqual(person(next, 's').roles, []);
    });

    it('keeps a member who has left on a seat whose institution is corrected', () => {
      const withGone: Roster = { ...roster, seats: [{ id: 'seat-x', institution: 'Alt', memberId: 'g' }] };
      const next = apply(
        { kind: 'editSeat', seatId: 'seat-x', institution: 'Neu', memberId: 'g', deputyId: '' },
        withGone,
      );
      assert.equal(next.seats[0]!.institution, 'Neu');
    });

    it('lists every problem of a seat at once', () => {
      assert.deepEqual(
        problems({ kind: 'addSeat', seatId: 'seat-new', institution: ' ', memberId: '', deputyId: 'g' }),
        [
          { field: 'institution', code: 'required' },
          { field: 'memberId', code: 'required' },
          { field: 'deputyId', code: 'inactivePerson' },
        ],
      );
    });

    it('refuses an institution longer than the limit', () => {
      assert.deepEqual(
        problems({
          kind: 'addSeat',
          seatId: 'seat-new',
          institution: 'x'.repeat(TEXT_LIMITS.institution + 1),
          memberId: 'b',
          deputyId: '',
        }),
        [{ field: 'institution', code: 'tooLong', max: TEXT_LIMITS.institution }],
      );
      apply({
        kind: 'addSeat',
        seatId: 'seat-new',
        institution: 'x'.repeat(TEXT_LIMITS.institution),
        memberId: 'b',
        deputyId: '',
      });
    });

    it('refuses the same person as member and deputy', () => {
      assert.deepEqual(
        problems({ kind: 'addSeat', seatId: 'seat-new', institution: 'IHK', memberId: 'b', deputyId: 'b' }),
        [{ field: 'deputyId', code: 'sameAsMember' }],
      );
    });

    it('refuses a new seat beyond the limit', () => {
      const full: Roster = {
        people: roster.people,
        seats: Array.from({ length: ROSTER_LIMITS.seats }, (_, index) => ({
          id: `seat-${index}`,
          institution: `I${index}`,
          memberId: 'b',
        })),
      };
      assert.deepEqual(
        problems({ kind: 'addSeat', seatId: 'seat-new', institution: 'IHK', memberId: 'b', deputyId: '' }, full),
        [{ code: 'tooManySeats', max: ROSTER_LIMITS.seats }],
      );
    });

    it('recognises tampered ids and values as tampering', () => {
      const tampered: RosterChange[] = [
        { kind: 'editSeat', seatId: 'seat-of-another-committee', institution: 'X', memberId: 'b', deputyId: '' },
        { kind: 'editSeat', seatId: { $ne: '' }, institution: 'X', memberId: 'b', deputyId: '' },
        { kind: 'removeSeat', seatId: undefined },
        { kind: 'addSeat', seatId: 'seat-new', institution: 'X', memberId: 'stranger', deputyId: '' },
        { kind: 'addSeat', seatId: 'seat-new', institution: 'X', memberId: 'b', deputyId: ['k'] },
        { kind: 'addSeat', seatId: 'seat-new', institution: { text: 'X' }, memberId: 'b', deputyId: '' },
        { kind: 'setRoles', personId: 'stranger', roles: [] },
        { kind: 'setRoles', personId: 'b', roles: ['member'] },
        { kind: 'setRoles', personId: 'b', roles: 'secretariat' },
        { kind: 'setActive', personId: 'b', active: 'false' },
      ];
      for (const change of tampered) {
        const found = problems(change) as Parameters<typeof isTampering>[0][];
        assert.ok(found.some(isTampering), JSON.stringify(change));
      }
    });
  });

  describe('roles and activity', () => {
    it('sets the assignable roles and keeps the seat roles', () => {
      const next = apply({ kind: 'setRoles', personId: 's', roles: ['workingGroup', 'chair'] });
      assert.deepEqual(person(next, 's').roles, ['chair', 'member', 'workingGroup']);
      const cleared = apply({ kind: 'setRoles', personId: 's', roles: [] }, next);
      assert.deepEqual(person(cleared, 's').roles, ['member']);
    });

    it('lets a secretariat give up the role while another one remains', () => {
      const two = apply({ kind: 'setRoles', personId: 'b', roles: ['secretariat'] });
      const next = apply({ kind: 'setRoles', personId: 'k', roles: [] }, two);
      assert.deepEqual(person(next, 'k').roles, []);
    });

    it('never leaves the committee without an active secretariat', () => {
      assert.deepEqual(problems({ kind: 'setRoles', personId: 'k', roles: ['chair'] }), [{ code: 'lastSecretariat' }]);
      assert.deepEqual(problems({ kind: 'setActive', personId: 'k', active: false }), [{ code: 'lastSecretariat' }]);
      const inactiveSecond: Roster = {
        ...roster,
        people: [...roster.people, { aadObjectId: 'x', displayName: 'X', roles: ['secretariat'], active: false }],
      };
      assert.deepEqual(problems({ kind: 'setRoles', personId: 'k', roles: [] }, inactiveSecond), [
        { code: 'lastSecretariat' },
      ]);
    });

    it('deactivates and reactivates a person, keeping their seat and roles', () => {
      const off = apply({ kind: 'setActive', personId: 's', active: false });
      assert.equal(person(off, 's').active, false);
      assert.deepEqual(person(off, 's').roles, ['member']);
      assert.equal(off.seats[0]!.memberId, 's');
      const on = apply({ kind: 'setActive', personId: 'g', active: true });
      assert.equal(person(on, 'g').active, true);
      assert.equal(person(on, 'g').leftAt, undefined);
    });

    it('does not accept an inactive person for a seat', () => {
      const off = apply({ kind: 'setActive', personId: 'b', active: false });
      assert.deepEqual(
        problems({ kind: 'addSeat', seatId: 'seat-new', institution: 'IHK', memberId: 'b', deputyId: '' }, off),
        [{ field: 'memberId', code: 'inactivePerson' }],
      );
    });
  });
});
