import assert from 'node:assert/strict';
import { TeamsInfo, type Activity, type TeamsChannelAccount, type TeamsPagedMembersResult } from 'botbuilder';
import sinon from 'sinon';
import type { AppDependencies } from '../../src/app/dependencies';
import type { PersonDocument, SeatDocument } from '../../src/app/documents';
import type { Logger } from '../../src/app/ports/logger';
import { seedCommittee } from '../../src/app/seed-committee';
import { VERBS } from '../../src/cards/verbs';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeHome } from '../../src/domain/committee';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { personDocumentId } from '../../src/domain/ids';
import { alice, base, bob, BOT, BotHarness, cardText, firstCard, TENANT, type Person } from '../support/bot-harness';
import { useTempStore, type TempStore } from '../support/temp-store';

const TEAM = { id: '19:kog-team@thread.tacv2', name: 'KOG' };
const COMMITTEE = committeeIdForHome(TENANT, TEAM);
const carol: Person = { id: '29:carol', aadObjectId: 'cccccccc-0000-0000-0000-000000000003', name: 'Carol Clausen' };
const dana: Person = { id: '29:dana', aadObjectId: 'dddddddd-0000-0000-0000-000000000004', name: 'Dana Dietrich' };
const SEAT = 'seat-jobcenter';

/** The same activity as in a channel of the committee's team. */
const inTeam: Partial<Activity> = {
  conversation: {
    id: `${TEAM.id};messageid=1`,
    conversationType: 'channel',
    tenantId: TENANT,
    isGroup: true,
    name: '',
  },
  channelData: { tenant: { id: TENANT }, team: TEAM, channel: { id: TEAM.id, name: 'Allgemein' } },
};
/** The same activity as in a group chat. */
const inGroupChat: Partial<Activity> = {
  conversation: {
    id: '19:kog-chat@thread.v2',
    conversationType: 'groupChat',
    tenantId: TENANT,
    isGroup: true,
    name: 'KOG Vorbereitung',
  },
};

const account = (person: Person): TeamsChannelAccount => ({
  id: person.id,
  name: person.name,
  aadObjectId: person.aadObjectId,
});
const page = (members: Person[], continuationToken?: string): TeamsPagedMembersResult => ({
  members: members.map(account),
  continuationToken: continuationToken!,
});

/** Visible text without the markdown escapes a reader never sees. */
const read = (card: Record<string, unknown>) => cardText(card).replace(/\\/g, '');

