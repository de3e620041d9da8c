import assert from 'node:assert/strict';
import { VERBS } from '../../src/cards/verbs';
import {
  ACTION_AUDIENCE,
  type ActionAudience,
  COMMANDS,
  mayAct,
  mayUse,
  type CommandId,
} from '../../src/domain/permissions';
import { ROLES, type Role } from '../../src/domain/roles';
import { COMMAND_REGISTRY, VERB_REGISTRY } from '../../src/domain/verb-registry';
import { translator } from '../../src/i18n/translator';
import { cardText, firstCard } from '../support/bot-harness';
import { payloadFor } from './card-payloads';
import {
  COLUMNS,
  describeRow,
  EXPECTED_COMMANDS,
  EXPECTED_VERBS,
  markFor,
  type ExpectedRow,
  type Owner,
} from './expected-permissions';
import { ACTORS, PermissionWorld, type ActorKey, type PermissionCase } from './permission-world';

const de = translator('de');
const GENERIC_ERROR = de.t('notices.error');
const ROLE_REFUSALS = [
  de.t('notices.notAllowedSecretariat'),
  de.t('notices.notAllowedAction'),
  de.t('actions.errors.notSecretariat'),
];

/** Who the stored state makes the one person of an action: see the permission world. */
const OWNERS: Readonly<Record<Owner, readonly ActorKey[]>> = {
  invitee: ['birgit'],
  attendee: ['thomas', 'birgit'],
  responsible: ['birgit'],
  submitter: ['lena'],
};

const COMMAND_ARGUMENTS: Partial<Record<CommandId, string>> = {
  planSessions: ' 2028',
  extraSession: ' 2027-05-20',
  invite: ' 2027/3',
  rsvps: ' 2027/2',
};

/** Whether the test's table lets this person act: their role, or for an owner row, being the owner. */
function entitled(row: ExpectedRow, who: ActorKey): boolean {
  const mark = markFor(row, ACTORS[who].roles);
  return mark === 'x' || (mark === 'o' && row.owner !== undefined && OWNERS[row.owner].includes(who));
}

/** The row production's table gives, in the marks of the test's table, for comparing the two. */
function productionRow(allowed: (roles: readonly Role[]) => boolean, audience?: ActionAudience): ExpectedRow {
  const marks = COLUMNS.map((column) => {
    const roles = column === 'none' ? [] : [column];
    if (!allowed(roles)) return '-';
    return audience?.onlyThe && !roles.some((role) => (audience.orAnyOf ?? []).includes(role)) ? 'o' : 'x';
  });
  return { marks: marks.join(''), ...(audience?.onlyThe ? { owner: audience.onlyThe } : {}) };
}

function assertAnswered(card: Record<string, unknown>, context: string): string {
  const text = cardText(card);
  assert.ok(Array.isArray(card.body) && card.body.length > 0 && text.trim().length > 0, `${context}: an empty card`);
  assert.ok(!text.includes(GENERIC_ERROR), `${context}: the generic error card:\n${text}`);
  return text;
}

