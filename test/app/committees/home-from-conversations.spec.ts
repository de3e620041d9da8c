import assert from 'node:assert/strict';
import { homeFromConversations } from '../../../src/app/committees/upgrade-legacy-committee';
import type { ConversationDocument, ConversationKind } from '../../../src/app/documents';

/** A stored conversation reference as the release kept it. */
function conversation(kind: ConversationKind, conversationId: string, team?: string): ConversationDocument {
  return {
    id: `conversation-${conversationId}`,
    committeeId: 'tenant-t',
    type: 'conversation',
    kind,
    title: team ? `${team} › Kanal` : 'Chat',
    ...(team ? { teamId: `19:${team}@thread.tacv2`, teamName: team } : {}),
    address: {
      serviceUrl: 'https://smba.example/',
      channelId: 'msteams',
      conversationId,
      conversationType: kind,
      tenantId: 't',
      botId: 'b',
    },
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('app/committees: the home of a committee of before homes, from its conversations', () => {
  const kog = conversation('channel', '19:kog@thread.tacv2', 'kog');
  const kogGroup = conversation('channel', '19:kog-ag@thread.tacv2', 'kog');
  const other = conversation('channel', '19:kantine@thread.tacv2', 'kantine');
  const chat = conversation('groupChat', '19:chat@thread.v2');
  const personal = conversation('personal', 'a:katrin');

  it("takes the team of the working group's channel, whatever else the bot was installed in", () => {
    assert.deepEqual(homeFromConversations({ workingGroupConversationId: kogGroup.id }, [other, chat, kog, kogGroup]), {
      kind: 'team',
      id: '19:kog@thread.tacv2',
      title: 'kog',
    });
  });

  it('takes the one team the bot was installed in, or else the one group chat', () => {
    assert.equal(homeFromConversations({}, [kog, kogGroup, chat, personal])?.id, '19:kog@thread.tacv2');
    assert.deepEqual(homeFromConversations({}, [chat, personal]), {
      kind: 'groupChat',
      id: '19:chat@thread.v2',
      title: 'Chat',
    });
  });

  it('guesses nothing where several teams or several chats leave a choice', () => {
    assert.equal(homeFromConversations({}, [kog, other]), undefined);
    assert.equal(homeFromConversations({ workingGroupConversationId: chat.id }, [kog, other, chat]), undefined);
    assert.equal(
      homeFromConversations({}, [chat, { ...chat, id: 'c2', address: { ...chat.address, conversationId: 'x' } }]),
      undefined,
    );
    assert.equal(homeFromConversations({}, [personal]), undefined);
  });
});