describe('bot/roster', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  let bot: BotHarness;

  beforeEach(() => {
    ({ temp, deps } = fixture);
    bot = new BotHarness(deps);
  });
  afterEach(() => sinon.restore());

  /** Alice runs the secretariat; Bob holds the Jobcenter's seat; Carol has no role yet. The team is its home. */
  const seed = (home: CommitteeHome = { kind: 'team', id: TEAM.id, title: TEAM.name }) =>
    seedCommittee(deps, {
      tenantId: TENANT,
      home,
      settings: DEFAULT_COMMITTEE_SETTINGS,
      people: [
        { aadObjectId: alice.aadObjectId, displayName: alice.name, roles: ['secretariat'], active: true },
        { aadObjectId: bob.aadObjectId, displayName: bob.name, roles: ['member'], active: true },
        { aadObjectId: carol.aadObjectId, displayName: carol.name, roles: [], active: true },
      ],
      seats: [{ key: 'jobcenter', institution: 'Jobcenter Leipzig', memberId: bob.aadObjectId }],
    });
  const person = (who: Person) => temp.store.get<PersonDocument>(COMMITTEE, personDocumentId(who.aadObjectId));
  const seats = () => temp.store.query<SeatDocument>(COMMITTEE, { type: 'seat' });
  const snapshot = async () =>
    JSON.stringify(
      (await Promise.all(['person', 'seat', 'roster'].map((type) => temp.store.query(COMMITTEE, { type })))).map(
        (documents) => documents.map(({ _etag, ...document }) => document).sort((a, b) => a.id.localeCompare(b.id)),
      ),
    );

  describe('member import', () => {
    it('imports every member of the team, page by page, when installed in it', async () => {
      await seed();
      sinon.stub(TeamsInfo, 'getTeamChannels').resolves([]);
      const paged = sinon.stub(TeamsInfo, 'getPagedMembers');
      paged.onFirstCall().resolves(page([alice, dana], 'next-page'));
      paged.onSecondCall().resolves(page([{ ...carol, name: 'Carol Clausen-Neu' }]));
      await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
      });
      sinon.assert.calledTwice(paged);
      assert.equal(paged.secondCall.args[2], 'next-page');
      const newcomer = await person(dana);
      assert.deepEqual([newcomer?.displayName, newcomer?.roles, newcomer?.active], [dana.name, [], true]);
      assert.deepEqual(newcomer?.contact, {
        serviceUrl: 'https://smba.example/emea/',
        tenantId: TENANT,
        botId: BOT.id,
        userId: dana.id,
        userAadObjectId: dana.aadObjectId,
      });
      assert.deepEqual(
        [(await person(carol))?.displayName, (await person(alice))?.roles],
        ['Carol Clausen-Neu', ['secretariat']],
      );
    });

    it('imports the members of its group chat on installationUpdate', async () => {
      await seed({ kind: 'groupChat', id: inGroupChat.conversation!.id, title: 'KOG Vorbereitung' });
      sinon.stub(TeamsInfo, 'getPagedMembers').resolves(page([dana]));
      await bot.send({ ...base(alice), ...inGroupChat, type: 'installationUpdate', action: 'add' });
      const homedInChat = committeeIdForHome(TENANT, { id: inGroupChat.conversation!.id });
      const imported = await temp.store.get<PersonDocument>(homedInChat, personDocumentId(dana.aadObjectId));
      assert.equal(imported?.contact?.userId, dana.id);
      assert.equal(await person(dana), undefined, 'the team’s committee is not touched');
    });

    it('asks Teams for nobody while the tenant has no committee', async () => {
      const paged = sinon.stub(TeamsInfo, 'getPagedMembers').resolves(page([dana]));
      await bot.send({
        ...base(alice),
        ...inGroupChat,
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
      });
      await bot.send({ ...base(alice), ...inGroupChat, type: 'installationUpdate', action: 'add' });
      sinon.assert.notCalled(paged);
      assert.deepEqual(await temp.store.query(COMMITTEE, { type: 'person' }), []);
    });

    it('imports someone who joins later, with their name from Teams', async () => {
      await seed();
      sinon.stub(TeamsInfo, 'getTeamChannels').resolves([]);
      sinon.stub(TeamsInfo, 'getMember').resolves(account(dana));
      await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersAdded: [{ id: dana.id, aadObjectId: dana.aadObjectId } as never],
      });
      assert.equal((await person(dana))?.displayName, dana.name);
    });

    it('deactivates a member who leaves and keeps their seat; reactivates them when they return', async () => {
      await seed();
      await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersRemoved: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never],
      });
      assert.deepEqual([(await person(bob))?.active, (await person(bob))?.leftAt], [false, '2026-11-21T10:00:00.000Z']);
      assert.equal((await seats())[0]?.memberId, bob.aadObjectId);
      assert.match(read(firstCard(await bot.message(alice, 'mitglieder'))), /Mitglied: Bob Berg \(inaktiv\)/);
      sinon.stub(TeamsInfo, 'getMember').resolves(account(bob));
      await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersAdded: [{ id: bob.id, aadObjectId: bob.aadObjectId } as never],
      });
      assert.equal((await person(bob))?.active, true);
    });

    it('deactivates nobody when the bot itself is removed', async () => {
      await seed();
      const before = await snapshot();
      await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersRemoved: [{ id: BOT.id, name: BOT.name }, { id: bob.id, aadObjectId: bob.aadObjectId } as never],
      });
      assert.equal(await snapshot(), before);
    });

    it('logs a failed member list and carries on', async () => {
      await seed();
      const logger: Logger = { debug: sinon.spy(), info: sinon.spy(), warn: sinon.spy(), error: sinon.spy() };
      bot = new BotHarness(deps, logger);
      sinon.stub(TeamsInfo, 'getTeamChannels').resolves([]);
      sinon.stub(TeamsInfo, 'getPagedMembers').rejects(new Error('429 Too Many Requests'));
      const replies = await bot.send({
        ...base(alice),
        ...inTeam,
        type: 'conversationUpdate',
        membersAdded: [{ id: BOT.id, name: BOT.name }],
      });
      assert.deepEqual(replies, []);
      sinon.assert.calledWithMatch(logger.warn as sinon.SinonSpy, sinon.match.has('err'), 'could not import members');
      sinon.assert.notCalled(logger.error as sinon.SinonSpy);
      assert.equal(await person(dana), undefined);
    });

    it('takes over the members of the chat the roster card is in, for the secretariat', async () => {
      await seed();
      sinon.stub(TeamsInfo, 'getPagedMembers').resolves(page([alice, dana]));
      const card = await bot.execute(alice, VERBS.rosterImport, {}, inTeam);
      assert.match(read(card), /Mitglieder übernommen: 1 neu, 1 aktualisiert, 0 unverändert/);
      assert.match(read(card), /Dana Dietrich/);
      assert.equal((await person(dana))?.active, true);
    });

    it('offers and allows the import only in the committee’s team or group chat', async () => {
      await seed();
      const paged = sinon.stub(TeamsInfo, 'getPagedMembers').resolves(page([dana]));
      assert.doesNotMatch(
        read(firstCard(await bot.message(alice, 'mitglieder'))),
        /Mitglieder aus diesem Chat übernehmen/,
      );
      assert.match(
        read(firstCard(await bot.message(alice, 'mitglieder', inTeam))),
        /Mitglieder aus diesem Chat übernehmen/,
      );
      assert.match(read(await bot.execute(alice, VERBS.rosterImport, {})), /nur in einem Team oder Gruppenchat/);
      assert.match(read(await bot.execute(bob, VERBS.rosterImport, {}, inTeam)), /Nur die Geschäftsstelle/);
      // A group chat that is no committee's home has no roster to import into.
      assert.match(read(await bot.execute(alice, VERBS.rosterImport, {}, inGroupChat)), /Nur die Geschäftsstelle/);
      sinon.assert.notCalled(paged);
    });

    it('says so when the member list cannot be read for the card, and changes nothing', async () => {
      await seed();
      sinon.stub(TeamsInfo, 'getPagedMembers').rejects(new Error('503'));
      const before = await snapshot();
      assert.match(
        read(await bot.execute(alice, VERBS.rosterImport, {}, inTeam)),
        /konnte gerade nicht gelesen werden/,
      );
      assert.equal(await snapshot(), before);
    });
  });

  describe('roster card', () => {
    it('shows the secretariat seats, roles and people without a role, in German and English', async () => {
      await seed();
      const text = read(firstCard(await bot.message(alice, 'mitglieder')));
      assert.match(text, /Mitglieder und Sitze/);
      assert.match(text, /Jobcenter Leipzig\nMitglied: Bob Berg · Stellvertretung: –/);
      assert.match(text, /Geschäftsstelle\nAlice Adler/);
      assert.match(text, /Ohne Rolle\nCarol Clausen/);
      assert.match(read(firstCard(await bot.message(alice, 'members', { locale: 'en-US' }))), /Members and seats/);
    });

    it('refuses the roster and every change to anyone but the secretariat', async () => {
      await seed();
      const before = await snapshot();
      assert.match(read(firstCard(await bot.message(bob, 'mitglieder'))), /Nur die Geschäftsstelle kann Mitglieder/);
      for (const [verb, data] of [
        [VERBS.rosterOpen, {}],
        [VERBS.rosterNewSeat, {}],
        [VERBS.rosterEditPerson, { personId: bob.aadObjectId }],
        [
          VERBS.rosterSaveSeat,
          { revision: 0, seatId: '', institution: 'IHK', memberId: bob.aadObjectId, deputyId: 'none' },
        ],
        [VERBS.rosterRemoveSeat, { revision: 0, seatId: SEAT }],
        [
          VERBS.rosterSaveRoles,
          {
            revision: 0,
            personId: bob.aadObjectId,
            role_secretariat: 'true',
            role_chair: 'false',
            role_workingGroup: 'false',
          },
        ],
        [VERBS.rosterSetActive, { revision: 0, personId: alice.aadObjectId, active: false }],
      ] as const) {
        assert.match(read(await bot.execute(bob, verb, { ...data })), /Nur die Geschäftsstelle/, verb);
      }
      assert.equal(await snapshot(), before);
    });

    it('adds a seat from the form, picking a team member, and answers with the refreshed roster', async () => {
      await seed();
      const form = await bot.execute(alice, VERBS.rosterNewSeat, {});
      assert.match(read(form), /Sitz hinzufügen/);
      assert.match(JSON.stringify(form), new RegExp(`"title":"Carol Clausen","value":"${carol.aadObjectId}"`));
      const card = await bot.execute(alice, VERBS.rosterSaveSeat, {
        revision: 0,
        seatId: '',
        institution: 'IHK zu Leipzig',
        memberId: carol.aadObjectId,
        deputyId: alice.aadObjectId,
        filter: '',
      });
      const text = read(card);
      assert.match(text, /Sitz „IHK zu Leipzig“ hinzugefügt/);
      assert.match(text, /IHK zu Leipzig\nMitglied: Carol Clausen · Stellvertretung: Alice Adler/);
      assert.match(text, /Zuletzt geändert: [^\n]+ von Alice Adler/);
      assert.doesNotMatch(text, /Stand \d|Version \d/, 'no revision counter');
      assert.deepEqual((await person(carol))?.roles, ['member']);
      assert.deepEqual((await person(alice))?.roles, ['secretariat', 'deputy']);
    });

    it('edits and removes a seat from its form', async () => {
      await seed();
      assert.match(
        read(await bot.execute(alice, VERBS.rosterEditSeat, { seatId: SEAT })),
        /Sitz bearbeiten[^]*Sitz entfernen/,
      );
      const saved = await bot.execute(alice, VERBS.rosterSaveSeat, {
        revision: 0,
        seatId: SEAT,
        institution: 'Jobcenter Leipzig',
        memberId: carol.aadObjectId,
        deputyId: 'none',
      });
      assert.match(read(saved), /Sitz „Jobcenter Leipzig“ gespeichert/);
      assert.deepEqual([(await person(bob))?.roles, (await person(carol))?.roles], [[], ['member']]);
      const removed = await bot.execute(alice, VERBS.rosterRemoveSeat, { revision: 1, seatId: SEAT });
      assert.match(read(removed), /Sitz „Jobcenter Leipzig“ entfernt/);
      assert.deepEqual(await seats(), []);
    });

    it('finds people by name on the seat form and keeps what was typed', async () => {
      await seed();
      const form = await bot.execute(alice, VERBS.rosterNewSeat, {
        seatId: '',
        institution: 'HWK zu Leipzig',
        memberId: '',
        deputyId: 'none',
        filter: 'caro',
      });
      const json = JSON.stringify(form);
      assert.match(json, /"value":"HWK zu Leipzig"/);
      assert.match(json, new RegExp(carol.aadObjectId));
      assert.doesNotMatch(json, new RegExp(bob.aadObjectId));
    });

    it("sets a person's roles, deactivates and reactivates them", async () => {
      await seed();
      const personCard = await bot.execute(alice, VERBS.rosterEditPerson, { personId: carol.aadObjectId });
      assert.match(read(personCard), /Carol Clausen[^]*Status\naktiv[^]*Arbeitsgruppe/);
      const roles = await bot.execute(alice, VERBS.rosterSaveRoles, {
        revision: 0,
        personId: carol.aadObjectId,
        role_secretariat: 'false',
        role_chair: 'false',
        role_workingGroup: 'true',
      });
      assert.match(read(roles), /Rollen von Carol Clausen gespeichert/);
      assert.match(read(roles), /Arbeitsgruppe\nCarol Clausen/);
      const off = await bot.execute(alice, VERBS.rosterSetActive, {
        revision: 1,
        personId: carol.aadObjectId,
        active: false,
      });
      assert.match(read(off), /Carol Clausen ist jetzt inaktiv/);
      assert.match(read(off), /Inaktiv\nCarol Clausen \(inaktiv\)/);
      const on = await bot.execute(alice, VERBS.rosterSetActive, {
        revision: 2,
        personId: carol.aadObjectId,
        active: 'true',
      });
      assert.match(read(on), /Carol Clausen ist wieder aktiv/);
      assert.deepEqual((await person(carol))?.roles, ['workingGroup']);
    });

    it('keeps the last secretariat and says why on the person card', async () => {
      await seed();
      const before = await snapshot();
      const card = await bot.execute(alice, VERBS.rosterSaveRoles, {
        revision: 0,
        personId: alice.aadObjectId,
        role_secretariat: 'false',
        role_chair: 'true',
        role_workingGroup: 'false',
      });
      assert.match(read(card), /Nicht gespeichert[^]*mindestens eine aktive Geschäftsstelle/);
      assert.match(
        read(
          await bot.execute(alice, VERBS.rosterSetActive, { revision: 0, personId: alice.aadObjectId, active: false }),
        ),
        /mindestens eine aktive Geschäftsstelle/,
      );
      assert.equal(await snapshot(), before);
    });

    it('asks to choose a seat or person first when none was chosen', async () => {
      await seed();
      assert.match(
        read(await bot.execute(alice, VERBS.rosterEditSeat, { seatId: '' })),
        /Bitte wählen Sie zuerst einen Sitz aus/,
      );
      assert.match(
        read(await bot.execute(alice, VERBS.rosterEditPerson, {})),
        /Bitte wählen Sie zuerst eine Person aus/,
      );
    });

    it('sends the card as a message when a client falls back to Action.Submit', async () => {
      await seed();
      const replies = await bot.send({
        ...base(alice),
        type: 'message',
        value: {
          verb: VERBS.rosterSaveSeat,
          revision: 0,
          seatId: '',
          institution: 'IHK zu Leipzig',
          memberId: carol.aadObjectId,
          deputyId: 'none',
        },
      });
      assert.match(read(firstCard(replies)), /Sitz „IHK zu Leipzig“ hinzugefügt/);
    });
  });

  describe('bad input', () => {
    it('refuses tampered person and seat ids with a notice and changes nothing', async () => {
      await seed();
      const before = await snapshot();
      for (const [verb, data] of [
        [
          VERBS.rosterSaveSeat,
          {
            revision: 0,
            seatId: '',
            institution: 'IHK',
            memberId: 'ffffffff-0000-0000-0000-00000000000f',
            deputyId: 'none',
          },
        ],
        [
          VERBS.rosterSaveSeat,
          { revision: 0, seatId: '', institution: 'IHK', memberId: carol.aadObjectId, deputyId: { $ne: '' } },
        ],
        [
          VERBS.rosterSaveSeat,
          {
            revision: 0,
            seatId: 'seat-of-another-committee',
            institution: 'IHK',
            memberId: carol.aadObjectId,
            deputyId: 'none',
          },
        ],
        [VERBS.rosterRemoveSeat, { revision: 0, seatId: 'seat-x' }],
        [VERBS.rosterEditSeat, { seatId: 'seat-x' }],
        [VERBS.rosterEditPerson, { personId: 'person-x' }],
        [VERBS.rosterSaveRoles, { revision: 0, personId: carol.aadObjectId, role_secretariat: 'true' }],
        [
          VERBS.rosterSaveRoles,
          {
            revision: 0,
            personId: 'ffffffff-0000-0000-0000-00000000000f',
            role_secretariat: 'true',
            role_chair: 'false',
            role_workingGroup: 'false',
          },
        ],
        [VERBS.rosterSetActive, { revision: 0, personId: carol.aadObjectId, active: 'vielleicht' }],
      ] as const) {
        const card = await bot.execute(alice, verb, { ...data });
        assert.match(read(card), /Angaben, die Gremium nicht kennt/, `${verb} ${JSON.stringify(data)}`);
      }
      assert.equal(await snapshot(), before);
    });

    it('refuses an overlong or missing institution, shows the form again, and changes nothing', async () => {
      await seed();
      const before = await snapshot();
      const card = await bot.execute(alice, VERBS.rosterSaveSeat, {
        revision: 0,
        seatId: '',
        institution: 'x'.repeat(100_000),
        memberId: '',
        deputyId: 'none',
      });
      const text = read(card);
      assert.match(text, /Bitte prüfen Sie Ihre Angaben/);
      assert.match(text, /Institution: Höchstens 150 Zeichen/);
      assert.match(text, /Mitglied: Bitte ausfüllen/);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024);
      assert.equal(await snapshot(), before);
    });

    it('answers an outdated card with the current roster and changes nothing', async () => {
      await seed();
      await bot.execute(alice, VERBS.rosterSaveRoles, {
        revision: 0,
        personId: carol.aadObjectId,
        role_secretariat: 'false',
        role_chair: 'true',
        role_workingGroup: 'false',
      });
      const before = await snapshot();
      const card = await bot.execute(alice, VERBS.rosterRemoveSeat, { revision: 0, seatId: SEAT });
      assert.match(read(card), /Diese Karte ist nicht mehr aktuell[^]*Jobcenter Leipzig/);
      assert.match(read(card), /Zuletzt geändert: [^\n]+ von Alice Adler/);
      assert.equal(await snapshot(), before);
    });

    it('lets exactly one of two simultaneous edits win, also across two bot instances', async () => {
      await seed();
      const other = new BotHarness(deps);
      const [first, second] = await Promise.all([
        bot.execute(alice, VERBS.rosterSaveSeat, {
          revision: 0,
          seatId: SEAT,
          institution: 'Jobcenter Leipzig',
          memberId: carol.aadObjectId,
          deputyId: 'none',
        }),
        other.execute(alice, VERBS.rosterSaveSeat, {
          revision: 0,
          seatId: SEAT,
          institution: 'Jobcenter Leipzig (Eins)',
          memberId: bob.aadObjectId,
          deputyId: carol.aadObjectId,
        }),
      ]);
      const texts = [read(first), read(second)];
      assert.equal(texts.filter((text) => /Sitz „[^“]+“ gespeichert/.test(text)).length, 1, texts.join('\n---\n'));
      assert.equal(texts.filter((text) => /nicht mehr aktuell/.test(text)).length, 1);
      assert.equal((await seats()).length, 1);
    });
  });
});
