import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';
import assert from 'node:assert/strict';
import type { OutboxRecord } from '../../src/app/delivery/outbox-record';
import { rememberConversation } from '../../src/app/remember-conversation';
import { inviteAsSecretariat } from '../../src/app/sessions/invite-to-session';
import { failureKindOf } from '../../src/domain/delivery/failure-kind';
import { BotFrameworkMessenger } from '../../src/infra/bot-framework-messenger';
import { senderFor } from '../app/delivery/delivery-fixtures';
import { KOG_TEAM } from '../app/sessions/session-fixtures';
import { COMMITTEE, PEOPLE, SessionWorld, TENANT } from '../app/sessions/session-world';
import { cardText } from '../support/bot-harness';
import { ConnectorDouble } from '../support/connector-double';
import { openTempStore, type TempStore } from '../support/temp-store';

/**
 * The first invitation of a committee whose members never opened Gremium, over real HTTP against
 * a connector that answers as Teams does: the sender looks each member up in the committee's team
 * by Entra object id, opens a 1:1 chat where Teams allows it, and tells the secretariat about the
 * rest in words.
 */
describe('infra: reaching members Gremium has not talked to, through a Teams-like connector', function () {
  this.timeout(60_000);
  let temp: TempStore;
  let world: SessionWorld;
  let connector: ConnectorDouble;

  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    connector = await ConnectorDouble.start({
      clock: () => world.clock.now().toMillis(),
      // Teams does not let the bot start a chat with Yusuf (the app is not allowed for him).
      forbiddenMembers: new Set(['29:yusuf']),
    });
    // Gremium was added to the KOG's team: the directory knows its General channel.
    await rememberConversation(world.deps, {
      address: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversationId: KOG_TEAM.id,
        conversationType: 'channel',
        tenantId: TENANT,
        botId: '28:bot',
      },
      teamId: KOG_TEAM.id,
    });
    // The secretariat has talked to Gremium; the members have not. Sabine and Yusuf are in the team, Birgit is not.
    await rememberConversation(world.deps, {
      address: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversationId: ConnectorDouble.personalConversationIdOf('29:katrin'),
        conversationType: 'personal',
        tenantId: TENANT,
        botId: '28:bot',
        userId: '29:katrin',
        userAadObjectId: PEOPLE.katrin,
      },
    });
    connector.addMember(KOG_TEAM.id, { id: '29:sabine', aadObjectId: PEOPLE.sabine, name: 'Sabine Hoffmann' });
    connector.addMember(KOG_TEAM.id, { id: '29:yusuf', aadObjectId: PEOPLE.yusuf, name: 'Yusuf Demir' });
  });
  afterEach(async () => {
    await connector.close();
    await temp.cleanup();
  });

  it('opens a chat with a team member, records why the others failed and tells the secretariat', async () => {
    const invited = await inviteAsSecretariat(
      world.deps,
      await world.actor('katrin'),
      await world.session(),
      NO_QUESTIONS,
    );
    assert.ok(invited.ok);
    const sender = senderFor(world.deps, world.clock, new BotFrameworkMessenger());
    for (let pass = 0; pass < 4; pass += 1) await sender.drainOnce();

    assert.deepEqual(
      connector.memberListReads(),
      [{ conversationId: KOG_TEAM.id }],
      "the team's member list, read once for all three",
    );
    assert.deepEqual(
      connector.createdConversations().map((created) => [created.memberId, created.tenantId]),
      [['29:sabine', TENANT]],
    );
    const sabinesChat = ConnectorDouble.personalConversationIdOf('29:sabine');
    assert.equal(connector.deliveredPerConversation().get(sabinesChat), 1, 'Sabine has her invitation');

    const records = await temp.store.query<OutboxRecord>(COMMITTEE, {
      type: 'outbox',
      where: [{ field: 'dispatchId', op: '=', value: `invite:${(await world.session()).id}` }],
    });
    const kindOf = (personId: string) => {
      const record = records.find(
        (candidate) => candidate.recipient.kind === 'person' && candidate.recipient.aadObjectId === personId,
      );
      return record?.failure ? failureKindOf(record.failure) : record?.status;
    };
    assert.deepEqual(
      [kindOf(PEOPLE.sabine), kindOf(PEOPLE.yusuf), kindOf(PEOPLE.birgit)],
      ['sent', 'notAllowed', 'notInTeam'],
    );

    const toKatrin = connector
      .delivered()
      .filter((delivery) => delivery.conversationId === ConnectorDouble.personalConversationIdOf('29:katrin'));
    assert.equal(toKatrin.length, 1, 'one notice to the secretariat');
    const notice = cardText(toKatrin[0]!.activity.attachments![0]!.content as Record<string, unknown>);
    assert.match(notice, /Nicht zugestellt: Einladung Sitzung 2027\/1 an 3 Mitglieder/);
    assert.match(notice, /Yusuf Demir[^\n]*: Teams lässt Gremium keinen Chat mit dieser Person beginnen/);
    assert.match(
      notice,
      /Birgit Lehmann[^\n]*: Gremium hatte noch keinen Chat mit dieser Person und findet sie nicht im Team/,
    );
  });
});
