import assert from 'node:assert/strict';
import { VERBS } from '../../src/cards/verbs';
import { ACTION_AUDIENCE, type ActionAudience, COMMAND_AUDIENCE, COMMANDS, mayAct, mayUse, type ActionOwner, type CommandId } from '../../src/domain/permissions';
import { translator } from '../../src/i18n/translator';
import { cardText, firstCard } from '../support/bot-harness';
import { payloadFor } from './card-payloads';
import { ACTORS, PermissionWorld, type ActorKey, type PermissionCase } from './permission-world';

const de = translator('de');
const GENERIC_ERROR = de.t('notices.error');
const ROLE_REFUSALS = [de.t('notices.notAllowedSecretariat'), de.t('notices.notAllowedAction'), de.t('actions.errors.notSecretariat')];

/** Who the stored state makes the one person of an action: see the permission world. */
const OWNERS: Readonly<Record<ActionOwner, readonly ActorKey[]>> = {
  invitee: ['birgit'],
  attendee: ['thomas', 'birgit'],
  responsible: ['birgit'],
  submitter: ['lena'],
};

const COMMAND_ARGUMENTS: Partial<Record<CommandId, string>> = { planSessions: ' 2028', extraSession: ' 2027-05-20', invite: ' 2027/3', rsvps: ' 2027/2' };

const standing = (who: ActorKey) => ({ roles: ACTORS[who].roles, committeeExists: true });

function assertAnswered(card: Record<string, unknown>, context: string): string {
  const text = cardText(card);
  assert.ok(Array.isArray(card.body) && card.body.length > 0 && text.trim().length > 0, `${context}: an empty card`);
  assert.ok(!text.includes(GENERIC_ERROR), `${context}: the generic error card:\n${text}`);
  return text;
}

/**
 * Issue 7, point 3: one table (COMMAND_AUDIENCE and ACTION_AUDIENCE in src/domain/permissions)
 * says who may use every command and every card action. Each is run here as every role on a
 * committee in mid-cycle: the allowed are never refused for their role, the others get a clear
 * localised refusal and nothing in the store changes.
 */
describe('bot: every command and card action as every role', function () {
  this.timeout(120_000);
  let template: PermissionWorld;
  before(async () => {
    template = await PermissionWorld.build();
  });
  after(async () => template.dispose());

  async function inCopy(run: (world: PermissionCase) => Promise<void>): Promise<void> {
    const world = await template.open();
    try {
      await run(world);
    } finally {
      await world.close();
    }
  }

  it('has one row for every card verb, and none for a verb that does not exist', () => {
    assert.deepEqual(Object.keys(ACTION_AUDIENCE).sort(), Object.values(VERBS).sort());
    for (const [verb, audience] of Object.entries(ACTION_AUDIENCE)) {
      assert.ok(audience.roles === 'anyone' || audience.roles.length > 0, verb);
    }
  });

  it('covers every role and someone without one', () => {
    const held = new Set(Object.values(ACTORS).flatMap((actor) => actor.roles));
    assert.deepEqual([...held].sort(), ['chair', 'deputy', 'member', 'secretariat', 'workingGroup']);
    assert.ok(Object.values(ACTORS).some((actor) => actor.roles.length === 0));
  });

  describe('commands', () => {
    for (const command of COMMANDS) {
      it(`${command}: ${describeAudience(COMMAND_AUDIENCE[command])}`, async () =>
        inCopy(async (world) => {
          const word = de.t(`commands.${command}.word`) + (COMMAND_ARGUMENTS[command] ?? '');
          const keys = Object.keys(ACTORS) as ActorKey[];
          const refused = keys.filter((who) => !mayUse(command, standing(who)));
          for (const who of refused) {
            const before = world.snapshot();
            const text = assertAnswered(firstCard(await world.bot.message(ACTORS[who].person, word)), `${command} as ${who}`);
            assert.match(text, /Nur die Geschäftsstelle|nur die Geschäftsstelle|nur Personen mit einer Rolle|Nicht erlaubt/, `${command} as ${who}`);
            assert.equal(world.snapshot(), before, `${command} as ${who} changed the store`);
          }
          for (const who of keys.filter((key) => !refused.includes(key))) {
            const text = assertAnswered(firstCard(await world.bot.message(ACTORS[who].person, word)), `${command} as ${who}`);
            assert.doesNotMatch(text, /Nur die Geschäftsstelle|Nicht erlaubt/, `${command} as ${who} was refused`);
          }
        }));
    }
  });

  describe('card actions', () => {
    for (const verb of Object.values(VERBS)) {
      const audience: ActionAudience = ACTION_AUDIENCE[verb];
      it(`${verb}: ${describeAudience(audience.roles)}${audience.onlyThe ? `, only the ${audience.onlyThe}${audience.orAnyOf ? ` or ${audience.orAnyOf.join(', ')}` : ''}` : ''}`, async () =>
        inCopy(async (world) => {
          const data = await payloadFor(verb, world);
          const keys = Object.keys(ACTORS) as ActorKey[];
          const owners = audience.onlyThe ? OWNERS[audience.onlyThe] : keys;
          const entitled = (who: ActorKey) => mayAct(verb, standing(who)) && (owners.includes(who) || (audience.orAnyOf ?? []).some((role) => (ACTORS[who].roles as readonly string[]).includes(role)));
          const refused = keys.filter((who) => !entitled(who));

          for (const who of refused) {
            const before = world.snapshot();
            const text = assertAnswered(await world.bot.execute(ACTORS[who].person, verb, data), `${verb} as ${who}`);
            if (!mayAct(verb, standing(who)) && !audience.onlyThe) assert.ok(ROLE_REFUSALS.some((refusal) => text.includes(refusal)), `${verb} as ${who}: not the role refusal:\n${text}`);
            assert.equal(world.snapshot(), before, `${verb} as ${who} changed the store`);
          }
          // The one person first, so that their click meets the state the card showed.
          for (const who of keys.filter(entitled).sort((a, b) => Number(!owners.includes(a)) - Number(!owners.includes(b)))) {
            const text = assertAnswered(await world.bot.execute(ACTORS[who].person, verb, data), `${verb} as ${who}`);
            assert.ok(!ROLE_REFUSALS.some((refusal) => text.includes(refusal)), `${verb} as ${who} was refused for their role:\n${text}`);
            assert.doesNotMatch(text, /Nicht erlaubt/, `${verb} as ${who}`);
          }
        }));
    }
  });
});

function describeAudience(audience: 'anyone' | readonly string[]): string {
  return audience === 'anyone' ? 'anyone' : audience.join(', ');
}
