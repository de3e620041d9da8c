import assert from 'node:assert/strict';
import { translator } from '../../src/i18n/translator';
import { chatPerson } from '../app/sessions/session-world';
import { BotHarness, cardText } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';
import { countCases } from './fuzz-runs';
import {
  actionsOf,
  committeeDocuments,
  crawl,
  errorRecordingLogger,
  inputsOf,
  receivedCards,
  seedRichWorld,
  textInputsOf,
} from './fuzz-world';

/** Far above every field's limit, and below the request body limit, so only the use case can refuse it. */
const OVERSIZED = 20_000;

/**
 * The forms whose every text field must be limited by the server, whatever the card's maxLength
 * says: a tampered or older client sends what it likes. The crawl must reach each of them. (The
 * seeded session is already held, so the topic form, attendance and minutes answers are not
 * reached here; their text checks are `checkedText` with limits, fuzzed in text-parsers.spec.ts.)
 */
const FORMS_WITH_TEXT = [
  'setup.save',
  'session.save',
  'roster.saveSeat',
  'rsvp.answer',
  'topic.decide',
  'agenda.itemSave',
  'workingGroup.save',
  'minutes.itemSave',
  'action.status',
  'action.proposeDue',
  'actions.open',
  'roster.open',
];

function longestStoredString(documents: ReadonlyArray<Record<string, unknown>>): { length: number; where: string } {
  let longest = { length: 0, where: '' };
  for (const document of documents) {
    JSON.stringify(document, (key, value: unknown) => {
      if (typeof value === 'string' && value.length > longest.length)
        longest = { length: value.length, where: `${String(document.id)} ${key}` };
      return value;
    });
  }
  return longest;
}

describe('fuzz: form size limits', function () {
  this.timeout(120_000);
  let temp: TempStore;
  afterEach(async () => temp?.cleanup());

  it('refuses an oversized value in every text field of every form, storing none of it', async () => {
    temp = await openTempStore();
    const world = await seedRichWorld(temp.store);
    const log = errorRecordingLogger();
    const bot = new BotHarness(world.deps, log.logger);
    const people = ['katrin', 'yusuf', 'sabine', 'lena'] as const;
    const forms = (await crawl(bot, people, 2, await receivedCards(temp.store))).filter(
      ({ card }) => textInputsOf(card).length > 0,
    );
    const checked = new Map<string, Set<string>>();
    let invocations = 0;
    const errorTexts = [translator('de').t('notices.error'), translator('en').t('notices.error')];
    for (const { who, card } of forms) {
      const inputs = inputsOf(card);
      for (const action of actionsOf(card)) {
        for (const field of textInputsOf(card)) {
          const answer = await bot.execute(chatPerson(who), action.verb, {
            ...inputs,
            ...action.data,
            [field]: 'x'.repeat(OVERSIZED),
          });
          for (const error of errorTexts)
            assert.ok(!cardText(answer).includes(error), `${action.verb} ${field}: the generic error card`);
          const longest = longestStoredString(await committeeDocuments(temp.store));
          assert.ok(
            longest.length < OVERSIZED,
            `${action.verb} stored ${longest.length} characters of ${field} (${longest.where})`,
          );
          checked.set(action.verb, (checked.get(action.verb) ?? new Set()).add(field));
          invocations += 1;
        }
      }
    }
    assert.deepEqual(log.errors, []);
    const listing = [...checked].map(([verb, fields]) => `${verb}: ${[...fields].sort().join(', ')}`).sort();
    console.log(
      `      text fields checked against oversized input:\n${listing.map((line) => `        ${line}`).join('\n')}`,
    );
    assert.deepEqual(
      FORMS_WITH_TEXT.filter((verb) => !checked.has(verb)),
      [],
      'a form the crawl no longer reaches',
    );
    countCases('form size limits', invocations);
  });
});
