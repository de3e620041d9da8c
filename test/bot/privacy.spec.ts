import assert from 'node:assert/strict';
import type { PersonDocument } from '../../src/app/documents';
import type { DataExportDocument } from '../../src/app/privacy/data-export-document';
import { loadRoster } from '../../src/app/roster/load-roster';
import { personFeed } from '../../src/app/feed/person-feed';
import { VERBS } from '../../src/cards/verbs';
import { personDocumentId, tenantDirectoryId } from '../../src/domain/ids';
import { BotHarness, cardText, firstCard, SHARED_CONVERSATIONS } from '../support/bot-harness';
import { recordingStore, type StoreCall } from '../support/recording-store';
import { openTempStore, type TempStore } from '../support/temp-store';
import { COMMITTEE, PEOPLE, SessionWorld, TENANT, chatPerson, useSessionWorld } from '../app/sessions/session-world';

const BASE = 'https://gremium.example.org';
const read = (card: Record<string, unknown>) => cardText(card).replace(/\\/g, '');
/**
 * Store calls that write; the only other calls a hint may cause are the reads of remembering the
 * chat and of the person's language choice.
 */
const WRITES = new Set(['create', 'replace', 'upsert', 'delete', 'batch']);
const writesOf = (calls: readonly StoreCall[]) => calls.filter((call) => WRITES.has(call.operation));
const stranger = { id: '29:stranger', aadObjectId: '0f0f0f0f-0000-0000-0000-00000000000f', name: 'Jemand' };

