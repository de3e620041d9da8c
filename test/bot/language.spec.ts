import assert from 'node:assert/strict';
import {
  LANGUAGE_PREFERENCE_TYPE,
  type LanguagePreferenceDocument,
} from '../../src/app/preferences/language-preference';
import { VERBS } from '../../src/cards/verbs';
import { committeeIdForTenant } from '../../src/domain/ids';
import { chatPerson, useSessionWorld } from '../app/sessions/session-world';
import { tenantDirectoryId } from '../../src/domain/ids';
import {
  BotHarness,
  SHARED_CONVERSATIONS,
  TENANT,
  alice,
  cardText,
  firstCard,
  type Person,
} from '../support/bot-harness';
import { useTempStore } from '../support/temp-store';

/** The Agents Playground's client: it reports every person as en-US. */
const PLAYGROUND = { locale: 'en-US' } as const;
const stranger: Person = { id: '29:stranger', aadObjectId: '0f0f0f0f-0000-0000-0000-00000000000f', name: 'Jemand' };

const say = async (bot: BotHarness, who: Person, text: string, extra = {}) =>
  cardText(firstCard(await bot.message(who, text, extra)));

describe('bot: the language a person chooses („sprache“ / "language")', () => {
  describe('without a committee', () => {
    const fixture = useTempStore('2026-11-21T10:00:00Z');
    const choices = () =>
      fixture.deps.store.query<LanguagePreferenceDocument>(committeeIdForTenant(TENANT), {
        type: LANGUAGE_PREFERENCE_TYPE,
      });

    it('answers everything in the chosen language, over what the client reports, and back again', async () => {
      const bot = new BotHarness(fixture.deps);
      assert.match(await say(bot, alice, 'hilfe', PLAYGROUND), /What you can do with Gremium/);

      const chosen = await say(bot, alice, 'sprache deutsch', PLAYGROUND);
      assert.match(chosen, /Sprache: Deutsch\nGremium antwortet Ihnen ab jetzt auf Deutsch/, 'already in German');
      assert.match(chosen, /Back to English: "language english"/, 'the way back in the other language');
      assert.match(await say(bot, alice, 'hilfe', PLAYGROUND), /Was Sie mit Gremium tun können/);
      assert.match(
        await say(bot, alice, 'was?', PLAYGROUND),
        /Mit „hilfe“ sehen Sie, was Sie tun können/,
        'an unknown line too',
      );

      const english = await say(bot, alice, 'sprache englisch', PLAYGROUND);
      assert.match(english, /Language: English\nFrom now on Gremium answers you in English/);
      assert.match(english, /Zurück zu Deutsch: „sprache deutsch“/);
      assert.match(await say(bot, alice, 'hilfe', { locale: 'de-DE' }), /What you can do with Gremium/);
      assert.deepEqual(
        (await choices()).map((choice) => [choice.personId, choice.language]),
        [[alice.aadObjectId, 'en']],
      );
    });

    it('understands the command and the language in either language, by name or code', async () => {
      const bot = new BotHarness(fixture.deps);
      for (const [text, expected] of [
        ['sprache english', /Language: English/],
        ['language deutsch', /Sprache: Deutsch/],
        ['language en', /Language: English/],
        ['Sprache DE!', /Sprache: Deutsch/],
        ['LANGUAGE English', /Language: English/],
        ['language german', /Sprache: Deutsch/],
        ['/sprache englisch', /Language: English/],
      ] as const) {
        assert.match(await say(bot, alice, text), expected, text);
      }
      assert.equal((await choices())[0]?.language, 'en', 'the last choice');
    });

    it('answers no word, or one that is no language, with the current language and how to switch, in both languages', async () => {
      const bot = new BotHarness(fixture.deps);
      for (const [line, locale, first] of [
        ['sprache', 'de-DE', /^Sprache · Language\nGremium antwortet Ihnen auf Deutsch\. Zum Wechseln/],
        ['language', 'en-US', /^Language · Sprache\nGremium answers you in English\. To switch, write/],
        ['sprache klingonisch', 'de-DE', /^Sprache · Language\n„klingonisch“ ist keine Sprache, die Gremium spricht\./],
        ['language <b>x</b>', 'en-US', /^Language · Sprache\n"x" is not a language Gremium speaks\./],
      ] as const) {
        const text = await say(bot, alice, line, { locale });
        assert.match(text, first, text);
        assert.match(text, /„sprache deutsch“ oder „sprache englisch“/, `${text}: how, in German`);
        assert.match(text, /"language english" or "language german"/, `${text}: how, in English`);
      }
      assert.deepEqual(await choices(), [], 'nothing stored');
    });

    it('stores each person’s own choice, taken from the activity', async () => {
      const bot = new BotHarness(fixture.deps);
      await bot.message(alice, 'language english');
      await bot.message(stranger, 'sprache deutsch', PLAYGROUND);
      assert.deepEqual(
        (await choices()).map((choice) => [choice.personId, choice.language]).sort(),
        [
          [alice.aadObjectId, 'en'],
          [stranger.aadObjectId, 'de'],
        ].sort(),
      );
      assert.match(await say(bot, alice, 'hilfe'), /What you can do/);
      assert.match(await say(bot, stranger, 'hilfe', PLAYGROUND), /Was Sie mit Gremium/);
    });
  });

  describe('on a committee', () => {
    const fixture = useSessionWorld();

    it('is answered for the secretariat, members, the working group and someone on no roster alike', async () => {
      const bot = new BotHarness(fixture.world.deps);
      for (const who of [chatPerson('katrin'), chatPerson('sabine'), chatPerson('lena'), stranger]) {
        assert.match(await say(bot, who, 'sprache englisch'), /Language: English/, who.name);
        assert.match(await say(bot, who, 'hilfe'), /What you can do with Gremium/, who.name);
      }
      const stored = await fixture.world.store.query<LanguagePreferenceDocument>(tenantDirectoryId(TENANT), {
        type: LANGUAGE_PREFERENCE_TYPE,
      });
      assert.equal(stored.length, 4);
    });

    it('is offered on the help card to everyone, in every kind of chat', async () => {
      const bot = new BotHarness(fixture.world.deps);
      for (const who of [chatPerson('katrin'), chatPerson('sabine'), stranger]) {
        assert.match(await say(bot, who, 'hilfe'), /\nsprache\nStellt ein, in welcher Sprache Gremium Ihnen antwortet/);
        for (const [where, conversation] of SHARED_CONVERSATIONS)
          assert.match(await say(bot, who, 'hilfe', conversation), /\nsprache\n/, `${who.name} in a ${where}`);
        assert.match(await say(bot, who, 'help', PLAYGROUND), /\nlanguage\nSets the language Gremium answers you in/);
      }
    });

    for (const [where, conversation] of SHARED_CONVERSATIONS) {
      it(`is not switched in a ${where}: it says whose language is spoken there and where to choose one's own`, async () => {
        const bot = new BotHarness(fixture.world.deps);
        const answer = await say(bot, chatPerson('sabine'), 'sprache englisch', { ...conversation, ...PLAYGROUND });
        assert.match(answer, /^(KOG\n)?Sprache · Language\nHier spricht Gremium/, 'in the conversation’s language');
        assert.match(answer, /„sprache deutsch“ oder „sprache englisch“/);
        assert.match(answer, /Choose your own language in your personal chat with Gremium/, 'and in the other one');
        const stored = await fixture.world.store.query<LanguagePreferenceDocument>(tenantDirectoryId(TENANT), {
          type: LANGUAGE_PREFERENCE_TYPE,
        });
        assert.deepEqual(stored, [], 'nothing chosen');
        assert.match(await say(bot, chatPerson('sabine'), 'hilfe'), /Was Sie mit Gremium/, 'her 1:1 chat as before');
      });
    }

    it('speaks the chosen language in 1:1 refusals and answers to card clicks, the committee’s in a channel', async () => {
      const bot = new BotHarness(fixture.world.deps);
      await bot.message(chatPerson('sabine'), 'language english');
      assert.match(await say(bot, chatPerson('sabine'), 'mitglieder'), /Only the secretariat/);
      const [, channel] = SHARED_CONVERSATIONS[1]!;
      assert.match(
        await say(bot, chatPerson('sabine'), 'meine daten', { ...channel, locale: 'en-US' }),
        /Bitte im persönlichen Chat fragen/,
        'in a channel, the committee’s language',
      );
      const clicked = await bot.execute(chatPerson('sabine'), VERBS.rosterOpen, {});
      assert.match(cardText(clicked), /Only the secretariat/);
    });
  });
});