/**
 * One registry in production (src/domain/verb-registry.ts, read through src/domain/permissions)
 * says who may use every command and every card action; this test holds its own table of the
 * same rules (expected-permissions.ts). Each
 * command and verb is run as every role on a committee in mid-cycle: those the test's table
 * allows are never refused for their role, the others get a clear localised refusal and nothing
 * in the store changes.
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

  it('has one row for every registered card verb, and none for a verb that does not exist', () => {
    assert.deepEqual(Object.keys(ACTION_AUDIENCE).sort(), Object.keys(VERB_REGISTRY).sort());
    for (const [verb, audience] of Object.entries(ACTION_AUDIENCE)) {
      assert.ok(audience.roles === 'anyone' || audience.roles.length > 0, verb);
    }
  });

  it("has a row in the test's table for every registered command and verb, and none for another", () => {
    assert.deepEqual(Object.keys(EXPECTED_COMMANDS).sort(), Object.keys(COMMAND_REGISTRY).sort());
    assert.deepEqual(Object.keys(EXPECTED_VERBS).sort(), Object.keys(VERB_REGISTRY).sort());
    assert.deepEqual([...COMMANDS].sort(), Object.keys(COMMAND_REGISTRY).sort());
    assert.deepEqual(Object.values(VERBS).sort(), Object.keys(VERB_REGISTRY).sort());
    assert.deepEqual([...COLUMNS.slice(0, -1)].sort(), [...ROLES].sort());
    for (const [name, row] of [...Object.entries(EXPECTED_COMMANDS), ...Object.entries(EXPECTED_VERBS)]) {
      assert.match(row.marks, /^[xo-]{6}$/, name);
      assert.equal(row.marks.includes('o'), row.owner !== undefined, `${name}: an owner exactly where a mark is o`);
    }
  });

  it("agrees with production's table row by row", () => {
    const standing = (roles: readonly Role[]) => ({ roles, committeeExists: true });
    const commands = Object.fromEntries(
      COMMANDS.map((command) => [command, productionRow((roles) => mayUse(command, standing(roles)))]),
    );
    const verbs = Object.fromEntries(
      Object.values(VERBS).map((verb) => [
        verb,
        productionRow((roles) => mayAct(verb, standing(roles)), ACTION_AUDIENCE[verb]),
      ]),
    );
    assert.deepEqual(commands, EXPECTED_COMMANDS);
    assert.deepEqual(verbs, EXPECTED_VERBS);
  });

  it('covers every role and someone without one', () => {
    const held = new Set(Object.values(ACTORS).flatMap((actor) => actor.roles));
    assert.deepEqual([...held].sort(), ['chair', 'deputy', 'member', 'secretariat', 'workingGroup']);
    assert.ok(Object.values(ACTORS).some((actor) => actor.roles.length === 0));
  });

  describe('commands', () => {
    for (const command of COMMANDS) {
      const row = EXPECTED_COMMANDS[command];
      if (!row) continue; // reported by the check that the test's table covers production
      it(`${command}: ${describeRow(row)}`, async () =>
        inCopy(async (world) => {
          const word = de.t(`commands.${command}.word`) + (COMMAND_ARGUMENTS[command] ?? '');
          const keys = Object.keys(ACTORS) as ActorKey[];
          const refused = keys.filter((who) => !entitled(row, who));
          for (const who of refused) {
            const before = world.snapshot();
            const text = assertAnswered(
              firstCard(await world.bot.message(ACTORS[who].person, word)),
              `${command} as ${who}`,
            );
            assert.match(
              text,
              /Nur die Geschäftsstelle|nur die Geschäftsstelle|nur Personen mit einer Rolle|Nicht erlaubt/,
              `${command} as ${who}`,
            );
            assert.equal(world.snapshot(), before, `${command} as ${who} changed the store`);
          }
          for (const who of keys.filter((key) => !refused.includes(key))) {
            const text = assertAnswered(
              firstCard(await world.bot.message(ACTORS[who].person, word)),
              `${command} as ${who}`,
            );
            assert.doesNotMatch(text, /Nur die Geschäftsstelle|Nicht erlaubt/, `${command} as ${who} was refused`);
          }
        }));
    }
  });

  describe('card actions', () => {
    for (const verb of Object.values(VERBS)) {
      const row = EXPECTED_VERBS[verb];
      if (!row) continue; // reported by the check that the test's table covers production
      it(`${verb}: ${describeRow(row)}`, async () =>
        inCopy(async (world) => {
          const data = await payloadFor(verb, world);
          const keys = Object.keys(ACTORS) as ActorKey[];
          const owners = row.owner ? OWNERS[row.owner] : keys;
          const refused = keys.filter((who) => !entitled(row, who));

          for (const who of refused) {
            const before = world.snapshot();
            const text = assertAnswered(await world.bot.execute(ACTORS[who].person, verb, data), `${verb} as ${who}`);
            // Refused for the role alone, the person hears so; an owner row's use case says why.
            if (markFor(row, ACTORS[who].roles) === '-' && !row.owner) {
              const refusedForRole = ROLE_REFUSALS.some((refusal) => text.includes(refusal));
              assert.ok(refusedForRole, `${verb} as ${who}: not the role refusal:\n${text}`);
            }
            assert.equal(world.snapshot(), before, `${verb} as ${who} changed the store`);
          }
          // The one person first, so that their click meets the state the card showed.
          const allowed = keys.filter((who) => entitled(row, who));
          for (const who of allowed.sort((a, b) => Number(!owners.includes(a)) - Number(!owners.includes(b)))) {
            const text = assertAnswered(await world.bot.execute(ACTORS[who].person, verb, data), `${verb} as ${who}`);
            assert.ok(
              !ROLE_REFUSALS.some((refusal) => text.includes(refusal)),
              `${verb} as ${who} was refused for their role:\n${text}`,
            );
            assert.doesNotMatch(text, /Nicht erlaubt/, `${verb} as ${who}`);
          }
        }));
    }
  });
});
