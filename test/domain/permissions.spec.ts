import assert from 'node:assert/strict';
import { availableCommands, COMMANDS, mayUse } from '../../src/domain/permissions';
import { ROLES } from '../../src/domain/roles';

describe('domain/permissions', () => {
  it('lets anyone set up a committee that does not exist yet', () => {
    assert.equal(mayUse('setup', { roles: [], committeeExists: false }), true);
  });

  it('lets only the secretariat change an existing committee', () => {
    for (const role of ROLES) {
      assert.equal(mayUse('setup', { roles: [role], committeeExists: true }), role === 'secretariat', role);
    }
    assert.equal(mayUse('setup', { roles: [], committeeExists: true }), false);
  });

  it('offers help and their own data to everybody', () => {
    assert.deepEqual(availableCommands({ roles: [], committeeExists: true }), ['help', 'myData']);
    assert.deepEqual(availableCommands({ roles: ['secretariat'], committeeExists: true }), [...COMMANDS]);
  });
});
