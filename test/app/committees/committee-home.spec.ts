import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { COMMITTEE_ROUTE_TYPE, type CommitteeRouteDocument } from '../../../src/app/committees/directory-documents';
import { actorInConversation, identifyActor } from '../../../src/app/committees/identify-committee';
import { myCommittees } from '../../../src/app/committees/my-committees';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument } from '../../../src/app/documents';
import { listGroupConversations } from '../../../src/app/group-conversations';
import { actorIn, type ActorIdentity } from '../../../src/app/identify-actor';
import { openSetup } from '../../../src/app/open-setup';
import { rememberConversation, type ConversationSighting } from '../../../src/app/remember-conversation';
import { saveSetup, type SetupSubmission } from '../../../src/app/save-setup';
import { defaultSetupAnswers } from '../../support/setup-answers';
import { tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { ManualClock } from '../../support/manual-clock';

const TENANT = '11111111-2222-3333-4444-555555555555';
const KOG = { id: '19:kog-team@thread.tacv2', name: 'Koordinierungsgremium Leipzig' };
const SGI = { id: '19:sgi-team@thread.tacv2', name: 'Steuerungsgruppe Integration' };
const alice: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  displayName: 'Alice',
};
const bob: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002',
  displayName: 'Bob',
};

/** A channel of a team, as a message there names it. */
const channelOf = (team: typeof KOG, channelId = team.id) =>
  ({ kind: 'channel', conversationId: channelId, teamId: team.id, title: team.name }) as const;

/** The set-up form with the defaults and a short name. */
function setupFor(shortName: string, workingGroupConversationId?: string): SetupSubmission {
  return {
    revision: 0,
    answers: {
      ...defaultSetupAnswers(`${shortName} (Test)`, shortName),
      ...(workingGroupConversationId ? { workingGroupConversationId } : {}),
    },
  };
}

/** The bot installed in a channel of a team: what the directory learns of it. */
function channelSighting(team: typeof KOG, channelId: string, channelName: string): ConversationSighting {
  return {
    address: {
      serviceUrl: 'https://smba.example/',
      channelId: 'msteams',
      conversationId: channelId,
      conversationType: 'channel',
      tenantId: TENANT,
      botId: '28:bot',
    },
    title: `${team.name} › ${channelName}`,
    teamId: team.id,
    teamName: team.name,
  };
}

