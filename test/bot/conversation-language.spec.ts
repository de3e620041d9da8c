import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { recordCommitteeRoutes } from '../../src/app/committees/committee-routes';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import type { CommitteeDocument, ConversationDocument } from '../../src/app/documents';
import { conversationDocumentId } from '../../src/app/remember-conversation';
import { VERBS } from '../../src/cards/verbs';
import { COMMITTEE_DOCUMENT_ID, tenantDirectoryId } from '../../src/domain/ids';
import type { Language } from '../../src/domain/language';
import { senderFor } from '../app/delivery/delivery-fixtures';
import { chatPerson, COMMITTEE, useSessionWorld } from '../app/sessions/session-world';
import { FakeMessenger } from '../support/fake-messenger';
import {
  base,
  BOT,
  BotHarness,
  cardText,
  firstCard,
  SHARED_CONVERSATIONS,
  TENANT,
  type Person,
} from '../support/bot-harness';

const ENGLISH_CLIENT = { locale: 'en-US' } as const;
const GERMAN_CLIENT = { locale: 'de-DE' } as const;
const GROUP_CHAT = SHARED_CONVERSATIONS.find(([where]) => where === 'group chat')![1];
const CHANNEL = SHARED_CONVERSATIONS.find(([where]) => where === 'channel')![1];
const GROUP_CHAT_ID = '19:kog-chat@thread.v2';
/** Someone on no roster, whose Teams runs in whatever the test says. */
const guest: Person = { id: '29:guest', aadObjectId: '0e0e0e0e-0000-4000-8000-00000000000e', name: 'Gast' };

const say = async (bot: BotHarness, who: Person, text: string, extra: Partial<Activity> = {}) =>
  cardText(firstCard(await bot.message(who, text, extra)));

/** The bot installed in a person's 1:1 chat: Teams may send the event without a language. */
const install = (bot: BotHarness, who: Person, extra: Partial<Activity> = {}) =>
  bot.send({ ...base(who), locale: undefined, ...extra, type: 'conversationUpdate', membersAdded: [BOT] });

