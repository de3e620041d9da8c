import assert from 'node:assert/strict';
import {
  ACTION_AUDIENCE,
  COMMAND_AUDIENCE,
  COMMANDS as PERMISSION_COMMANDS,
  PERSONAL_CHAT_ONLY,
} from '../../src/domain/permissions';
import { ROLES } from '../../src/domain/roles';
import { TEXT_FIELDS } from '../../src/domain/text-input';
import {
  COMMAND_REGISTRY,
  COMMANDS,
  FIELD_KINDS,
  isVerb,
  VERB_LIST,
  VERB_REGISTRY,
  type CommandEntry,
  type VerbEntry,
} from '../../src/domain/verb-registry';

/**
 * The verb strings as cards already sent to Teams carry them: a card clicked months later still
 * sends its verb, so none of these may change or disappear. Written out here, not read from the
 * registry, so that renaming one in production fails this test.
 */
const STORED_VERBS = [
  'committee.choose',
  'command.run',
  'setup.open',
  'setup.save',
  'delivery.retry',
  'delivery.open',
  'session.list',
  'session.edit',
  'session.save',
  'session.step',
  'session.invite',
  'invitation.view',
  'rsvp.answer',
  'rsvps.open',
  'rsvps.remind',
  'attendance.open',
  'attendance.save',
  'topic.form',
  'topic.submit',
  'topic.withdraw',
  'topics.open',
  'topics.call',
  'topic.decideForm',
  'topic.decide',
  'agenda.open',
  'agenda.move',
  'agenda.itemForm',
  'agenda.itemSave',
  'agenda.publish',
  'workingGroups.open',
  'workingGroup.form',
  'workingGroup.save',
  'workingGroup.end',
  'minutes.open',
  'minutes.itemForm',
  'minutes.itemSave',
  'minutes.circulate',
  'minutes.respond',
  'minutes.approve',
  'actions.open',
  'action.open',
  'action.status',
  'action.proposeDue',
  'action.decideDue',
  'roster.open',
  'roster.import',
  'roster.newSeat',
  'roster.editSeat',
  'roster.saveSeat',
  'roster.removeSeat',
  'roster.editPerson',
  'roster.saveRoles',
  'roster.setActive',
  'roster.withoutTeamsForm',
  'roster.addWithoutTeams',
  'roster.saveEmail',
  'person.erase',
  'person.export',
  'audit.open',
  'feed.renew',
];

const verbEntries = (): Array<[string, VerbEntry]> => Object.entries(VERB_REGISTRY);
const commandEntries = (): Array<[string, CommandEntry]> => Object.entries(COMMAND_REGISTRY);

describe('domain/verb-registry', () => {
  it('keeps every verb string that cards in Teams already carry, and registers no other', () => {
    assert.deepEqual([...VERB_LIST].sort(), [...STORED_VERBS].sort());
    for (const verb of STORED_VERBS) assert.ok(isVerb(verb), verb);
    assert.equal(isVerb('committee.delete'), false);
    assert.equal(isVerb('toString'), false);
  });

  it('names who may use every command and verb, and only roles that exist', () => {
    for (const [name, entry] of [...commandEntries(), ...verbEntries()]) {
      if (entry.roles === 'anyone') continue;
      assert.ok(entry.roles.length > 0, `${name}: nobody`);
      for (const role of entry.roles) assert.ok((ROLES as readonly string[]).includes(role), `${name}: ${role}`);
    }
    for (const [verb, entry] of verbEntries()) {
      for (const role of entry.orAnyOf ?? []) assert.ok(entry.roles.includes(role), `${verb}: ${role}`);
      assert.ok(!entry.orAnyOf || entry.onlyThe, `${verb}: orAnyOf without an owner`);
    }
  });

  it('ties a personal-chat-only verb to a command that is personal-chat-only too', () => {
    for (const [verb, entry] of verbEntries()) {
      if (!entry.personalChatOnly) continue;
      assert.equal((COMMAND_REGISTRY[entry.personalChatOnly] as CommandEntry).personalChatOnly, true, verb);
    }
  });

  it('describes every field a verb reads with a known kind, families with one `*`', () => {
    for (const [verb, entry] of verbEntries()) {
      for (const [field, kind] of Object.entries(entry.payload)) {
        assert.ok(Object.hasOwn(FIELD_KINDS, kind), `${verb}.${field}: ${kind}`);
        assert.match(field, /^[A-Za-z][A-Za-z_-]*(\*[A-Za-z_-]*)?$/, `${verb}.${field}`);
        assert.notEqual(field, 'verb', `${verb}: the verb itself is no field`);
      }
    }
  });

  it("bounds text above every text field's own limit, so that the use case names the limit", () => {
    const longest = Math.max(...Object.values(TEXT_FIELDS).map((rule) => rule.max));
    assert.ok(FIELD_KINDS.text.maxLength > longest, `${FIELD_KINDS.text.maxLength} <= ${longest}`);
  });

  it('builds the permission tables from the registry', () => {
    assert.deepEqual([...PERMISSION_COMMANDS], [...COMMANDS]);
    assert.deepEqual(Object.keys(COMMAND_AUDIENCE), [...COMMANDS]);
    for (const command of COMMANDS) assert.deepEqual(COMMAND_AUDIENCE[command], COMMAND_REGISTRY[command].roles);
    assert.deepEqual(
      [...PERSONAL_CHAT_ONLY].sort(),
      commandEntries()
        .filter(([, entry]) => entry.personalChatOnly)
        .map(([command]) => command)
        .sort(),
    );
    assert.deepEqual(Object.keys(ACTION_AUDIENCE), [...VERB_LIST]);
    for (const [verb, { payload: _payload, ...audience }] of verbEntries())
      assert.deepEqual(ACTION_AUDIENCE[verb as keyof typeof ACTION_AUDIENCE], audience, verb);
  });
});
