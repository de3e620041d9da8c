import assert from 'node:assert/strict';
import { linksOf } from '../../src/app/links/revoke-links';
import { sessionCalendar } from '../../src/app/sessions/session-calendar';
import { VERBS } from '../../src/cards/verbs';
import { holdSession } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { BotHarness, firstCard } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const BASE_URL = 'https://gremium.example.org';
const CALENDAR_LINK =
  // The invitation's button opens the link's "add to calendar" page: the file's address without `.ics`.
  /https:\/\/gremium\.example\.org\/api\/calendar\/[^/"]+\/session-2027-1\/([A-Za-z0-9_-]{43})(?:\.ics|(?=["\\]))/;
const PDF_LINK = /https:\/\/gremium\.example\.org\/api\/minutes\/[^/"]+\/session-2027-1\/([A-Za-z0-9_-]{43})\.pdf/;

/** Links on cards answered directly in a turn: issued to the acting person, a few per card at most. */
describe('bot: links on cards shown in a turn', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps, undefined, BASE_URL);
  });
  afterEach(async () => temp.cleanup());

  it("gives each refresh of an invitation the reader's own calendar link, keeping those of the two showings before", async () => {
    await bot.confirmed(chatPerson('katrin'), 'einladen');
    const tokens: string[] = [];
    for (let showing = 0; showing < 4; showing += 1) {
      world.clock.advance(1000);
      const card = await bot.execute(chatPerson('sabine'), VERBS.invitationView, {
        sessionId: SESSION_1,
        personId: PEOPLE.sabine,
      });
      const [, token] = CALENDAR_LINK.exec(JSON.stringify(card)) ?? [];
      assert.ok(token, 'the card links the calendar');
      tokens.push(token);
    }
    assert.equal(new Set(tokens).size, 4, 'a new link each time');
    const opens = await Promise.all(
      tokens.map(async (token) => (await sessionCalendar(world.deps, COMMITTEE, SESSION_1, token)) !== undefined),
    );
    assert.deepEqual(opens, [false, true, true, true]);
    const links = await linksOf(world.store, COMMITTEE, PEOPLE.sabine);
    assert.equal(links.filter((link) => link.slot.startsWith('turn|')).length, 3);
    assert.ok(links.every((link) => link.recipientId === PEOPLE.sabine && link.kind === 'calendar'));
  });

  it("keeps the calendar link a clicked invitation carries back, and gives a new one for a token not the reader's", async () => {
    await bot.confirmed(chatPerson('katrin'), 'einladen');
    const view = (who: 'sabine' | 'birgit', calendarToken?: string) =>
      bot.execute(chatPerson(who), VERBS.invitationView, {
        sessionId: SESSION_1,
        personId: PEOPLE[who],
        ...(calendarToken ? { calendarToken } : {}),
      });
    const tokenOf = (card: unknown) => CALENDAR_LINK.exec(JSON.stringify(card))?.[1];
    const first = await view('sabine');
    const token = tokenOf(first);
    assert.ok(token);
    assert.match(JSON.stringify(first), new RegExp(`"calendarToken":"${token}"`), 'the buttons carry it back');
    const linksBefore = await linksOf(world.store, COMMITTEE, PEOPLE.sabine);

    world.clock.advance(1000);
    const again = await view('sabine', token);
    assert.equal(tokenOf(again), token, 'the same link');
    const linksAfter = await linksOf(world.store, COMMITTEE, PEOPLE.sabine);
    assert.deepEqual(linksAfter, linksBefore, 'nothing issued, nothing replaced');

    // Birgit's card made to carry Sabine's token: she gets a link of her own, Sabine's stays as it was.
    const tampered = await view('birgit', token);
    const his = tokenOf(tampered);
    assert.ok(his && his !== token);
    assert.deepEqual(
      (await linksOf(world.store, COMMITTEE, PEOPLE.birgit)).map((link) => link.recipientId),
      [PEOPLE.birgit],
    );
    assert.ok(await sessionCalendar(world.deps, COMMITTEE, SESSION_1, token), "Sabine's link still works");
  });

  it("links the secretariat's minutes card to the version sent out, issued to whoever opened it, and none before", async () => {
    await holdSession(world);
    const draft = firstCard(await bot.message(chatPerson('katrin'), 'protokoll'));
    assert.equal(PDF_LINK.test(JSON.stringify(draft)), false, 'no PDF of a draft nobody was sent');
    await bot.message(chatPerson('katrin'), 'protokoll versenden');
    const circulated = firstCard(await bot.message(chatPerson('katrin'), 'protokoll'));
    assert.ok(PDF_LINK.test(JSON.stringify(circulated)));
    const [link] = (await linksOf(world.store, COMMITTEE, PEOPLE.katrin)).filter(
      (candidate) => candidate.kind === 'minutes',
    );
    assert.deepEqual([link?.version, link?.sessionId, link?.slot.startsWith('turn|')], [1, SESSION_1, true]);
  });
});