describe('bot: one language per conversation', () => {
  const fixture = useSessionWorld();

  /**
   * The committee's settings as its secretariat saved them: its language, and the group chat as
   * its working group's conversation (the directory learns that route, as the set-up card's save
   * does).
   */
  async function committeeSpeaks(language: Language, workingGroupChat = false): Promise<void> {
    const { store } = fixture.world;
    const chat = conversationDocumentId('groupChat', GROUP_CHAT_ID);
    if (workingGroupChat)
      await store.upsert<ConversationDocument>({
        id: chat,
        committeeId: tenantDirectoryId(TENANT),
        type: 'conversation',
        kind: 'groupChat',
        title: 'KOG Vorbereitung',
        address: {
          serviceUrl: 'https://smba.example/emea/',
          channelId: 'msteams',
          conversationId: GROUP_CHAT_ID,
          conversationType: 'groupChat',
          tenantId: TENANT,
          botId: BOT.id,
        },
        updatedAt: '2026-11-01T00:00:00.000Z',
      });
    const committee = (await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
    const { _etag: etag, ...rest } = committee;
    const saved = await store.replace<CommitteeDocument>(
      { ...rest, language, ...(workingGroupChat ? { workingGroupConversationId: chat } : {}) },
      etag,
    );
    await recordCommitteeRoutes(fixture.world.deps, saved);
  }

  describe('a channel or group chat speaks the committee’s language, whoever writes there', () => {
    it('answers an English client in a German committee’s channel in German: help, commands, lines and clicks', async () => {
      const bot = new BotHarness(fixture.world.deps);
      const inChannel = { ...CHANNEL, ...ENGLISH_CLIENT };
      assert.match(await say(bot, chatPerson('katrin'), 'help', inChannel), /Was Sie mit Gremium tun können/);
      const command = await say(bot, chatPerson('katrin'), 'rückmeldungen 2027/1', inChannel);
      assert.match(command, /Sitzung/, command);
      assert.doesNotMatch(command, /session|invit/i, command);
      assert.match(await say(bot, chatPerson('lena'), 'was?', inChannel), /Mit „hilfe“ sehen Sie/);
      const clicked = await bot.execute(chatPerson('sabine'), VERBS.rosterOpen, {}, inChannel);
      assert.match(cardText(clicked), /Nur die Geschäftsstelle/, 'a refused click too');
      await bot.message(chatPerson('lena'), 'language english');
      assert.match(
        await say(bot, chatPerson('lena'), 'hilfe', inChannel),
        /Was Sie mit Gremium tun können/,
        'a person’s own choice is for their 1:1 chat',
      );
      assert.match(await say(bot, chatPerson('lena'), 'hilfe', ENGLISH_CLIENT), /What you can do with Gremium/);
    });

    it('answers a German client in an English committee’s group chat in English, and goes on doing so whoever wrote last', async () => {
      await committeeSpeaks('en', true);
      const bot = new BotHarness(fixture.world.deps);
      const inChat = (client: Partial<Activity>) => ({ ...GROUP_CHAT, ...client });
      assert.match(await say(bot, chatPerson('lena'), 'hilfe', inChat(GERMAN_CLIENT)), /What you can do with Gremium/);
      await bot.message(chatPerson('sabine'), 'sprache deutsch');
      assert.match(await say(bot, chatPerson('sabine'), 'hilfe', inChat(GERMAN_CLIENT)), /What you can do/);
      assert.match(await say(bot, chatPerson('lena'), 'help', inChat(ENGLISH_CLIENT)), /What you can do/);
      assert.match(await say(bot, chatPerson('lena'), 'hilfe', inChat(GERMAN_CLIENT)), /What you can do/);
      assert.match(
        await say(bot, chatPerson('sabine'), 'sprache', inChat(GERMAN_CLIENT)),
        /^KOG\nLanguage · Sprache\nHere Gremium speaks the committee's language for everyone who reads along: English\. The secretariat changes it on the set-up card \("setup"\)\./,
      );
      const chat = await fixture.world.store.get<ConversationDocument>(
        tenantDirectoryId(TENANT),
        conversationDocumentId('groupChat', GROUP_CHAT_ID),
      );
      assert.equal(chat?.locale, undefined, 'no writer’s language is kept for the chat');
    });

    it('changes with the committee’s setting on the set-up card, and the save is answered in the new language', async () => {
      const bot = new BotHarness(fixture.world.deps);
      const inChannel = { ...CHANNEL, ...GERMAN_CLIENT };
      const form = firstCard(await bot.message(chatPerson('katrin'), 'einrichten', inChannel));
      assert.match(cardText(form), /Sprache in Kanälen und Gruppenchats/);
      const committee = (await fixture.world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
      const answers = setupAnswers(committee);
      const saved = await bot.execute(chatPerson('katrin'), VERBS.setupSave, { ...answers, language: 'en' }, inChannel);
      assert.match(cardText(saved), /Committee saved[^]*Language in channels and group chats\nEnglish/);
      assert.match(await say(bot, chatPerson('sabine'), 'hilfe', inChannel), /What you can do with Gremium/);
      assert.match(
        await say(bot, chatPerson('katrin'), 'hilfe', GERMAN_CLIENT),
        /Was Sie mit Gremium tun können/,
        'her 1:1 chat stays in her language',
      );
      const tampered = await bot.execute(
        chatPerson('katrin'),
        VERBS.setupSave,
        { ...answers, revision: committee.revision + 1, language: 'fr' },
        inChannel,
      );
      assert.match(cardText(tampered), /Gremium speaks German or English/);
      const stored = await fixture.world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
      assert.equal(stored?.language, 'en', 'nothing changed');
    });
  });

  describe('a 1:1 chat speaks its person’s language', () => {
    it('is their choice over their Teams’ language, else their Teams’, with welcome and help alike', async () => {
      const bot = new BotHarness(fixture.world.deps);
      await bot.message(chatPerson('sabine'), 'sprache deutsch', ENGLISH_CLIENT);
      assert.match(cardText(firstCard(await install(bot, chatPerson('sabine'), ENGLISH_CLIENT))), /Willkommen/);
      assert.match(await say(bot, chatPerson('sabine'), 'help', ENGLISH_CLIENT), /Was Sie mit Gremium/);
      assert.match(cardText(firstCard(await install(bot, chatPerson('birgit'), ENGLISH_CLIENT))), /Welcome/);
      assert.match(await say(bot, chatPerson('birgit'), 'hilfe', ENGLISH_CLIENT), /What you can do with Gremium/);
    });

    it('keeps the language of a welcome sent without knowing theirs: welcome, help and replies alike', async () => {
      const bot = new BotHarness(fixture.world.deps);
      const welcome = cardText(firstCard(await install(bot, chatPerson('yusuf'))));
      assert.match(welcome, /Willkommen bei Gremium/, 'no language on the event: the committee’s');
      assert.match(welcome, /In English: write "language english"\./, 'and how to switch, in the other language');
      assert.match(await say(bot, chatPerson('yusuf'), 'help', ENGLISH_CLIENT), /Was Sie mit Gremium tun können/);
      assert.match(await say(bot, chatPerson('yusuf'), 'was?', ENGLISH_CLIENT), /Mit „hilfe“ sehen Sie/);
      assert.match(await say(bot, chatPerson('yusuf'), 'language english', ENGLISH_CLIENT), /Language: English/);
      assert.match(await say(bot, chatPerson('yusuf'), 'hilfe', GERMAN_CLIENT), /What you can do with Gremium/);
    });

    it('greets someone of an English committee, or of none, in the committee’s language or the default', async () => {
      await committeeSpeaks('en');
      const bot = new BotHarness(fixture.world.deps);
      assert.match(cardText(firstCard(await install(bot, chatPerson('yara')))), /Welcome to Gremium/);
      assert.match(await say(bot, chatPerson('yara'), 'hilfe', GERMAN_CLIENT), /What you can do with Gremium/);
      assert.match(cardText(firstCard(await install(bot, guest))), /Willkommen bei Gremium/, 'the default');
      assert.match(await say(bot, guest, 'help', ENGLISH_CLIENT), /Was Sie mit Gremium tun können/);
    });
  });

  it('posts what the outbox sends to a channel in the committee’s language, whoever’s action sent it', async () => {
    await committeeSpeaks('de', true);
    const bot = new BotHarness(fixture.world.deps);
    await bot.message(chatPerson('katrin'), 'language english', GERMAN_CLIENT);
    await bot.message(chatPerson('lena'), 'hilfe', { ...GROUP_CHAT, ...ENGLISH_CLIENT });
    const called = cardText(await bot.confirmed(chatPerson('katrin'), 'call for topics 2027/1', ENGLISH_CLIENT));
    assert.match(called, /Call for topics queued for sending/, 'her own answer in her language');
    const dispatches = await fixture.world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
    assert.ok(dispatches.length > 0, 'something was queued');

    const messenger = new FakeMessenger(fixture.world.clock);
    await senderFor(fixture.world.deps, fixture.world.clock, messenger).drainOnce();
    const posted = messenger.sends.find((send) => send.conversationId === GROUP_CHAT_ID);
    assert.ok(posted, `posted to the working group's chat: ${messenger.sends.map((send) => send.conversationId)}`);
    const text = cardText(posted.message.attachments![0]!.content as Record<string, unknown>);
    assert.match(text, /Themenaufruf – Sitzung 2027\/1/);
    assert.match(text, /Donnerstag, 21\. Januar 2027, 24:00 Uhr/);
    assert.doesNotMatch(text, /Call for topics|Thursday/);
  });
});

/** The set-up card's answers as Teams submits them for the stored committee, unchanged. */
function setupAnswers(committee: CommitteeDocument): Record<string, unknown> {
  return {
    revision: committee.revision,
    name: committee.name,
    shortName: committee.shortName,
    timeZone: committee.timeZone,
    terms: committee.terms.map((term) => `${term.startMonth}-${term.endMonth}`).join(','),
    sessionLengthMinutes: String(committee.sessionLengthMinutes),
    firstChair: committee.chairRotation.firstSessionOfYear,
    rotatingChairs: committee.chairRotation.rotating.join('\n'),
    callForTopicsDays: String(committee.leadTimes.callForTopicsDays),
    topicDeadlineDays: String(committee.leadTimes.topicDeadlineDays),
    agendaDispatchDays: String(committee.leadTimes.agendaDispatchDays),
    rsvpReminderDays: String(committee.leadTimes.rsvpReminderDays),
    workingGroupConversationId: 'none',
  };
}
