import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { VERBS } from '../../src/cards/verbs';
import { translator } from '../../src/i18n/translator';
import { chatPerson, type PersonKey } from '../app/sessions/session-world';
import { base, BotHarness, cardText } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';
import { checkProperty } from './fuzz-runs';
import { committeeDocuments, crawl, errorRecordingLogger, receivedCards, seedRichWorld, type ErrorLog } from './fuzz-world';

/** Cases per verb and person: 53 verbs, two people, so about 5,300 invokes in all. */
const RUNS_PER_VERB = 50;

/** The generic error card's text: it means a use case threw, which no input may cause. */
const ERROR_TEXTS = [translator('de').t('notices.error'), translator('en').t('notices.error')];

/** A line that is only a translation key: a text some refusal forgot to translate. */
const RAW_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z][A-Za-z0-9]*){1,4}$/m;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const HOSTILE_STRINGS = ['', ' ', '<at>Katrin</at>', '${$root}', '[x](https://evil.example)', '{"type":"Action.OpenUrl","url":"https://evil.example"}', '../committee', 'session-2027-99', '-1', 'NaN', '1e309', 'true', '\u0000', '😀'.repeat(3000)];

describe('fuzz: card actions', function () {
  this.timeout(120_000);
  let temp: TempStore;
  let bot: BotHarness;
  let log: ErrorLog;
  /** Real data of each verb's buttons, as the seeded committee's cards carry them. */
  const realData = new Map<string, Array<Record<string, unknown>>>();
  /** Every id-like value on those cards, and the stored documents' ids. */
  let realValues: unknown[] = [];
  let fieldNames: string[] = [];

  before(async function () {
    this.timeout(120_000);
    temp = await openTempStore();
    const world = await seedRichWorld(temp.store);
    log = errorRecordingLogger();
    bot = new BotHarness(world.deps, log.logger);
    for (const { card } of await crawl(bot, ['katrin', 'yusuf', 'sabine', 'lena'], 2, await receivedCards(temp.store))) {
      JSON.stringify(card, (_key, value: unknown) => {
        const action = value as { type?: unknown; verb?: unknown; data?: Record<string, unknown> } | null;
        if (action?.type === 'Action.Execute' && typeof action.verb === 'string') realData.set(action.verb, [...(realData.get(action.verb) ?? []), action.data ?? {}]);
        return value;
      });
    }
    assert.deepEqual(log.errors, [], 'the crawl itself met an error');
    // Without real data for most verbs, the cases would only test refusals of nonsense.
    const missing = Object.values(VERBS).filter((verb) => !realData.has(verb));
    // The crawl goes two clicks deep; verbs behind a third click (erasing a person, paging the
    // audit trail) are fuzzed with collected ids. At least two thirds of the verbs must have real data.
    assert.ok(missing.length <= Object.values(VERBS).length / 3, `no real card data for ${missing.join(', ')}`);
    console.log(`      real card data for ${realData.size} verbs; none for ${missing.join(', ')}`);
    const values = new Set<unknown>();
    const names = new Set<string>();
    for (const data of [...realData.values()].flat()) for (const [name, value] of Object.entries(data)) (names.add(name), values.add(value));
    for (const document of await committeeDocuments(temp.store)) values.add(document.id);
    realValues = [...values];
    fieldNames = [...names];
  });
  after(async () => temp?.cleanup());

  /** A field's value as tampering or a buggy client might send it. */
  const fieldValue = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...realValues) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.constantFrom(true, false, null, 0, -1, 1.5, Number.MAX_SAFE_INTEGER) },
      { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), 'a '.repeat(30_000)) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...realValues)) },
    );

  /** A card's data: a real button's data with fields changed, or any record, or no record at all. */
  const payload = (verb: string): fc.Arbitrary<unknown> => {
    const key = fc.oneof(fc.constantFrom(...fieldNames), fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 }));
    const real = realData.get(verb) ?? [{}];
    return fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...real), fc.dictionary(key, fieldValue(), { maxKeys: 4 })).map(([data, changes]) => ({ ...data, ...changes })) },
      { weight: 3, arbitrary: fc.dictionary(key, fieldValue(), { maxKeys: 10 }) },
      { weight: 1, arbitrary: fc.oneof(fc.anything(), fc.constant(null), fc.array(fc.constantFrom(...realValues))) },
    );
  };

  /** Sends an Action.Execute as it arrives over the wire (JSON), and returns the invoke response. */
  async function invoke(who: PersonKey, verb: string, data: unknown, locale: string): Promise<{ status: number; card: Record<string, unknown> }> {
    const wire = JSON.parse(JSON.stringify({ action: { type: 'Action.Execute', verb, data: data ?? null } })) as unknown;
    const replies = await bot.send({ ...base(chatPerson(who)), locale, type: 'invoke', name: 'adaptiveCard/action', value: wire } as Partial<Activity>);
    const response = replies.find((reply) => reply.type === 'invokeResponse')?.value as { status?: number; body?: { value?: Record<string, unknown> } } | undefined;
    return { status: response?.status ?? 0, card: response?.body?.value ?? {} };
  }

  for (const verb of Object.values(VERBS)) {
    for (const who of ['katrin', 'yusuf'] as const) {
      it(`${verb} as ${who === 'katrin' ? 'the secretariat' : 'a member'}: any data gets a localised card, never an error`, async () => {
        await checkProperty(
          'card actions',
          fc.asyncProperty(payload(verb), fc.constantFrom('de-DE', 'en-US'), async (data, locale) => {
            const before = log.errors.length;
            const { status, card } = await invoke(who, verb, data, locale);
            assert.equal(status, 200, `status ${status}`);
            assert.equal(card.type, 'AdaptiveCard');
            const text = cardText(card);
            assert.ok(text.trim().length > 0, 'an empty card');
            assert.equal(log.errors.length, before, `an error was logged: ${String(JSON.stringify(log.errors.at(-1))).slice(0, 2000)}`);
            for (const error of ERROR_TEXTS) assert.ok(!text.includes(error), 'the generic error card');
            assert.doesNotMatch(text, RAW_KEY, 'an untranslated text');
          }),
          RUNS_PER_VERB,
        );
      });
    }
  }
});
