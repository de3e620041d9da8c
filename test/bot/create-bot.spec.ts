import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, ConversationDocument } from '../../src/app/documents';
import type { Logger } from '../../src/app/ports/logger';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { tenantDirectoryId } from '../../src/domain/ids';
import { VERBS } from '../../src/cards/verbs';
import { useTempStore, type TempStore } from '../support/temp-store';
import {
  alice,
  base,
  bob,
  BOT,
  BotHarness,
  cardText,
  firstCard,
  SHARED_CONVERSATIONS,
  TENANT,
} from '../support/bot-harness';

/** A channel of the committee's team: where it is set up, and so its home. */
const IN_TEAM = SHARED_CONVERSATIONS.find(([where]) => where === 'channel')![1];
const COMMITTEE = committeeIdForHome(TENANT, { id: '19:kog-team@thread.tacv2' });
const DIRECTORY = tenantDirectoryId(TENANT);

/** The command words the help card lists (its fact set), apart from its other lines. */
function listedCommands(card: Record<string, unknown>): string[] {
  const body = card.body as Array<{ type: string; facts?: Array<{ title: string }> }>;
  return (body.find((element) => element.type === 'FactSet')?.facts ?? []).map((fact) => fact.title);
}

/** The set-up form as Teams submits it: the card's data plus every input's value. */
const setupForm = {
  verb: VERBS.setupSave,
  revision: 0,
  name: 'Koordinierungsgremium Leipzig',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig\nAgentur für Arbeit Leipzig',
  callForTopicsDays: '42',
  topicDeadlineDays: '21',
  agendaDispatchDays: '14',
  rsvpReminderDays: '7',
  workingGroupConversationId: 'none',
};

