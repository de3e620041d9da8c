import assert from 'node:assert/strict';
import { chatPerson } from '../app/sessions/session-world';
import { BotHarness, firstCard } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';
import {
  committeeDocuments,
  crawl,
  errorRecordingLogger,
  receivedCards,
  seedRichWorld,
  type CrawledCard,
} from './fuzz-world';

/**
 * What an attacker (or a careless paste) puts into every text a card shows: a markdown link, a
 * Teams mention, a template expression, card JSON, and lines that markdown would restyle.
 */
const HOSTILE =
  'Böse [x](https://evil.example) <at>Katrin Albers</at> ${$root.secret} {"type":"Action.OpenUrl","url":"https://evil.example"}\n# Titel\n- **fett** ![bild](https://evil.example/b.png)';

/**
 * The stored fields that hold text people typed or that Teams supplied (display names): each is
 * shown on some card. Ids, dates, states and links are left alone, since they are checked or
 * generated, never shown as free text.
 */
const USER_TEXT_KEYS = new Set([
  'name',
  'shortName',
  'displayName',
  'institution',
  'place',
  'chair',
  'title',
  'description',
  'text',
  'summary',
  'result',
  'comment',
  'note',
  'reason',
  'presenter',
  'mandate',
  'members',
  'firstSessionOfYear',
  'rotating',
  'colleagueName',
  'name',
  'submitterName',
  'responsibleName',
  'label',
  'byName',
  'attendeeName',
]);

/** Replaces every user text in a stored document (also inside arrays and nested records) with the hostile text. */
function poisoned(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return USER_TEXT_KEYS.has(key) && value !== '' ? `${value} ${HOSTILE}` : value;
  if (Array.isArray(value)) return value.map((entry) => poisoned(entry, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([name, entry]) => [name, name.startsWith('_') ? entry : poisoned(entry, name)]),
    );
  return value;
}

/** Texts that Teams renders as markdown: TextBlock text and FactSet facts. */
function markdownTexts(card: unknown): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const element = value as {
      type?: unknown;
      text?: unknown;
      facts?: Array<{ title?: unknown; value?: unknown }>;
    } | null;
    if (element?.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    if (element?.type === 'FactSet' && Array.isArray(element.facts))
      for (const fact of element.facts) texts.push(String(fact.title ?? ''), String(fact.value ?? ''));
    return value;
  });
  return texts;
}

/** Problems of one card: injected structure, surviving markdown, mentions. */
function injections(card: unknown): string[] {
  const problems: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'entities' || key === 'mentioned') problems.push(`a mention entity (${key})`);
    const element = value as { type?: unknown; url?: unknown } | null;
    if (
      element &&
      typeof element === 'object' &&
      typeof element.url === 'string' &&
      element.url.includes('evil.example')
    )
      problems.push(`an element pointing to ${element.url}`);
    return value;
  });
  for (const text of markdownTexts(card)) {
    // Each backslash pair is one escaped character; what stays must not be markdown or a mention.
    const unescaped = text.replace(/\\[^]/g, '');
    if (/\]\(|!\[|\[x/.test(unescaped)) problems.push(`a markdown link in ${JSON.stringify(text).slice(0, 200)}`);
    if (/<at>/i.test(unescaped)) problems.push(`a mention in ${JSON.stringify(text).slice(0, 200)}`);
    if (/\$\{/.test(unescaped)) problems.push(`an expression in ${JSON.stringify(text).slice(0, 200)}`);
    // Cards bold their own labels; only the hostile text's heading, list and bold must not survive.
    if (/(^|\n)\s*# Titel|(^|\n)\s*- \*\*fett|\*\*fett/.test(unescaped))
      problems.push(`markdown formatting in ${JSON.stringify(text).slice(0, 200)}`);
  }
  return problems;
}

describe('fuzz: hostile text in every card', function () {
  this.timeout(120_000);
  let temp: TempStore;
  afterEach(async () => temp?.cleanup());

  it('shows stored user text escaped, adding no element, action, link or mention', async () => {
    temp = await openTempStore();
    const world = await seedRichWorld(temp.store);
    for (const document of await committeeDocuments(temp.store)) {
      const { _etag: _ignored, ...rest } = document;
      await temp.store.upsert(poisoned(rest) as typeof rest & { id: string; committeeId: string; type: string });
    }
    const log = errorRecordingLogger();
    const bot = new BotHarness(world.deps, log.logger);
    const people = ['katrin', 'yusuf', 'sabine', 'lena'] as const;
    const cards: CrawledCard[] = [
      ...(await crawl(bot, people, 2, await receivedCards(temp.store))),
      ...(await receivedCards(temp.store, 'en-US')),
    ];
    cards.push({
      who: 'lena',
      via: 'topic line',
      card: firstCard(await bot.message(chatPerson('lena'), 'thema: [x](https://evil.example) – **fett** \\${x}')),
    });
    assert.deepEqual(log.errors, []);
    const problems = cards.flatMap(({ who, via, card }) =>
      injections(card).map((problem) => `${who} via ${via}: ${problem}`),
    );
    assert.deepEqual([...new Set(problems)], []);
    const shown = cards.filter(({ card }) =>
      markdownTexts(card).some((text) => text.includes('\\[x\\]\\(https://evil.example\\)')),
    );
    assert.ok(shown.length >= 20, `the hostile text reached only ${shown.length} cards`);
    console.log(`      ${cards.length} cards checked, ${shown.length} of them showing hostile stored text`);
  });
});
