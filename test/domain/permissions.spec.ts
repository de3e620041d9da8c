import assert from 'node:assert/strict';
import {
  ACTION_AUDIENCE,
  answeredIn,
  availableCommands,
  COMMANDS,
  mayUse,
  personalChatOnlyCommand,
} from '../../src/domain/permissions';
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

  it('offers help, their committees, their own data and their own language to everybody', () => {
    assert.deepEqual(availableCommands({ roles: [], committeeExists: true }), [
      'help',
      'committees',
      'myData',
      'language',
    ]);
    assert.deepEqual(availableCommands({ roles: [], committeeExists: false }), [
      'help',
      'committees',
      'setup',
      'myData',
      'language',
    ]);
    assert.deepEqual(availableCommands({ roles: ['secretariat'], committeeExists: true }), [...COMMANDS]);
  });

  it('answers "my data", the audit trail and the list of committees, typed or clicked, only in a personal chat', () => {
    for (const command of COMMANDS) {
      const personalOnly = command === 'myData' || command === 'audit' || command === 'committees';
      assert.equal(answeredIn(command, 'shared'), !personalOnly, command);
      assert.equal(answeredIn(command, 'personal'), true, command);
    }
    const personalVerbs = Object.keys(ACTION_AUDIENCE).filter((verb) => !answeredIn(verb, 'shared'));
    assert.deepEqual(personalVerbs, ['committee.choose', 'audit.open', 'feed.renew']);
    assert.equal(personalChatOnlyCommand('feed.renew'), 'myData');
    assert.equal(personalChatOnlyCommand('committee.choose'), 'committees');
    assert.equal(personalChatOnlyCommand('audit.open'), 'audit');
    assert.equal(personalChatOnlyCommand('rsvp.answer'), undefined);
    assert.equal(personalChatOnlyCommand('no.such.verb'), undefined);
  });
});