describe('bot/create-bot', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;

  beforeEach(() => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
  });

  const committee = () => temp.store.get<CommitteeDocument>(COMMITTEE, 'committee');

  describe('help', () => {
    it('answers "hilfe" with a German help card that says where a committee is set up while there is none', async () => {
      const text = cardText(firstCard(await bot.message(alice, 'hilfe')));
      assert.match(text, /Was Sie mit Gremium tun können/);
      assert.match(text, /Sie gehören noch keinem Gremium an/);
      assert.match(text, /„@Gremium einrichten“/);
      assert.ok(!listedCommands(firstCard(await bot.message(alice, 'hilfe'))).includes('einrichten'));
      const inTeam = firstCard(await bot.message(alice, 'hilfe', IN_TEAM));
      assert.match(cardText(inTeam), /In diesem Team oder Gruppenchat arbeitet noch kein Gremium/);
      assert.ok(listedCommands(inTeam).includes('einrichten'), 'set-up is offered where the committee would live');
    });

    it('answers "help" from an English client in English', async () => {
      const text = cardText(firstCard(await bot.message(alice, 'Help!', { locale: 'en-US' })));
      assert.match(text, /What you can do with Gremium/);
    });

    it('shows a person without a role only what they may do', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      const text = cardText(firstCard(await bot.message(bob, 'hilfe', IN_TEAM)));
      assert.match(text, /noch keine Rolle zugeordnet/);
      assert.doesNotMatch(text, /einrichten/);
      const secretariat = cardText(firstCard(await bot.message(alice, 'hilfe')));
      assert.match(secretariat, /Ihre Rolle: Geschäftsstelle/);
      assert.match(secretariat, /einrichten/);
    });

    for (const [where, conversation] of SHARED_CONVERSATIONS) {
      for (const committeeLanguage of ['de', 'en'] as const) {
        it(`lists in a ${where} of a committee speaking ${committeeLanguage} only what is answered there, in its language, and points to the personal chat for the rest`, async () => {
          await bot.execute(alice, VERBS.setupSave, { ...setupForm, language: committeeLanguage }, conversation);
          const onlyHere = {
            de: 'Nur im persönlichen Chat mit Gremium, damit niemand sonst mitliest:',
            en: 'Only in your personal chat with Gremium, so that nobody else reads along:',
          };
          const personalWords = {
            de: { alice: ['gremium', 'änderungen', 'meine daten'], bob: ['gremium', 'meine daten'] },
            en: { alice: ['committee', 'audit', 'my data'], bob: ['committee', 'my data'] },
          };
          const pointers = {
            de: {
              alice: `${onlyHere.de} „gremium“, „änderungen“ und „meine daten“.`,
              bob: `${onlyHere.de} „gremium“ und „meine daten“.`,
            },
            en: {
              alice: `${onlyHere.en} “committee”, “audit”, and “my data”.`,
              bob: `${onlyHere.en} “committee” and “my data”.`,
            },
          };
          const cases = [
            [alice, 'alice', 'hilfe', 'de-DE', 'de'],
            [alice, 'alice', 'help', 'en-US', 'en'],
            [bob, 'bob', 'hilfe', 'de-DE', 'de'],
            [bob, 'bob', 'help', 'en-US', 'en'],
          ] as const;
          for (const [who, key, text, locale, clientLanguage] of cases) {
            const label = `${who.name} (${locale})`;
            // Whatever the writer's Teams reports, the shared conversation answers in the committee's language.
            const shared = firstCard(await bot.message(who, text, { ...conversation, locale }));
            const listed = listedCommands(shared);
            assert.ok(listed.length > 0, `${label}: some commands listed`);
            for (const word of personalWords[committeeLanguage][key]) {
              assert.ok(!listed.includes(word), `${label}: "${word}" not offered in a ${where}: ${listed.join(', ')}`);
            }
            assert.ok(
              cardText(shared).split('\n').includes(pointers[committeeLanguage][key]),
              `${label}: ${cardText(shared)}`,
            );

            // The 1:1 chat speaks the person's own language.
            const personalChat = firstCard(await bot.message(who, text, { locale }));
            for (const word of personalWords[clientLanguage][key]) {
              assert.ok(listedCommands(personalChat).includes(word), `${label}: "${word}" offered 1:1`);
            }
            assert.doesNotMatch(cardText(personalChat), /Nur im persönlichen Chat|Only in your personal chat/);
          }
          const secretariatInChannel = listedCommands(firstCard(await bot.message(alice, 'hilfe', conversation)));
          const answeredThere = committeeLanguage === 'de' ? ['einladen', 'rückmeldungen'] : ['invite', 'rsvps'];
          assert.ok(
            answeredThere.every((word) => secretariatInChannel.includes(word)),
            `what is answered there stays listed: ${secretariatInChannel.join(', ')}`,
          );
        });
      }
    }

    it('reads a command addressed to it in a channel, with the mention removed', async () => {
      const replies = await bot.send({
        ...base(alice),
        type: 'message',
        text: '<at>Gremium</at> hilfe',
        entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: '<at>Gremium</at>' }],
        conversation: {
          id: '19:ag@thread.tacv2;messageid=1',
          conversationType: 'channel',
          tenantId: TENANT,
          isGroup: true,
          name: '',
        },
        channelData: {
          tenant: { id: TENANT },
          team: { id: '19:team@thread.tacv2', name: 'KOG' },
          channel: { id: '19:ag@thread.tacv2', name: 'AG' },
        },
      });
      assert.match(cardText(firstCard(replies)), /Was Sie mit Gremium tun können/);
      const channels = await temp.store.query<ConversationDocument>(DIRECTORY, {
        type: 'conversation',
        where: [{ field: 'kind', op: '=', value: 'channel' }],
      });
      assert.equal(channels.length, 1);
      assert.equal(channels[0]!.address.conversationId, '19:ag@thread.tacv2');
      assert.equal(channels[0]!.title, 'KOG › AG');
    });
  });

  describe('set-up', () => {
    it('opens the set-up card with the KOG defaults in the team it will live in, and nowhere else', async () => {
      assert.match(cardText(firstCard(await bot.message(alice, 'einrichten'))), /Hier nicht möglich/);
      const card = firstCard(await bot.message(alice, 'einrichten', IN_TEAM));
      const text = cardText(card);
      assert.match(text, /Gremium einrichten/);
      assert.match(text, /Integration von Migrant\/-innen/);
      assert.match(text, /Dieses Gremium wird in „KOG“ zu Hause sein/);
      assert.match(JSON.stringify(card), /"verb":"setup.save"/);
    });

    it('creates the committee from the card and keeps it across a restart', async () => {
      const card = await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      assert.match(cardText(card), /Gremium eingerichtet/);
      assert.match(cardText(card), /Koordinierungsgremium Leipzig/);
      deps = { ...deps, store: await temp.reopen() };
      bot = new BotHarness(deps);
      const reopened = cardText(firstCard(await bot.message(alice, 'einrichten')));
      assert.match(reopened, /Gremium bearbeiten/);
      assert.match(reopened, /Koordinierungsgremium Leipzig/);
      assert.match(reopened, /Zuletzt geändert: Samstag, 21. November 2026, 11:00 Uhr von Alice Adler/);
    });

    it('shows the minutes settings saved on the set-up card on the committee card', async () => {
      const card = await bot.execute(
        alice,
        VERBS.setupSave,
        { ...setupForm, objectionDays: '14', autoApprove: 'false' },
        IN_TEAM,
      );
      assert.match(
        cardText(card),
        /Gremium eingerichtet[^]*Protokoll\nEinwandfrist 14 Tage nach dem Versand; freigegeben wird nur durch die Geschäftsstelle/,
      );
    });

    it('saves on the set-up card whether the agenda goes out by itself, and shows it on the committee card and the card again', async () => {
      const card = await bot.execute(
        alice,
        VERBS.setupSave,
        { ...setupForm, autoPublishAgenda: 'false', objectionDays: '14', retentionMonths: '36' },
        IN_TEAM,
      );
      assert.match(cardText(card), /Tagesordnung\nwird nur durch die Geschäftsstelle veröffentlicht/);
      assert.equal((await committee())?.autoPublishAgenda, false);
      // The card shows what is stored, so saving it again changes nothing unasked.
      const again = JSON.stringify(firstCard(await bot.message(alice, 'einrichten')));
      assert.match(again, /"id":"autoPublishAgenda","title":"[^"]*","value":"false"/);
      assert.match(again, /"id":"objectionDays","label":"[^"]*","value":"14"/);
      assert.match(again, /"id":"retentionMonths","label":"[^"]*","value":"36"/);
    });

    it('takes the acting person from the activity, never from card data', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      const card = await bot.execute(
        bob,
        VERBS.setupSave,
        {
          ...setupForm,
          revision: 1,
          name: 'Gekapert',
          from: { aadObjectId: alice.aadObjectId },
          aadObjectId: alice.aadObjectId,
        },
        IN_TEAM,
      );
      assert.match(cardText(card), /Nur die Geschäftsstelle/);
      assert.equal((await committee())?.name, 'Koordinierungsgremium Leipzig');
    });

    it('refuses the set-up card to people without the secretariat role', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      assert.match(cardText(firstCard(await bot.message(bob, 'einrichten', IN_TEAM))), /Nur die Geschäftsstelle/);
    });

    it('answers a click on an outdated card with the current state and changes nothing', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      await bot.execute(alice, VERBS.setupSave, { ...setupForm, revision: 1, name: 'Neuer Name' });
      const card = await bot.execute(alice, VERBS.setupSave, { ...setupForm, revision: 1, name: 'Alter Stand' });
      const text = cardText(card);
      assert.match(text, /Diese Karte ist nicht mehr aktuell/);
      assert.match(text, /Neuer Name/);
      assert.equal((await committee())?.name, 'Neuer Name');
      assert.equal((await committee())?.revision, 2);
    });

    it('shows what is wrong, keeps what was typed, and saves nothing', async () => {
      const card = await bot.execute(
        alice,
        VERBS.setupSave,
        { ...setupForm, shortName: '', topicDeadlineDays: '50' },
        IN_TEAM,
      );
      const text = cardText(card);
      assert.match(text, /Bitte prüfen Sie Ihre Angaben/);
      assert.match(text, /Kurzname: Bitte ausfüllen/);
      assert.match(text, /Der Themenaufruf muss vor dem Anmeldeschluss liegen/);
      assert.match(text, /Koordinierungsgremium Leipzig/);
      assert.equal(await committee(), undefined);
    });

    it('refuses tampered data: wrong types, oversized text, foreign conversation ids', async () => {
      for (const tampered of [
        { ...setupForm, name: { $gt: '' } },
        { ...setupForm, name: 'x'.repeat(100_000) },
        { ...setupForm, sessionLengthMinutes: ['180'] },
        { ...setupForm, workingGroupConversationId: 'conversation-of-another-committee' },
        { ...setupForm, revision: '0' },
        { verb: VERBS.setupSave },
      ]) {
        const card = await bot.execute(alice, VERBS.setupSave, tampered, IN_TEAM);
        assert.match(cardText(card), /Bitte prüfen Sie Ihre Angaben|Diese Karte ist nicht mehr aktuell/);
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024);
      }
      assert.equal(await committee(), undefined);
    });

    it('sends the card as a message when a client falls back to Action.Submit', async () => {
      const replies = await bot.send({ ...base(alice), ...IN_TEAM, type: 'message', value: { ...setupForm } });
      assert.match(cardText(firstCard(replies)), /Gremium eingerichtet/);
      assert.equal((await committee())?.name, 'Koordinierungsgremium Leipzig');
    });
  });

  describe('bad input', () => {
    it('refuses an oversized message with a clear German notice', async () => {
      const text = cardText(firstCard(await bot.message(alice, 'hilfe '.repeat(1000))));
      assert.match(text, /Nachricht zu lang/);
    });

    it('answers an unknown command with a pointer to help', async () => {
      assert.match(cardText(firstCard(await bot.message(alice, 'kaffee bitte'))), /Mit „hilfe“ sehen Sie/);
    });

    it('answers an unknown card verb without changing anything', async () => {
      const card = await bot.execute(alice, 'committee.delete', { revision: 0 });
      assert.match(cardText(card), /nicht bekannt oder nicht mehr gültig/);
      assert.equal(await committee(), undefined);
    });

    it('refuses activities without a tenant and stores nothing', async () => {
      const replies = await bot.message(alice, 'einrichten', {
        conversation: { id: 'a:x', conversationType: 'personal', isGroup: false, name: '' },
        channelData: {},
      });
      assert.match(cardText(firstCard(replies)), /keiner Organisation zuordnen/);
      const card = await bot.execute(alice, VERBS.setupSave, setupForm, {
        conversation: { id: 'a:x', isGroup: false, conversationType: 'personal', name: '' },
        channelData: {},
      });
      assert.match(cardText(card), /keiner Organisation zuordnen/);
      assert.equal(await committee(), undefined);
    });
  });

  describe('delivery report', () => {
    it('shows the secretariat the delivery report and refuses it to others', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      assert.match(
        cardText(firstCard(await bot.message(alice, 'zustellung'))),
        /Bisher wurden keine Nachrichten versandt/,
      );
      assert.match(
        cardText(firstCard(await bot.message(bob, 'zustellung'))),
        /Nur die Geschäftsstelle kann die Zustellung einsehen/,
      );
      assert.match(
        cardText(await bot.execute(bob, VERBS.deliveryRetry, { dispatchId: 'welcome:1' })),
        /Nur die Geschäftsstelle/,
      );
    });

    it('refuses a retry of a dispatch that does not exist', async () => {
      await bot.execute(alice, VERBS.setupSave, setupForm, IN_TEAM);
      for (const dispatchId of ['invite:other-committee', { $ne: '' }, undefined]) {
        assert.match(
          cardText(await bot.execute(alice, VERBS.deliveryRetry, { dispatchId })),
          /Diesen Versand gibt es nicht/,
        );
      }
    });
  });

  describe('outages', () => {
    it('answers with a friendly notice and logs the error when the store fails', async () => {
      const logger: Logger = { debug: sinon.spy(), info: sinon.spy(), warn: sinon.spy(), error: sinon.spy() };
      bot = new BotHarness(deps, logger);
      await bot.message(alice, 'hilfe');
      sinon.stub(temp.store, 'get').rejects(new Error('connection reset by the store'));
      sinon.stub(temp.store, 'getMany').rejects(new Error('connection reset by the store'));
      const text = cardText(firstCard(await bot.message(alice, 'einrichten')));
      assert.match(text, /Etwas ist schiefgelaufen/);
      assert.doesNotMatch(text, /connection reset/);
      sinon.assert.calledOnce(logger.error as sinon.SinonSpy);
      sinon.restore();
    });
  });

  describe('installation', () => {
    it('welcomes a person when installed for them and keeps their conversation reference', async () => {
      const replies = await bot.send({
        ...base(alice),
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
      });
      assert.match(cardText(firstCard(replies)), /Willkommen bei Gremium/);
      const stored = await temp.store.get<ConversationDocument>(DIRECTORY, `personal-${alice.aadObjectId}`);
      assert.equal(stored?.address.serviceUrl, 'https://smba.example/emea/');
      assert.equal(stored?.address.userId, alice.id);
    });

    it('keeps the reference of a person who writes to it', async () => {
      await bot.message(bob, 'hilfe');
      const stored = await temp.store.get<ConversationDocument>(DIRECTORY, `personal-${bob.aadObjectId}`);
      assert.equal(stored?.address.conversationId, `a:personal-${bob.id}`);
    });

    it('keeps the reference of a group chat it is added to', async () => {
      await bot.send({
        ...base(alice),
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
        conversation: {
          id: '19:group@thread.v2',
          conversationType: 'groupChat',
          tenantId: TENANT,
          isGroup: true,
          name: 'AG Ausbildung und Arbeit',
        },
      });
      const groups = await temp.store.query<ConversationDocument>(DIRECTORY, {
        type: 'conversation',
        where: [{ field: 'kind', op: '=', value: 'groupChat' }],
      });
      assert.deepEqual(
        groups.map((group) => group.title),
        ['AG Ausbildung und Arbeit'],
      );
    });
  });
});
