import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TeamsInfo, type Activity } from 'botbuilder';
import sinon from 'sinon';
import { auditedStore } from '../../../src/app/audit/audited-store';
import { personCommitteesOf } from '../../../src/app/committees/person-committees';
import { upgradeLegacyCommittees } from '../../../src/app/committees/upgrade-legacy-committee';
import { COMMITTEE_ROUTE_TYPE, type CommitteeRouteDocument } from '../../../src/app/committees/directory-documents';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument } from '../../../src/app/documents';
import type { Document, DocumentStore } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { VERBS } from '../../../src/cards/verbs';
import { personDocumentId } from '../../../src/domain/ids';
import { EmbeddedStore, EMBEDDED_STORE_FILE_NAME } from '../../../src/infra/embedded-store';
import { CosmosEmulator } from '../../support/cosmos-emulator';
import { FakeMessenger } from '../../support/fake-messenger';
import { ManualClock } from '../../support/manual-clock';
import { actionData, BotHarness, cardText, firstCard, type Person } from '../../support/bot-harness';
import { RELEASE_STORE, RELEASE_STORE_FILES } from '../../fixtures/release-store/release-store';
import { senderFor } from '../delivery/delivery-fixtures';

const { tenantId: TENANT, committeeId: LEGACY, people: PEOPLE } = RELEASE_STORE;

/** A store written by the release before homes, opened on one engine: the committed file, or the dump loaded. */
interface ReleaseStore {
  readonly store: DocumentStore;
  close(): Promise<void>;
}

const ENGINES: ReadonlyArray<{ readonly name: string; open(): Promise<ReleaseStore> }> = [
  {
    name: 'embedded store (the release’s SQLite file)',
    open: async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-upgrade-'));
      await copyFile(RELEASE_STORE_FILES.embedded, path.join(dataDir, EMBEDDED_STORE_FILE_NAME));
      const store = await EmbeddedStore.open({ dataDir });
      return { store, close: async () => (await store.close(), await rm(dataDir, { recursive: true, force: true })) };
    },
  },
  {
    name: 'Cosmos DB (the release’s container loaded into cosmosdb-server)',
    open: async () => {
      const emulator = await CosmosEmulator.start();
      const store = await emulator.connect();
      const documents = JSON.parse(await readFile(RELEASE_STORE_FILES.cosmos, 'utf8')) as Document[];
      for (const document of documents) await store.create(document);
      return { store, close: async () => (await store.close(), await emulator.close()) };
    },
  },
];

/** The demo's people as the playground's users, in the release's tenant. */
const person = (key: keyof typeof PEOPLE, name: string): Person => ({
  id: `29:${key}`,
  aadObjectId: PEOPLE[key],
  name,
});
const katrin = person('katrin', 'Katrin Albers');
const sabine = person('sabine', 'Sabine Hoffmann');
const birgit = person('birgit', 'Birgit Lehmann');

/** An activity of the release's tenant: in a personal chat, or in a channel of a team, or in the group chat. */
function inTenant(where: 'personal' | 'kogTeam' | 'otherTeam' | 'groupChat', who: Person): Partial<Activity> {
  const team =
    where === 'kogTeam'
      ? { id: RELEASE_STORE.teamId, name: RELEASE_STORE.teamName }
      : { id: '19:kantine@thread.tacv2', name: 'Kantine' };
  const conversation =
    where === 'personal'
      ? { id: `a:${who.id}`, conversationType: 'personal', isGroup: false }
      : where === 'groupChat'
        ? { id: RELEASE_STORE.groupChatId, conversationType: 'groupChat', isGroup: true }
        : { id: `${team.id};messageid=1`, conversationType: 'channel', isGroup: true };
  return {
    conversation: { ...conversation, tenantId: TENANT, name: '' },
    channelData: {
      tenant: { id: TENANT },
      ...(where === 'kogTeam' || where === 'otherTeam' ? { team, channel: { id: team.id } } : {}),
    },
  };
}

/** Every document of the committee's partition but the audit trail, as stored (without ETags). */
async function snapshot(store: DocumentStore): Promise<Map<string, string>> {
  const types = ['committee', 'person', 'seat', 'session', 'job', 'conversation', 'roster'];
  const documents = (await Promise.all(types.map((type) => store.query<Document>(LEGACY, { type })))).flat();
  return new Map(
    documents.map(({ _etag, ...document }) => [`${document.type}/${document.id}`, JSON.stringify(document)]),
  );
}

