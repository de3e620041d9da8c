import assert from 'node:assert/strict';
import type { AppDependencies } from '../../src/app/dependencies';
import type { ConversationDocument } from '../../src/app/documents';
import {
  conversationDocumentId,
  rememberConversation,
  type ConversationSighting,
} from '../../src/app/remember-conversation';
import { fixedClock } from '../../src/domain/clock';
import { committeeIdForTenant } from '../../src/domain/ids';
import { useTempStore, type TempStore } from '../support/temp-store';

const TENANT = '11111111-2222-3333-4444-555555555555';
const personal: ConversationSighting = {
  address: {
    serviceUrl: 'https://smba.example/',
    channelId: 'msteams',
    conversationId: 'a:1personal',
    conversationType: 'personal',
    tenantId: TENANT,
    botId: '28:bot',
    userId: '29:user',
    userAadObjectId: 'AAAAAAAA-0000-0000-0000-000000000001',
    userName: 'Alice',
  },
  locale: 'de-DE',
};

describe('app/remember-conversation', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(() => ({ temp, deps } = fixture));

  it("keeps a person's 1:1 conversation under their object id", async () => {
    await rememberConversation(deps, personal);
    const stored = await temp.store.get<ConversationDocument>(
      committeeIdForTenant(TENANT),
      'personal-aaaaaaaa-0000-0000-0000-000000000001',
    );
    assert.equal(stored?.kind, 'personal');
    assert.equal(stored?.address.conversationId, 'a:1personal');
    assert.equal(stored?.locale, 'de-DE');
  });

  it('writes only when something changed', async () => {
    const first = await rememberConversation(deps, personal);
    const later = { ...deps, clock: fixedClock('2026-11-22T10:00:00Z') };
    const same = await rememberConversation(later, personal);
    assert.equal((same as { _etag?: string })._etag, (first as { _etag?: string })._etag);
    const moved = await rememberConversation(later, {
      ...personal,
      address: { ...personal.address, serviceUrl: 'https://smba2.example/' },
    });
    assert.equal(moved.address.serviceUrl, 'https://smba2.example/');
    assert.equal(moved.updatedAt, '2026-11-22T10:00:00.000Z');
  });

  it('gives channels ids that Cosmos DB accepts, whatever the Teams id holds', () => {
    const id = conversationDocumentId('channel', '19:abc/def?x#y@thread.tacv2');
    assert.match(id, /^conversation-[0-9a-f]{40}$/);
  });
});