for (const engine of ENGINES) {
  describe(`app/committees: a committee lives in its home, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let deps: AppDependencies;
    beforeEach(async () => {
      opened = await engine.open();
      deps = { store: opened.store, clock: new ManualClock('2026-11-21T10:00:00Z') };
    });
    afterEach(async () => opened.close());

    const setUpIn = async (who: ActorIdentity, team: typeof KOG, shortName: string, group?: string) =>
      saveSetup(deps, await actorInConversation(deps, who, channelOf(team)), setupFor(shortName, group));

    it('gives two people saving the first set-up in one team at once one committee, with one of them its secretariat', async () => {
      const [first, second] = await Promise.all([setUpIn(alice, KOG, 'KOG'), setUpIn(bob, KOG, 'ANDERS')]);
      assert.equal([first, second].filter((result) => result.ok).length, 1, 'exactly one wins');
      const loser = first.ok ? second : first;
      assert.deepEqual(!loser.ok && loser.error, { kind: 'outdated' });
      const committees = await opened.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' });
      assert.equal(committees.length, 1);
      const people = await opened.store.query<PersonDocument>(committees[0]!.committeeId, { type: 'person' });
      assert.equal(people.length, 1, 'one secretariat');
    });

    it('makes two teams two committees, each with its home, its id derived from it', async () => {
      const kog = await setUpIn(alice, KOG, 'KOG');
      const sgi = await setUpIn(alice, SGI, 'SGI');
      assert.ok(kog.ok && sgi.ok);
      assert.equal(kog.value.committeeId, committeeIdForHome(TENANT, KOG));
      assert.equal(sgi.value.committeeId, committeeIdForHome(TENANT, SGI));
      assert.notEqual(kog.value.committeeId, sgi.value.committeeId);
      assert.match(kog.value.committeeId, /^committee-11111111-2222-3333-4444-555555555555-[0-9a-f]{40}$/);
      assert.deepEqual(kog.value.home, { kind: 'team', id: KOG.id, title: KOG.name });
      assert.deepEqual(sgi.value.home, { kind: 'team', id: SGI.id, title: SGI.name });
      // The directory knows both homes, and Alice's index both committees.
      const routes = await opened.store.query<CommitteeRouteDocument>(tenantDirectoryId(TENANT), {
        type: COMMITTEE_ROUTE_TYPE,
      });
      assert.deepEqual(
        routes.map((route) => [route.role, route.key, route.belongsTo]).sort(),
        [
          ['home', KOG.id, kog.value.committeeId],
          ['home', SGI.id, sgi.value.committeeId],
        ].sort(),
      );
      const mine = await myCommittees(deps, alice);
      assert.deepEqual(
        mine.choices.map((choice) => [choice.shortName, choice.roles]),
        [
          ['KOG', ['secretariat']],
          ['SGI', ['secretariat']],
        ],
      );
      // A second set-up in a team edits that team's committee, never the other's.
      const again = await openSetup(deps, await actorInConversation(deps, alice, channelOf(SGI)));
      assert.ok(again.ok && !again.value.isNew && again.value.settings.shortName === 'SGI');
    });

    it('sets no committee up in a personal chat, and writes nothing', async () => {
      const personal = await identifyActor(deps, alice, undefined);
      assert.equal(personal.kind, 'actor');
      const actor = personal.kind === 'actor' ? personal.actor : undefined;
      assert.deepEqual(await openSetup(deps, actor!), { ok: false, error: { kind: 'noHome' } });
      assert.deepEqual(await saveSetup(deps, actor!, setupFor('KOG')), { ok: false, error: { kind: 'noHome' } });
      assert.deepEqual(await opened.store.queryAcrossCommittees({ type: 'committee' }), []);
    });

    it("offers as working group conversation its home's channels and unclaimed ones, never another committee's", async () => {
      const kogGeneral = await rememberConversation(deps, channelSighting(KOG, KOG.id, 'Allgemein'));
      const kogGroup = await rememberConversation(deps, channelSighting(KOG, '19:kog-ag@thread.tacv2', 'AG'));
      const sgiGeneral = await rememberConversation(deps, channelSighting(SGI, SGI.id, 'Allgemein'));
      const lonely = await rememberConversation(deps, {
        address: {
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
          conversationId: '19:ag-chat@thread.v2',
          conversationType: 'groupChat',
          tenantId: TENANT,
          botId: '28:bot',
        },
        title: 'AG Sprache',
      });
      assert.ok((await setUpIn(alice, SGI, 'SGI', lonely.id)).ok, 'the SGI takes the group chat for its working group');
      const offered = async () =>
        (await listGroupConversations(deps.store, await actorInConversation(deps, alice, channelOf(KOG)))).map(
          (conversation) => conversation.id,
        );
      assert.deepEqual((await offered()).sort(), [kogGeneral.id, kogGroup.id].sort());
      const taken = await setUpIn(alice, KOG, 'KOG', lonely.id);
      assert.ok(!taken.ok && taken.error.kind === 'invalid');
      const other = await setUpIn(alice, KOG, 'KOG', sgiGeneral.id);
      assert.ok(!other.ok && other.error.kind === 'invalid', "another committee's channel is unknown here");
      const saved = await setUpIn(alice, KOG, 'KOG', kogGroup.id);
      assert.ok(saved.ok);
      // The working group's channel acts on its committee, as do the home's other channels.
      const inGroup = await actorInConversation(deps, bob, channelOf(KOG, '19:kog-ag@thread.tacv2'));
      assert.deepEqual([inGroup.committeeId, inGroup.place.kind], [saved.value.committeeId, 'workingGroup']);
      const inChat = await actorInConversation(deps, bob, {
        kind: 'groupChat',
        conversationId: '19:ag-chat@thread.v2',
      });
      assert.deepEqual([inChat.committeeId, inChat.place.kind], [committeeIdForHome(TENANT, SGI), 'workingGroup']);
    });

    it('lets a conversation of no committee act on none, and offers set-up there only', async () => {
      await setUpIn(alice, KOG, 'KOG');
      const elsewhere = await actorInConversation(deps, alice, { kind: 'groupChat', conversationId: '19:x@thread.v2' });
      assert.equal(elsewhere.committee, undefined);
      assert.deepEqual(elsewhere.roles, []);
      assert.equal(elsewhere.place.kind, 'unclaimed');
      const atHome = await actorIn(deps, alice, committeeIdForHome(TENANT, KOG));
      assert.deepEqual(atHome.roles, ['secretariat']);
    });
  });
}