for (const engine of ENGINES) {
  describe(`app/committees: the release's store upgrades by itself, on the ${engine.name}`, function () {
    this.timeout(120_000);
    let release: ReleaseStore;
    let clock: ManualClock;
    let deps: AppDependencies;
    beforeEach(async () => {
      release = await engine.open();
      clock = new ManualClock('2026-12-01T10:00:00Z');
      deps = { store: auditedStore(release.store, clock), clock };
    });
    afterEach(async () => {
      sinon.restore();
      await release.close();
    });

    it('gives the committee the team it was set up in as its home, rewriting nothing else, once', async () => {
      const before = await snapshot(release.store);
      const stored = (await release.store.get<CommitteeDocument>(LEGACY, 'committee'))!;
      assert.equal(stored.home, undefined, 'the release knew no homes');
      assert.equal((await release.store.query(LEGACY, { type: 'session' })).length, 3);

      // Two instances starting at once.
      const [first, second] = await Promise.all([upgradeLegacyCommittees(deps), upgradeLegacyCommittees(deps)]);
      assert.deepEqual(
        [first, second],
        [
          { tenants: [TENANT], homeless: [] },
          { tenants: [TENANT], homeless: [] },
        ],
      );
      const after = await snapshot(release.store);
      const changed = [...after.keys()].filter((key) => before.get(key) !== after.get(key));
      assert.deepEqual(changed, ['committee/committee'], 'only the committee changed');
      const committee = (await release.store.get<CommitteeDocument>(LEGACY, 'committee'))!;
      assert.deepEqual(committee.home, { kind: 'team', id: RELEASE_STORE.teamId, title: RELEASE_STORE.teamName });
      assert.equal(committee.revision, stored.revision, 'no new revision: the set-up card stays current');
      const homeRecords = (
        await release.store.query<Document & { documentId: string }>(LEGACY, { type: 'audit' })
      ).filter((record) => record.documentId === 'committee');
      assert.equal(homeRecords.length, 1, 'the trail records the home once, as the system’s');

      const routes = await release.store.query<CommitteeRouteDocument>(LEGACY, { type: COMMITTEE_ROUTE_TYPE });
      assert.deepEqual(routes.map((route) => [route.role, route.belongsTo]).sort(), [
        ['home', LEGACY],
        ['workingGroup', LEGACY],
      ]);
      for (const id of Object.values(PEOPLE))
        assert.deepEqual((await personCommitteesOf(release.store, TENANT, id))?.committeeIds, [LEGACY], id);

      const settled = await snapshot(release.store);
      await upgradeLegacyCommittees(deps);
      assert.deepEqual(await snapshot(release.store), settled, 'a second run changes nothing');
    });

    it('upgrades on first sight when a turn comes before the start-up pass, and serves the personal chat meanwhile', async () => {
      const bot = new BotHarness(deps);
      const say = async (who: Person, where: Parameters<typeof inTenant>[0], text: string) =>
        cardText(firstCard(await bot.message(who, text, inTenant(where, who))));
      assert.match(await say(katrin, 'personal', 'hilfe'), /Ihre Rolle: Geschäftsstelle/);
      assert.equal((await release.store.get<CommitteeDocument>(LEGACY, 'committee'))?.home, undefined);
      // Someone leaves another team: the committee learns its home first, and nobody is deactivated.
      await bot.send({
        ...inTenant('otherTeam', katrin),
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/',
        from: { id: katrin.id, aadObjectId: katrin.aadObjectId, name: katrin.name },
        recipient: { id: '28:gremium-demo-bot', name: 'Gremium' },
        type: 'conversationUpdate',
        membersRemoved: [{ id: sabine.id, aadObjectId: sabine.aadObjectId } as never],
      });
      assert.equal((await release.store.get<CommitteeDocument>(LEGACY, 'committee'))?.home?.id, RELEASE_STORE.teamId);
      assert.equal((await release.store.get<PersonDocument>(LEGACY, personDocumentId(PEOPLE.sabine)))?.active, true);
      assert.match(await say(katrin, 'kogTeam', 'hilfe'), /Ihre Rolle: Geschäftsstelle/);
    });

    it('runs a session cycle on it: the scheduler invites, members answer their cards, attendance is taken', async () => {
      await upgradeLegacyCommittees(deps);
      const bot = new BotHarness(deps);
      const say = async (who: Person, where: Parameters<typeof inTenant>[0], text: string) =>
        firstCard(await bot.message(who, text, inTenant(where, who)));

      // The secretariat works from her personal chat as before; the team is the committee's home.
      assert.match(cardText(await say(katrin, 'personal', 'sitzungen planen 2027')), /Sitzungen 2027/);
      assert.match(cardText(await say(katrin, 'kogTeam', 'hilfe')), /Ihre Rolle: Geschäftsstelle/);
      // The group chat the bot was also installed in is no committee's home now.
      assert.match(cardText(await say(katrin, 'groupChat', 'hilfe')), /arbeitet noch kein Gremium/);

      // The scheduler invites at the agenda lead time.
      clock.advance(Date.parse('2027-01-28T08:00:00Z') - clock.now().toMillis());
      const run = () => runDueJobs({ ...deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS);
      while ((await run()).length > 0);
      const session = (await release.store.get<SessionDocument>(LEGACY, 'session-2027-1'))!;
      assert.equal(session.state, 'invited');
      const [dispatch] = (await release.store.query<DispatchDocument>(LEGACY, { type: 'dispatch' })).filter((found) =>
        found.dispatchId.startsWith('invite:'),
      );
      assert.ok(dispatch);

      // The outbox delivers into the conversations the release remembered, or opens them.
      const messenger = new FakeMessenger(clock);
      await senderFor(deps, clock, messenger).drainOnce();
      assert.ok(messenger.sendsTo('a:gremium-personal-sabine-hoffmann') >= 1, 'to the 1:1 chat the release kept');
      const invitation = messenger.sends.find((send) => send.conversationId === 'a:gremium-personal-sabine-hoffmann')!
        .message.attachments![0]!.content as Record<string, unknown>;
      assert.match(cardText(invitation), /KOG · Sitzung 2027\/1/);

      // Sabine answers on her card; a card drawn by the release (no committee in its data) works as well.
      const answered = await bot.execute(
        sabine,
        VERBS.rsvpAnswer,
        { ...actionData(invitation, VERBS.rsvpAnswer), choice: 'inPerson' },
        inTenant('personal', sabine),
      );
      assert.match(cardText(answered), /vor Ort/);
      const released = {
        sessionId: 'session-2027-1',
        personId: PEOPLE.birgit,
        revision: session.revision,
        choice: 'declined',
      };
      assert.match(
        cardText(await bot.execute(birgit, VERBS.rsvpAnswer, released, inTenant('personal', birgit))),
        /abgesagt|Absage/,
      );
      assert.equal((await release.store.query(LEGACY, { type: 'rsvp' })).length, 2);

      // Leaving another team of the organisation changes nothing; leaving the committee's team does.
      await bot.send({
        ...inTenant('otherTeam', katrin),
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/',
        from: { id: katrin.id, aadObjectId: katrin.aadObjectId, name: katrin.name },
        recipient: { id: '28:gremium-demo-bot', name: 'Gremium' },
        type: 'conversationUpdate',
        membersRemoved: [{ id: sabine.id, aadObjectId: sabine.aadObjectId } as never],
      });
      assert.equal((await release.store.get<PersonDocument>(LEGACY, personDocumentId(PEOPLE.sabine)))?.active, true);

      // The session day: attendance, from the personal chat.
      clock.advance(Date.parse('2027-02-11T16:30:00Z') - clock.now().toMillis());
      const attendance = await say(katrin, 'personal', 'anwesenheit 2027/1');
      assert.match(cardText(attendance), /Anwesenheit: Sitzung 2027\/1/);
      sinon.stub(TeamsInfo, 'getPagedMembers').rejects(new Error('not used'));
      const saved = await bot.execute(
        katrin,
        VERBS.attendanceSave,
        { ...actionData(attendance, VERBS.attendanceSave), [`presence-seat-jobcenter-leipzig`]: 'inPerson' },
        inTenant('personal', katrin),
      );
      assert.doesNotMatch(cardText(saved), /Nicht erlaubt|nicht mehr aktuell/);
      assert.equal((await release.store.query(LEGACY, { type: 'attendance' })).length, 1);
    });
  });
}
