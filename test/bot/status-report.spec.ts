import assert from 'node:assert/strict';
import { LINK_TYPE, type LinkDocument } from '../../src/app/links/link-document';
import { BotHarness, cardText, firstCard } from '../support/bot-harness';
import { chatPerson, COMMITTEE, PEOPLE, useSessionWorld } from '../app/sessions/session-world';

const BASE = 'https://gremium.example.org';
const read = (card: Record<string, unknown>) => cardText(card).replace(/\\/g, '');

describe('bot/status-report: bericht / report', () => {
  const fixture = useSessionWorld();

  it('answers the secretariat with the report card and its own links to the PDF and the CSV', async () => {
    const bot = new BotHarness(fixture.world.deps, undefined, BASE);
    const card = firstCard(await bot.message(chatPerson('katrin'), 'bericht 2027'));
    const text = read(card);
    for (const expected of [
      'Sachstandsbericht 2027',
      'Stand: Samstag, 21. November 2026, 11:00 Uhr',
      '0 durchgeführt, 0 abgesagt, 3 noch nicht durchgeführt',
      'Sitzung 2027/1, Donnerstag, 11. Februar 2027: noch nicht durchgeführt',
      'Für die Sitzungen des Jahres wurden keine Themen angemeldet.',
      'Die Links gelten 7 Tage und nur für Sie',
    ])
      assert.ok(text.includes(expected), `${expected}\n— not in —\n${text}`);
    const json = JSON.stringify(card);
    assert.match(
      json,
      /"title":"Bericht als PDF","url":"https:\/\/gremium\.example\.org\/api\/report\/committee-[^"]+\.pdf"/,
    );
    assert.match(
      json,
      /"title":"Zahlen als CSV","url":"https:\/\/gremium\.example\.org\/api\/report-csv\/committee-[^"]+\.csv"/,
    );
    const links = await fixture.world.store.query<LinkDocument>(COMMITTEE, { type: LINK_TYPE });
    assert.deepEqual(links.map((link) => [link.kind, link.recipientId, link.year]).sort(), [
      ['report', PEOPLE.katrin, 2027],
      ['reportCsv', PEOPLE.katrin, 2027],
    ]);
  });

  it('speaks English as "report", for the current year when none is given', async () => {
    const bot = new BotHarness(fixture.world.deps, undefined, BASE);
    // The world's clock stands in November 2026: 2026 has no sessions.
    const card = firstCard(await bot.message(chatPerson('katrin'), 'report', { locale: 'en-US' }));
    assert.match(read(card), /There are no sessions for 2026, so there is nothing to report\./);
  });

  it('refuses a member, a year without sessions and what is no year, with a clear German message', async () => {
    const bot = new BotHarness(fixture.world.deps, undefined, BASE);
    assert.match(read(firstCard(await bot.message(chatPerson('sabine'), 'bericht 2027'))), /Nicht erlaubt/);
    assert.match(
      read(firstCard(await bot.message(chatPerson('katrin'), 'bericht 2031'))),
      /Für 2031 sind keine Sitzungen angelegt, es gibt also nichts zu berichten\. Mit „sitzungen planen 2031“/,
    );
    assert.match(
      read(firstCard(await bot.message(chatPerson('katrin'), 'bericht letztes jahr'))),
      /Bitte nennen Sie das Jahr vierstellig, z\. B\. „bericht 2027“/,
    );
    assert.equal((await fixture.world.store.query(COMMITTEE, { type: LINK_TYPE })).length, 0, 'no link issued');
  });

  it('says that without a public address no file can be linked, and issues no link', async () => {
    const bot = new BotHarness(fixture.world.deps);
    const card = firstCard(await bot.message(chatPerson('katrin'), 'bericht 2027'));
    assert.match(read(card), /Ohne öffentliche Adresse des Bots lassen sich PDF und CSV nicht verlinken\./);
    assert.doesNotMatch(JSON.stringify(card), /Action\.OpenUrl/);
    assert.equal((await fixture.world.store.query(COMMITTEE, { type: LINK_TYPE })).length, 0);
  });
});
