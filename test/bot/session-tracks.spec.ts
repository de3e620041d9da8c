import assert from 'node:assert/strict';
import { VERBS } from '../../src/cards/verbs';
import { SESSION_STATES } from '../../src/domain/sessions/session-state';
import { chatPerson, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const english = { locale: 'en-US' };

describe('bot: the sessions, their tracks, and the way to them', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
    at('2027-01-07T09:00:00.000Z');
  });
  afterEach(async () => temp.cleanup());

  const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
  const say = async (who: Parameters<typeof person>[0], text: string, extra = {}) =>
    firstCard(await bot.message(person(who), text, extra));
  /** A sending command, confirmed on its question's card. */
  const confirm = async (who: Parameters<typeof person>[0], text: string) => bot.confirmed(person(who), text);

  describe('sitzungen', () => {
    it('lists this year and the next for a member, each track in words, with their own invitation to open', async () => {
      await confirm('katrin', 'einladen 2027/1');
      const card = await say('birgit', 'sitzungen');
      const text = cardText(card);
      assert.match(text, /Sitzungen 2027 und 2028/);
      assert.match(
        text,
        /Sitzung 2027\/1[^]*eingeladen[^]*Themenaufruf noch nicht versandt, Anmeldeschluss Donnerstag, 21\. Januar 2027, 24:00 Uhr[^]*Tagesordnung noch nicht veröffentlicht[^]*Anwesenheit erfassbar ab Donnerstag, 11\. Februar 2027, 13:00 Uhr/,
      );
      assert.match(text, /Sitzung 2027\/2[^]*noch nicht eingeladen/);
      assert.doesNotMatch(text, /Online-Teilnahme|Bearbeiten|Absagen|Einladen/, 'nothing of the secretariat’s');
      assert.ok(!hasAction(card, VERBS.sessionEdit), 'no buttons that change a session');

      const invitation = await bot.execute(
        person('birgit'),
        VERBS.invitationView,
        actionData(card, VERBS.invitationView, { sessionId: SESSION_1 }),
      );
      assert.match(cardText(invitation), /Einladung: Sitzung 2027\/1/);
      const form = await bot.execute(
        person('birgit'),
        VERBS.topicForm,
        actionData(card, VERBS.topicForm, { sessionId: SESSION_1 }),
      );
      assert.match(cardText(form), /Thema anmelden – Sitzung 2027\/1/);
    });

    it('says for the working group that the call is running, and lists one year when asked', async () => {
      await confirm('katrin', 'themenaufruf');
      const text = cardText(await say('lena', 'sitzungen 2027'));
      assert.match(text, /^Sitzungen 2027$/m);
      assert.match(text, /Themenaufruf läuft bis Donnerstag, 21\. Januar 2027, 24:00 Uhr/);
      assert.doesNotMatch(text, /2028/);
    });

    it('gives the secretariat the buttons to act, in English too, and refuses a year that is no year', async () => {
      const card = await say('katrin', 'sessions', english);
      assert.match(cardText(card), /Sessions 2027 and 2028/);
      assert.match(cardText(card), /not invited yet[^]*call for topics not sent yet/);
      assert.ok(hasAction(card, VERBS.sessionEdit) && hasAction(card, VERBS.sessionInvite));
      assert.ok(hasAction(card, VERBS.agendaOpen));
      assert.match(
        cardText(await say('katrin', 'sitzungen nächstes')),
        /Bitte ein Jahr zwischen 2017 und 2037 angeben, z\. B\. „sitzungen 2028“\./,
      );
    });

    it('offers the secretariat attendance only once it can be recorded, an hour before the start', async () => {
      await confirm('katrin', 'einladen 2027/1');
      const attendance = { sessionId: SESSION_1 };
      assert.ok(!hasAction(await say('katrin', 'sitzungen'), VERBS.attendanceOpen, attendance), 'weeks before');
      at('2027-02-11T11:59:00.000Z');
      assert.ok(!hasAction(await say('katrin', 'sitzungen'), VERBS.attendanceOpen, attendance), 'a minute too early');
      at('2027-02-11T12:00:00.000Z');
      assert.ok(hasAction(await say('katrin', 'sitzungen'), VERBS.attendanceOpen, attendance), 'an hour before');
    });

    it('says what a held and a cancelled session are, without any internal state', async () => {
      await confirm('katrin', 'einladen 2027/1');
      await world.store.replace({ ...(await world.session()), state: 'held' }, (await world.session())._etag);
      const session2 = await world.session('session-2027-2');
      await world.store.replace({ ...session2, state: 'cancelled' }, session2._etag);
      const text = cardText(await say('sabine', 'sitzungen 2027'));
      assert.match(text, /Sitzung 2027\/1[^]*hat stattgefunden, Protokoll in Arbeit[^]*Sitzung 2027\/2[^]*abgesagt/);
      assert.doesNotMatch(text, new RegExp(`\\b(?:${SESSION_STATES.join('|')})\\b`));
    });
  });

  describe('invite first, then call for topics', () => {
    it('sends the call for the invited session, not a later one, and says which', async () => {
      assert.match(
        cardText(await confirm('katrin', 'einladen')),
        /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
      );
      assert.match(
        cardText(await confirm('katrin', 'themenaufruf')),
        /Themenaufruf zum Versand vorgemerkt[^]*Sitzung 2027\/1:/,
      );
      const question = cardText(await say('katrin', 'themenaufruf'));
      assert.match(question, /Sitzung 2027\/2/);
      assert.match(question, /Zur Sitzung 2027\/1 ist der Themenaufruf bereits versandt \(Anmeldeschluss Donnerstag/);
      assert.match(
        cardText(await confirm('katrin', 'themenaufruf')),
        /Themenaufruf zum Versand vorgemerkt[^]*Sitzung 2027\/2:/,
      );
      assert.equal((await world.session()).state, 'invited');
    });

    it('answers a call for a held session with why and the next session, in words', async () => {
      await confirm('katrin', 'einladen');
      at('2027-02-11T15:00:00.000Z');
      const attendance = await say('katrin', 'anwesenheit');
      const fields = Object.fromEntries(
        (await world.session()).invitedSeats!.map((seat) => [`presence-${seat.id}`, 'absent']),
      );
      await bot.execute(person('katrin'), VERBS.attendanceSave, {
        ...actionData(attendance, VERBS.attendanceSave),
        ...fields,
      });
      assert.equal((await world.session()).state, 'held');
      assert.match(
        cardText(await say('katrin', 'themenaufruf 2027/1')),
        /Die Sitzung 2027\/1 hat bereits stattgefunden\. Den Themenaufruf für die nächste Sitzung senden Sie mit „themenaufruf 2027\/2“\./,
      );
    });
  });

  describe('an unknown session number', () => {
    it('lists the sessions of its year, each with its day', async () => {
      const text = cardText(await say('katrin', 'rückmeldungen 2027/9'));
      assert.match(text, /Die Sitzung 2027\/9 gibt es nicht\. Diese Sitzungen gibt es:/);
      assert.match(
        text,
        /Sitzung 2027\/1: Donnerstag, 11\. Februar 2027[^]*Sitzung 2027\/2: Donnerstag, 10\. Juni 2027[^]*Sitzung 2027\/3/,
      );
      assert.doesNotMatch(text, /sitzungen planen/);
    });

    it('lists this year’s and next year’s when its year has none', async () => {
      const text = cardText(await say('katrin', 'einladen 2030/1'));
      assert.match(text, /Die Sitzung 2030\/1 gibt es nicht\. Diese Sitzungen gibt es:[^]*Sitzung 2027\/1:/);
    });
  });

  describe('a line that is no command', () => {
    it('suggests the nearest command word with what was typed after it', async () => {
      assert.match(
        cardText(await say('katrin', 'einaldne 2027/1')),
        /Das habe ich nicht verstanden[^]*Meinten Sie „einladen 2027\/1“\?/,
      );
      assert.match(cardText(await say('birgit', 'sitzung')), /Meinten Sie „sitzungen“\?/);
      assert.match(cardText(await say('katrin', 'themenaufrug')), /Meinten Sie „themenaufruf“\?/);
      assert.match(cardText(await say('katrin', 'protokol versenden')), /Meinten Sie „protokoll versenden“\?/);
    });

    it('suggests in the person’s language', async () => {
      assert.match(cardText(await say('katrin', 'invtie', english)), /Did you mean “invite”\?/);
    });

    it('suggests nothing for a line that is near no command, and keeps typed markup out of the card', async () => {
      const text = cardText(await say('katrin', 'Hallo zusammen, wie geht es?'));
      assert.match(text, /Das habe ich nicht verstanden[^]*Mit „hilfe“ sehen Sie, was Sie tun können\./);
      assert.doesNotMatch(text, /Meinten Sie/);
      const marked = cardText(await say('katrin', 'einaldne [x](https://evil.example)'));
      assert.match(marked, /Meinten Sie „einladen \\\[x\\\]\\\(https:\/\/evil\.example\\\)“\?/, marked);
    });
  });
});
