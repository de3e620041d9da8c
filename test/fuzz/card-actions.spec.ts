import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VERBS, type Verb } from '../../src/cards/verbs';
import { translator } from '../../src/i18n/translator';
import { chatPerson } from '../app/sessions/session-world';
import { EXPECTED_VERBS, markFor } from '../bot/expected-permissions';
import { cardText, type Person } from '../support/bot-harness';
import { isRefusal } from './answer-kind';
import { collectMoments, invoke, type MomentsWorld } from './card-moments';
import { filledForm } from './form-filling';
import { checkProperty, PathCount } from './fuzz-runs';

/** Cases per verb and property: 51 verbs, two properties each, so about 5,100 invokes in all. */
const RUNS_PER_VERB = 50;

/**
 * Verbs whose click this world cannot accept, and why; their cases test refusals only. Every
 * other verb must have a moment to start from, and be accepted in a third of its cases.
 */
const NOT_ACCEPTED_HERE: Partial<Record<Verb, string>> = {
  'roster.import':
    "taking over members reads a Teams team's member list, which needs a team or group chat and Teams itself " +
    '(test/bot/roster.spec.ts covers it)',
};

/** The generic error card's text: it means a use case threw, which no input may cause. */
const ERROR_TEXTS = [translator('de').t('notices.error'), translator('en').t('notices.error')];

/** A line that is only a translation key: a text some refusal forgot to translate. */
const RAW_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z][A-Za-z0-9]*){1,4}$/m;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '<at>Katrin</at>',
  '${$root}',
  '[x](https://evil.example)',
  '{"type":"Action.OpenUrl","url":"https://evil.example"}',
  '../committee',
  'session-2027-99',
  '-1',
  'NaN',
  '1e309',
  'true',
  '\u0000',
  '😀'.repeat(3000),
];

/** Someone of the organisation who holds no role in the committee. */
const STRANGER: Person = { id: '29:stranger', aadObjectId: '0f0f0f0f-0000-0000-0000-00000000000f', name: 'Jemand' };

/** One case: the moment to start from, the data sent, and the language. */
interface ClickCase {
  readonly moment: number;
  readonly data: unknown;
  readonly locale: string;
}

describe('fuzz: card actions', function () {
  this.timeout(120_000);
  let world: MomentsWorld;

  before(async function () {
    this.timeout(180_000);
    world = await collectMoments();
    const missing = Object.values(VERBS).filter((verb) => !world.moments.has(verb));
    assert.deepEqual(missing, Object.keys(NOT_ACCEPTED_HERE), 'verbs without a moment whose click is accepted');
  });
  after(async () => world?.close());

  /** A field's value as tampering or a buggy client might send it. */
  const fieldValue = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...world.realValues) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.constantFrom(true, false, null, 0, -1, 1.5, Number.MAX_SAFE_INTEGER) },
      { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), 'a '.repeat(30_000)) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...world.realValues)) },
    );

  /**
   * Half the cases are clicks as a person makes them: the form filled in plainly (as tried when
   * the moment was kept) or filled in otherwise (other choices, dates, texts). The other half is
   * tampered: the real click with fields changed, any record, or no record at all.
   */
  const clickCase = (verb: string): fc.Arbitrary<ClickCase> => {
    const moments = world.moments.get(verb) ?? [];
    const moment = fc.nat({ max: Math.max(0, moments.length - 1) });
    const filled = (index: number) =>
      filledForm(moments[index]?.inputs ?? [], world.today).map((form) => ({ ...form, ...moments[index]?.data }));
    const key = fc.oneof(
      fc.constantFrom(...world.fieldNames),
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.string({ maxLength: 12 }),
    );
    const data = fc.oneof(
      { weight: 3, arbitrary: moment.map((index) => ({ moment: index, data: moments[index]?.plain ?? {} })) },
      { weight: 2, arbitrary: moment.chain((index) => filled(index).map((form) => ({ moment: index, data: form }))) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            moment.chain((index) => filled(index).map((form) => [index, form] as const)),
            fc.dictionary(key, fieldValue(), { minKeys: 1, maxKeys: 4 }),
          )
          .map(([[index, form], changes]) => ({ moment: index, data: { ...form, ...changes } })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(moment, fc.dictionary(key, fieldValue(), { maxKeys: 10 }))
          .map(([index, any]) => ({ moment: index, data: any })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(moment, fc.oneof(fc.anything(), fc.constant(null), fc.array(fc.constantFrom(...world.realValues))))
          .map(([index, any]) => ({ moment: index, data: any })),
      },
    );
    return fc.tuple(data, fc.constantFrom('de-DE', 'en-US')).map(([chosen, locale]) => ({ ...chosen, locale }));
  };

  /** Puts the moment's state back, clicks, and checks the answer is a localised card, never the error card. */
  async function click(
    verb: string,
    who: Person,
    { moment, data, locale }: ClickCase,
  ): Promise<Record<string, unknown>> {
    const chosen = world.moments.get(verb)?.[moment];
    if (chosen) world.snapshots.restore(chosen.state);
    const before = world.log.errors.length;
    const { status, card } = await invoke(world.bot, who, verb, data, locale);
    assert.equal(status, 200, `status ${status}`);
    assert.equal(card.type, 'AdaptiveCard');
    const text = cardText(card);
    assert.ok(text.trim().length > 0, 'an empty card');
    const error = String(JSON.stringify(world.log.errors.at(-1))).slice(0, 2000);
    assert.equal(world.log.errors.length, before, `an error was logged: ${error}`);
    for (const generic of ERROR_TEXTS) assert.ok(!text.includes(generic), 'the generic error card');
    assert.doesNotMatch(text, RAW_KEY, 'an untranslated text');
    return card;
  }

  for (const verb of Object.values(VERBS)) {
    const reason = NOT_ACCEPTED_HERE[verb];
    const offered = `${verb} as the person whose card offers it`;
    it(`${offered}: any data gets a localised card, a third of the clicks accepted`, async () => {
      const paths = new PathCount(`${verb} accepted`);
      await checkProperty(
        'card actions',
        fc.asyncProperty(clickCase(verb), async (clicked) => {
          const who = world.moments.get(verb)?.[clicked.moment]?.who ?? 'katrin';
          paths.took(!isRefusal(await click(verb, chatPerson(who), clicked), verb));
        }),
        RUNS_PER_VERB,
        paths,
        // Data a verb does not read (opening a list) is never refused to the person it belongs to;
        // refusals are what the property below asserts for every case. A verb this world cannot
        // accept is listed above with its reason.
        { accepted: reason ? 0 : undefined, refused: 0 },
      );
    });

    const row = EXPECTED_VERBS[verb];
    const member = row !== undefined && markFor(row, ['member']) === '-';
    const refusedPerson = member ? chatPerson('yusuf') : STRANGER;
    const refused = `${verb} as ${member ? 'a member' : 'someone without a role'}`;
    it(`${refused}: any data is refused with a localised card`, async () => {
      const paths = new PathCount(`${verb} accepted for a person the roles table refuses`);
      await checkProperty(
        'card actions',
        fc.asyncProperty(clickCase(verb), async (clicked) => {
          const card = await click(verb, refusedPerson, clicked);
          assert.ok(paths.took(!isRefusal(card, verb)) === false, `accepted:\n${cardText(card).slice(0, 500)}`);
        }),
        RUNS_PER_VERB,
        paths,
        { accepted: 0, refused: 1 },
      );
    });
  }
});
