import assert from 'node:assert/strict';
import { personJoining, personLeaving } from '../../src/domain/roster-membership';
import type { Person } from '../../src/domain/roster';

const sabine: Person = {
  aadObjectId: 's',
  displayName: 'Sabine Hoffmann',
  roles: ['member'],
  institution: 'Jobcenter Leipzig',
  active: true,
};

describe('domain/roster-membership', () => {
  it('lets someone new join without a role', () => {
    assert.deepEqual(personJoining(undefined, { aadObjectId: 'n', displayName: 'Neu' }), {
      aadObjectId: 'n',
      displayName: 'Neu',
      roles: [],
      active: true,
    });
  });

  it("takes Teams' name for someone known and keeps their roles", () => {
    assert.deepEqual(personJoining(sabine, { aadObjectId: 's', displayName: 'Dr. Sabine Hoffmann' }), {
      ...sabine,
      displayName: 'Dr. Sabine Hoffmann',
    });
    assert.equal(personJoining(sabine, { aadObjectId: 's', displayName: '' }).displayName, 'Sabine Hoffmann');
  });

  it('reactivates someone who had left, but not someone the secretariat deactivated', () => {
    const left = personLeaving(sabine, '2026-11-21T10:00:00.000Z');
    assert.deepEqual(left, { ...sabine, active: false, leftAt: '2026-11-21T10:00:00.000Z' });
    const back = personJoining(left, { aadObjectId: 's', displayName: 'Sabine Hoffmann' });
    assert.deepEqual(back, sabine);
    const deactivated: Person = { ...sabine, active: false };
    assert.equal(personJoining(deactivated, { aadObjectId: 's', displayName: 'Sabine Hoffmann' }).active, false);
  });

  it('leaves someone already inactive as they are', () => {
    const deactivated: Person = { ...sabine, active: false };
    assert.equal(personLeaving(deactivated, '2026-11-21T10:00:00.000Z'), deactivated);
  });
});
