import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_ROUTES, COMMAND_ROUTES } from '../../src/bot/routes';
import { VERBS } from '../../src/cards/verbs';
import { ACTION_AUDIENCE, COMMAND_AUDIENCE, mayAct } from '../../src/domain/permissions';
import { ROLES } from '../../src/domain/roles';
import { COMMAND_REGISTRY, VERB_LIST, VERB_REGISTRY } from '../../src/domain/verb-registry';

const ROOT = path.join(__dirname, '../..');
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

/** The card renderers (src/cards/*.ts) by file name, with their source. */
const RENDERERS = readdirSync(path.join(ROOT, 'src/cards'))
  .filter((file) => file.endsWith('.ts') && file !== 'verbs.ts')
  .map((file) => ({ file, source: read('src/cards', file) }));

/** Templates (adaptiveCards/*.json) with a slot for a verb, which renderers fill from VERBS. */
const TEMPLATES_WITH_VERBS = new Set(
  readdirSync(path.join(ROOT, 'adaptiveCards'))
    .filter((file) => file.endsWith('.json') && /"verb":\s*"\$\{[^}]+\}"/.test(read('adaptiveCards', file)))
    .map((file) => file.replace(/\.json$/, '')),
);

/** The templates a renderer expands. */
function templatesOf(source: string): string[] {
  return [...source.matchAll(/expandCard\('([a-z-]+)'/g)].map(([, name]) => name!);
}

/**
 * The bot's routes are built from the verb registry (src/domain/verb-registry.ts): every
 * registered verb and command has a route, a row in the permission table and (for a verb) a card
 * that sends it, and nothing is routed that the registry does not know.
 */
describe('bot/routes', () => {
  it('routes every registered card verb, and no verb the registry does not know', () => {
    assert.deepEqual(Object.keys(CARD_ROUTES).sort(), [...VERB_LIST].sort());
    for (const verb of VERB_LIST) assert.equal(typeof CARD_ROUTES[verb], 'function', verb);
  });

  it('routes every registered command, and no command the registry does not know', () => {
    assert.deepEqual(Object.keys(COMMAND_ROUTES).sort(), Object.keys(COMMAND_REGISTRY).sort());
    for (const route of Object.values(COMMAND_ROUTES)) assert.equal(typeof route, 'function');
  });

  it('has a permission row for every verb and command that admits someone', () => {
    for (const verb of VERB_LIST) {
      assert.ok(Object.hasOwn(ACTION_AUDIENCE, verb), verb);
      const admitted = ROLES.some((role) => mayAct(verb, { roles: [role], committeeExists: true }));
      assert.ok(admitted || ACTION_AUDIENCE[verb].roles === 'anyone', `${verb} admits nobody`);
    }
    for (const command of Object.keys(COMMAND_REGISTRY)) assert.ok(Object.hasOwn(COMMAND_AUDIENCE, command), command);
  });

  it('has for every verb a card renderer that sends it through a template with a verb slot', () => {
    const constants = Object.entries(VERBS);
    assert.equal(constants.length, VERB_LIST.length);
    for (const [constant, verb] of constants) {
      const senders = RENDERERS.filter(({ source }) => new RegExp(`\\bVERBS\\.${constant}\\b`).test(source));
      assert.ok(senders.length > 0, `${verb}: no card in src/cards sends VERBS.${constant}`);
      const templates = senders.flatMap(({ source }) => templatesOf(source));
      assert.ok(
        templates.some((name) => TEMPLATES_WITH_VERBS.has(name)),
        `${verb}: sent by ${senders.map(({ file }) => file).join(', ')}, whose templates (${templates.join(', ')}) ` +
          'have no verb slot',
      );
    }
  });

  it('names each verb constant after its verb, as the registry spells it', () => {
    for (const [constant, verb] of Object.entries(VERBS)) {
      assert.ok(Object.hasOwn(VERB_REGISTRY, verb), verb);
      assert.equal(
        constant,
        verb.replace(/\.(.)/, (_dot, initial: string) => initial.toUpperCase()),
      );
    }
  });
});