describe('bot/privacy', () => {
  const fixture = useSessionWorld();

  describe('meine daten', () => {
    it('answers anyone with a link to their own export, valid for a day', async () => {
      const bot = new BotHarness(fixture.world.deps, undefined, BASE);
      for (const who of [chatPerson('sabine'), stranger]) {
        const card = firstCard(await bot.message(who, 'meine daten'));
        const url = /https:\/\/gremium\.example\.org\/api\/export\/[^"]+\.json/.exec(JSON.stringify(card))?.[0];
        assert.ok(url, JSON.stringify(card));
        assert.match(read(card), /Ihre Daten bei Gremium/);
        assert.match(read(card), /Der Link gilt bis Sonntag, 22\. November 2026, 11:00 Uhr/);
      }
      const exports = await fixture.world.store.query<DataExportDocument>(tenantDirectoryId(TENANT), {
        type: 'dataExport',
      });
      assert.deepEqual(
        exports.map((document) => document.personId).sort(),
        [PEOPLE.sabine, stranger.aadObjectId].sort(),
      );
    });

    it('shows the calendar subscription and makes a new address on a click, ending the old one', async () => {
      const { world } = fixture;
      const bot = new BotHarness(world.deps, undefined, BASE);
      const first = firstCard(await bot.message(chatPerson('sabine'), 'meine daten'));
      assert.match(read(first), /Kalenderabonnement[^]*noch keine Kalenderadresse/);
      assert.ok(JSON.stringify(first).includes(`"verb":"${VERBS.feedRenew}"`), 'the button to make one');
      assert.doesNotMatch(JSON.stringify(first), /api\/feed/, 'no address before one is asked for');
      assert.equal((await world.store.query(tenantDirectoryId(TENANT), { type: 'calendarFeed' })).length, 0);

      const made = await bot.execute(chatPerson('sabine'), VERBS.feedRenew, {});
      const address = /https:\/\/gremium\.example\.org\/api\/feed\/[^"\s]+\.ics/.exec(JSON.stringify(made))?.[0];
      assert.ok(address, JSON.stringify(made));
      assert.match(read(made), /Ihre Kalenderadresse \(persönlich, bitte nicht weitergeben\)/);
      assert.ok(JSON.stringify(made).includes(address.replace(/\.ics$/, '"')), 'the button opens its page');
      const token = /([A-Za-z0-9_-]{43})\.ics$/.exec(address)![1]!;
      assert.ok(await personFeed(world.deps, tenantDirectoryId(TENANT), token));

      const shown = firstCard(await bot.message(chatPerson('sabine'), 'meine daten'));
      assert.match(read(shown), /Sie haben eine persönliche Kalenderadresse/);
      assert.doesNotMatch(JSON.stringify(shown), /api\/feed/, 'an address is shown only once');

      const renewed = await bot.execute(chatPerson('sabine'), VERBS.feedRenew, {});
      assert.doesNotMatch(JSON.stringify(renewed), new RegExp(token));
      assert.equal(await personFeed(world.deps, tenantDirectoryId(TENANT), token), undefined, 'the old one ends');
      assert.equal((await world.store.query(tenantDirectoryId(TENANT), { type: 'calendarFeed' })).length, 1);

      const outsider = await bot.execute(stranger, VERBS.feedRenew, {});
      assert.match(read(outsider), /nur für Personen, die in einem Gremium eingetragen sind/);
      assert.doesNotMatch(JSON.stringify(outsider), /api\/feed/);
    });

    it('stores nothing when the bot has no public address, and says so', async () => {
      const bot = new BotHarness(fixture.world.deps);
      const card = firstCard(await bot.message(chatPerson('sabine'), 'my data'));
      assert.match(read(card), /öffentliche Adresse/);
      assert.equal((await fixture.world.store.query(COMMITTEE, { type: 'dataExport' })).length, 0);
    });
  });

  describe('in a channel or group chat', () => {
    let temp: TempStore;
    let calls: StoreCall[];
    let world: SessionWorld;
    beforeEach(async () => {
      temp = await openTempStore();
      const recorded = recordingStore(temp.store);
      calls = recorded.calls;
      world = await SessionWorld.create(recorded.store);
    });
    afterEach(async () => temp.cleanup());

    for (const [where, conversation] of SHARED_CONVERSATIONS) {
      it(`answers "meine daten" and "my data" in a ${where} only with where to ask, and creates no link`, async () => {
        const bot = new BotHarness(world.deps, undefined, BASE);
        for (const [text, locale, hint] of [
          [
            'meine daten',
            'de-DE',
            /Bitte im persönlichen Chat fragen[^]*„meine daten“ beantworte ich nur im persönlichen Chat mit Gremium[^]*schreiben Sie dort „meine daten“/,
          ],
          // An English client gets the committee's language there, as everyone reading along does.
          [
            'my data',
            'en-US',
            /Bitte im persönlichen Chat fragen[^]*„meine daten“ beantworte ich nur im persönlichen Chat mit Gremium/,
          ],
        ] as const) {
          // An activity remembers its conversation first; what follows is the command's own doing.
          await bot.message(chatPerson('sabine'), 'hilfe', { ...conversation, locale });
          calls.splice(0);
          const replies = await bot.message(chatPerson('sabine'), text, { ...conversation, locale });
          assert.equal(replies.length, 1, 'one answer, nothing else');
          const card = firstCard(replies);
          assert.match(read(card), hint);
          assert.doesNotMatch(
            JSON.stringify(card),
            /gremium\.example\.org|\/api\/|Action\.OpenUrl/,
            'no link in the card',
          );
          assert.deepEqual(writesOf(calls), [], `${text}: nothing written`);
          assert.ok(
            calls.every((call) => call.operation === 'get' || call.operation === 'getMany'),
            `${text}: nothing but the chat's own record and its language read: ${JSON.stringify(calls)}`,
          );
        }
        assert.equal((await temp.store.query(COMMITTEE, { type: 'dataExport' })).length, 0);
      });
    }

    it('still answers "meine daten" with the link in the personal chat', async () => {
      const bot = new BotHarness(world.deps, undefined, BASE);
      const card = firstCard(await bot.message(chatPerson('sabine'), 'meine daten'));
      assert.match(JSON.stringify(card), /https:\/\/gremium\.example\.org\/api\/export\//);
      assert.equal((await temp.store.query(tenantDirectoryId(TENANT), { type: 'dataExport' })).length, 1);
    });
  });

  describe('erasing a person from the roster', () => {
    it('offers erasure on the person card, asks once, then erases', async () => {
      const { world } = fixture;
      const bot = new BotHarness(world.deps);
      const { revision } = await loadRoster(world.store, COMMITTEE);
      const personCard = JSON.stringify(
        await bot.execute(chatPerson('katrin'), VERBS.rosterEditPerson, { personId: PEOPLE.sabine }),
      );
      assert.ok(personCard.includes(VERBS.personErase));
      const confirm = await bot.execute(chatPerson('katrin'), VERBS.personErase, { revision, personId: PEOPLE.sabine });
      assert.match(read(confirm), /Sabine Hoffmann löschen\?/);
      assert.match(read(confirm), /ehemalige Person/);
      assert.equal(
        (await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine)))!.displayName,
        'Sabine Hoffmann',
        'asking changes nothing',
      );
      const done = await bot.execute(chatPerson('katrin'), VERBS.personErase, {
        revision,
        personId: PEOPLE.sabine,
        confirmed: 'true',
      });
      assert.match(read(done), /heißt in allen Unterlagen jetzt „ehemalige Person“/);
      assert.equal(
        (await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine)))!.displayName,
        'ehemalige Person',
      );
    });

    it('refuses a member, the secretariat erasing itself and an outdated card', async () => {
      const { world } = fixture;
      const bot = new BotHarness(world.deps);
      const { revision } = await loadRoster(world.store, COMMITTEE);
      assert.match(
        read(
          await bot.execute(chatPerson('birgit'), VERBS.personErase, {
            revision,
            personId: PEOPLE.sabine,
            confirmed: 'true',
          }),
        ),
        /Geschäftsstelle/,
      );
      assert.match(
        read(
          await bot.execute(chatPerson('katrin'), VERBS.personErase, {
            revision,
            personId: PEOPLE.katrin,
            confirmed: 'true',
          }),
        ),
        /nicht selbst löschen/,
      );
      assert.match(
        read(
          await bot.execute(chatPerson('katrin'), VERBS.personErase, {
            revision: revision + 5,
            personId: PEOPLE.sabine,
            confirmed: 'true',
          }),
        ),
        /Mitgliederliste geändert/,
      );
      assert.match(
        read(
          await bot.execute(chatPerson('katrin'), VERBS.personErase, {
            revision: revision + 5,
            personId: PEOPLE.sabine,
          }),
        ),
        /Mitgliederliste geändert/,
      );
      assert.equal(
        (await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.sabine)))!.displayName,
        'Sabine Hoffmann',
      );
    });
  });
});
