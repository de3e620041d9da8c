import assert from 'node:assert/strict';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { changeRoster, type RosterRequest } from '../../../src/app/roster/change-roster';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { seatDocumentId } from '../../../src/domain/ids';
import { COMMITTEE, PEOPLE, SEATS, type PersonKey, type SessionWorld } from './session-world';

/**
 * What the secretariat does to the roster between an invitation or a circulation and an answer,
 * through the same use cases its cards call: deactivating, erasing, and taking a person off a seat.
 */
export function rosterMoves(world: SessionWorld) {
  const change = async (request: RosterRequest) => {
    const { revision } = await loadRoster(world.store, COMMITTEE);
    const result = await changeRoster(world.deps, await world.actor('katrin'), { revision, request });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
  };
  const seat = (key: string) => SEATS.find((candidate) => candidate.id === seatDocumentId(key))!;
  return {
    deactivate: (who: PersonKey) => change({ kind: 'setActive', personId: PEOPLE[who], active: false }),
    async erase(who: PersonKey) {
      const { revision } = await loadRoster(world.store, COMMITTEE);
      const result = await erasePerson(world.deps, await world.actor('katrin'), { revision, personId: PEOPLE[who] });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
    },
    removeSeat: (key: string) => change({ kind: 'removeSeat', seatId: seatDocumentId(key) }),
    /** The seat keeps its member and loses its deputy. */
    dropDeputy: (key: string) =>
      change({
        kind: 'saveSeat',
        seatId: seatDocumentId(key),
        institution: seat(key).institution,
        memberId: seat(key).memberId,
        deputyId: '',
      }),
    /** Another person becomes the seat's member; the deputy stays. */
    replaceMember: (key: string, by: PersonKey) =>
      change({
        kind: 'saveSeat',
        seatId: seatDocumentId(key),
        institution: seat(key).institution,
        memberId: PEOPLE[by],
        deputyId: seat(key).deputyId ?? '',
      }),
  };
}
