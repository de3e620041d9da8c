import assert from 'node:assert/strict';
import type { OutboxDraft, OutboxRecord } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument, ConversationDocument, PersonDocument } from '../../../src/app/documents';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { noticeMessage } from '../../../src/cards/outgoing-messages';
import { failureKindOf } from '../../../src/domain/delivery/failure-kind';
import { COMMITTEE_DOCUMENT_ID, personDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { KOG_TEAM } from '../sessions/session-fixtures';
import { COMMITTEE, PEOPLE, SessionWorld, TENANT, type PersonKey } from '../sessions/session-world';
import { enqueue, senderFor } from './delivery-fixtures';

const SERVICE_URL = 'https://smba.example/emea/';

/** One message to the person, as its own dispatch. */
function draftTo(dispatchId: string, key: PersonKey): OutboxDraft[] {
  return [
    {
      key: `${dispatchId}:${PEOPLE[key]}`,
      recipient: { kind: 'person', aadObjectId: PEOPLE[key] },
      recipientLabel: key,
      message: noticeMessage({ tone: 'default', title: 'welcome.title', text: 'welcome.text' }),
    },
  ];
}

for (const engine of ENGINES) {
  describe(`app/delivery/reach-person: reaching people Gremium has not talked to, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let close: () => Promise<void>;
    let world: SessionWorld;
    let messenger: FakeMessenger;

    beforeEach(async () => {
      ({ store, close } = await engine.open());
      world = await SessionWorld.create(store);
      messenger = new FakeMessenger(world.clock);
    });
    afterEach(async () => close());

    /** Gremium is installed in the KOG's team: the directory knows a channel of it. */
    const installInTeam = () =>
      rememberConversation(world.deps, {
        address: {
          serviceUrl: SERVICE_URL,
          channelId: 'msteams',
          conversationId: '19:general@thread.tacv2',
          conversationType: 'channel',
          tenantId: TENANT,
          botId: '28:bot',
        },
        teamId: KOG_TEAM.id,
        teamName: 'KOG',
      });
    const now = () => world.clock.now().toUTC().toISO()!;
    const send = async (dispatchId: string, key: PersonKey): Promise<OutboxRecord> => {
      await enqueue(store, dispatchId, draftTo(dispatchId, key), now());
      await senderFor(world.deps, world.clock, messenger).drainOnce();
      const [record] = await store.query<OutboxRecord>(COMMITTEE, {
        type: 'outbox',
        where: [{ field: 'dispatchId', op: '=', value: dispatchId }],
      });
      assert.ok(record);
      return record;
    };

    it('finds a member in the committee’s team, opens a 1:1 chat there, remembers it and reuses it', async () => {
      await installInTeam();
      messenger.addMember(KOG_TEAM.id, PEOPLE.sabine, '29:sabine-in-teams');
      const first = await send('invite:1', 'sabine');
      assert.equal(first.status, 'sent');
      assert.deepEqual(messenger.lookUps, [KOG_TEAM.id], "the team's member list, read once");
      assert.deepEqual(
        messenger.opened.map(({ serviceUrl, tenantId, botId, userId }) => ({ serviceUrl, tenantId, botId, userId })),
        [{ serviceUrl: SERVICE_URL, tenantId: TENANT, botId: '28:bot', userId: '29:sabine-in-teams' }],
      );
      assert.equal(messenger.sendsTo('a:opened-29:sabine-in-teams'), 1);
      const remembered = await store.get<ConversationDocument>(tenantDirectoryId(TENANT), `personal-${PEOPLE.sabine}`);
      assert.equal(remembered?.address.conversationId, 'a:opened-29:sabine-in-teams');
      assert.equal((await send('invite:2', 'sabine')).status, 'sent');
      assert.equal(messenger.lookUps.length, 1, 'the remembered chat is used, no second look-up');
      assert.equal(messenger.opened.length, 1, 'and no second opening');
      assert.equal(messenger.sendsTo('a:opened-29:sabine-in-teams'), 2);
    });

    it('uses the contact the roster keeps from the last member import without looking anyone up', async () => {
      const person = await store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.yusuf));
      await store.replace<PersonDocument>(
        {
          ...person!,
          contact: {
            serviceUrl: SERVICE_URL,
            tenantId: TENANT,
            botId: '28:bot',
            userId: '29:yusuf',
            userAadObjectId: PEOPLE.yusuf,
          },
        },
        person!._etag,
      );
      assert.equal((await send('invite:1', 'yusuf')).status, 'sent');
      assert.equal(messenger.lookUps.length, 0);
      assert.equal(messenger.sendsTo('a:opened-29:yusuf'), 1);
    });

    it('also looks in the working group’s channel when it lies in another team', async () => {
      await installInTeam();
      const channel = await rememberConversation(world.deps, {
        address: {
          serviceUrl: SERVICE_URL,
          channelId: 'msteams',
          conversationId: '19:ag@thread.tacv2',
          conversationType: 'channel',
          tenantId: TENANT,
          botId: '28:bot',
        },
        teamId: '19:other-team@thread.tacv2',
      });
      const committee = await store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
      await store.replace<CommitteeDocument>(
        { ...committee!, workingGroupConversationId: channel.id },
        committee!._etag,
      );
      messenger.addMember('19:other-team@thread.tacv2', PEOPLE.lena, '29:lena');
      assert.equal((await send('call:1', 'lena')).status, 'sent');
      assert.deepEqual(messenger.lookUps, [KOG_TEAM.id, '19:other-team@thread.tacv2']);
    });

    it('says a person is not in the committee’s team, or that Gremium is in no team of it', async () => {
      const nowhere = await send('invite:1', 'sabine');
      assert.deepEqual(
        [nowhere.status, nowhere.failure?.reason, nowhere.failure?.lookedInHome],
        ['failed', 'noConversation', false],
      );
      assert.equal(failureKindOf(nowhere.failure!), 'noTeam');
      await installInTeam();
      world.clock.advance(61_000);
      const notInTeam = await send('invite:2', 'sabine');
      assert.deepEqual([notInTeam.status, notInTeam.failure?.lookedInHome], ['failed', true]);
      assert.equal(failureKindOf(notInTeam.failure!), 'notInTeam');
      assert.equal(messenger.opened.length, 0);
    });

    it('reads a team Gremium was removed from (403 on the look-up) as no place to look in', async () => {
      await installInTeam();
      messenger.lookUpScript.set(KOG_TEAM.id, [{ ok: false, status: 403, detail: 'the connector answered 403' }]);
      const record = await send('invite:1', 'sabine');
      assert.deepEqual([record.status, record.failure?.lookedInHome], ['failed', false]);
    });

    it('records a refused opening as Teams not letting Gremium start a chat, and never retries it', async () => {
      await installInTeam();
      messenger.addMember(KOG_TEAM.id, PEOPLE.sabine, '29:sabine');
      messenger.openScript.set('29:sabine', [
        {
          ok: false,
          status: 403,
          detail: 'the connector answered 403 ForbiddenOperationException',
          code: 'ForbiddenOperationException',
        },
      ]);
      const record = await send('invite:1', 'sabine');
      assert.deepEqual(
        [record.status, record.failure?.reason, record.failure?.step, record.failure?.code],
        ['failed', 'permanent', 'open', 'ForbiddenOperationException'],
      );
      assert.equal(failureKindOf(record.failure!), 'notAllowed');
      world.clock.advance(3_600_000);
      await senderFor(world.deps, world.clock, messenger).drainOnce();
      assert.equal(messenger.opened.length, 1);
    });

    it('tries again later when the look-up meets a busy connector', async () => {
      await installInTeam();
      messenger.addMember(KOG_TEAM.id, PEOPLE.sabine, '29:sabine');
      messenger.lookUpScript.set(KOG_TEAM.id, [{ ok: false, status: 503, detail: 'the connector answered 503' }]);
      const record = await send('invite:1', 'sabine');
      assert.equal(record.status, 'pending');
      world.clock.advance(60_000);
      await senderFor(world.deps, world.clock, messenger).drainOnce();
      assert.equal(messenger.sendsTo('a:opened-29:sabine'), 1);
    });
  });
}
