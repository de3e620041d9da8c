import assert from 'node:assert/strict';
import { tenantDirectoryId } from '../../../src/domain/ids';
import type { AppDependencies } from '../../../src/app/dependencies';
import { enqueueOperation, pendingRecord, type OutboxRecord } from '../../../src/app/delivery/outbox-record';
import { EmbeddedStore } from '../../../src/infra/embedded-store';
import { ConflictError } from '../../../src/app/ports/store-errors';
import type { BatchOperation, DocumentStore } from '../../../src/app/ports/document-store';
import { FakeMessenger } from '../../support/fake-messenger';
import { recordingStore } from '../../support/recording-store';
import { UNCLAIMED } from '../../../src/app/leases';
import { ManualClock } from '../../support/manual-clock';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { chooseLanguage } from '../../../src/app/preferences/language-preference';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { noticeMessage } from '../../../src/cards/outgoing-messages';
import type { OutboxDraft } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument, ConversationDocument } from '../../../src/app/documents';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { setUpCommittee } from '../sessions/session-fixtures';
import { ABOUT, COMMITTEE, enqueue, knownPeople, noticeDrafts, personId, senderFor, TENANT } from './delivery-fixtures';

describe('app/delivery/outbox-sender', () => {
  let temp: TempStore;
  let clock: ManualClock;
  let deps: AppDependencies;
  let messenger: FakeMessenger;

  beforeEach(async () => {
    temp = await openTempStore();
    clock = new ManualClock('2026-11-21T10:00:00Z');
    deps = { store: temp.store, clock };
    messenger = new FakeMessenger(clock);
  });
  afterEach(async () => temp.cleanup());

  const records = () =>
    temp.store.query<OutboxRecord>(COMMITTEE, { type: 'outbox', orderBy: { field: 'recipientLabel' } });

  it('sends one message per recipient, in the language of their conversation, and keeps the activity id', async () => {
    await knownPeople(deps, 2, 'https://smba.example/', 'de-DE');
    await knownPeople(deps, 1, 'https://smba.example/', 'en-GB');
    await enqueue(temp.store, 'welcome:1', noticeDrafts('welcome:1', 2), clock.now().toISO()!);
    const result = await senderFor(deps, clock, messenger).drainOnce();
    assert.deepEqual(result, { expanded: 1, sent: 2, retried: 0, failed: 0, skipped: 0, finished: 1 });
    const stored = await records();
    assert.deepEqual(
      stored.map((record) => record.status),
      ['sent', 'sent'],
    );
    assert.ok(stored.every((record) => record.activityId?.startsWith('activity-')));
    const textTo = (conversationId: string) =>
      JSON.stringify(messenger.sends.find((send) => send.conversationId === conversationId)?.message);
    assert.match(textTo('a:person-0'), /Welcome to Gremium/, 'person 0 last wrote in English');
    assert.match(textTo('a:person-1'), /Willkommen bei Gremium/);
  });

  /** The working group's channel, as the bot remembers it; an older version kept its last writer's locale. */
  const agChannel = () =>
    rememberConversation(deps, {
      address: {
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversationId: '19:ag@thread.tacv2',
        conversationType: 'channel',
        tenantId: TENANT,
        botId: '28:bot',
      },
      locale: 'en-US',
    });
  const welcomeTo = (channelId: string): OutboxDraft => ({
    key: 'welcome:1:channel',
    recipient: { kind: 'conversation', conversationDocumentId: channelId },
    recipientLabel: 'AG',
    message: noticeMessage({ tone: 'default', title: 'welcome.title', text: 'welcome.text' }),
  });
  const textTo = (conversationId: string) =>
    JSON.stringify(messenger.sends.find((send) => send.conversationId === conversationId)?.message);

  it('writes to a person in the language they chose, over the one their Teams reports, and to a channel in its committee’s', async () => {
    await setUpCommittee(deps, TENANT);
    await knownPeople(deps, 2, 'https://smba.example/', 'de-DE');
    await chooseLanguage(deps, { tenantId: TENANT, aadObjectId: personId(0) }, 'en');
    await chooseLanguage(deps, { tenantId: TENANT, aadObjectId: personId(1) }, 'de');
    const channel = await agChannel();
    await enqueue(
      temp.store,
      'welcome:1',
      [...noticeDrafts('welcome:1', 2), welcomeTo(channel.id)],
      clock.now().toISO()!,
    );
    assert.equal((await senderFor(deps, clock, messenger).drainOnce()).sent, 3);
    assert.match(textTo('a:person-0'), /Welcome to Gremium/, 'she chose English, though her Teams is German');
    assert.match(textTo('a:person-1'), /Willkommen bei Gremium/);
    assert.match(textTo('19:ag@thread.tacv2'), /Willkommen bei Gremium/, "the committee's language, no one person's");
  });

  it('writes to a channel of an English committee in English, and to a person it knows nothing of in it, which their chat then keeps', async () => {
    await setUpCommittee(deps, TENANT);
    const committee = (await temp.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
    const { _etag: etag, ...rest } = committee;
    await temp.store.replace<CommitteeDocument>({ ...rest, language: 'en' }, etag);
    await knownPeople(deps, 1, 'https://smba.example/', '');
    const channel = await agChannel();
    await enqueue(
      temp.store,
      'welcome:1',
      [...noticeDrafts('welcome:1', 1), welcomeTo(channel.id)],
      clock.now().toISO()!,
    );
    assert.equal((await senderFor(deps, clock, messenger).drainOnce()).sent, 2);
    assert.match(textTo('19:ag@thread.tacv2'), /Welcome to Gremium/);
    assert.match(textTo('a:person-0'), /Welcome to Gremium/, 'no choice, no Teams language known: the committee’s');
    const chat = await temp.store.get<ConversationDocument>(tenantDirectoryId(TENANT), 'personal-' + personId(0));
    assert.equal(chat?.spokenLanguage, 'en', 'kept, so that her chat stays in English when her Teams says German');
  });

  it('fails the pass, never the process, when the store does not answer as a sent message is settled', async () => {
    await knownPeople(deps, 1);
    await enqueue(temp.store, 'welcome:1', noticeDrafts('welcome:1', 1), clock.now().toISO()!);
    let storeDown = true;
    const settlesSent = (document: unknown) =>
      storeDown && (document as OutboxRecord).type === 'outbox' && (document as OutboxRecord).status === 'sent';
    const hangUp = () => Promise.reject(new Error('Batch request error: socket hang up'));
    const flaky: DocumentStore = new Proxy(temp.store, {
      get(target, property) {
        if (property === 'batch')
          return (committeeId: string, operations: readonly BatchOperation[]) =>
            operations.some((operation) => 'document' in operation && settlesSent(operation.document))
              ? hangUp()
              : target.batch(committeeId, operations);
        if (property === 'replace')
          return (document: OutboxRecord, ifMatch: string) =>
            settlesSent(document) ? hangUp() : target.replace(document, ifMatch);
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const unhandled: unknown[] = [];
    const noteUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', noteUnhandled);
    try {
      await assert.rejects(senderFor({ store: flaky, clock }, clock, messenger).drainOnce(), /socket hang up/);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, [], 'a rejection nobody handles would end the process');
    } finally {
      process.off('unhandledRejection', noteUnhandled);
    }
    storeDown = false;
    clock.advance(60 * 60_000);
    await senderFor(deps, clock, messenger).drainOnce();
    assert.deepEqual(
      (await records()).map((record) => record.status),
      ['sent'],
      'taken up again once its lease ran out',
    );
  });

  it('creates one record per key, however often a dispatch is written', async () => {
    await knownPeople(deps, 3);
    const drafts = noticeDrafts('welcome:1', 3);
    await enqueue(temp.store, 'welcome:1', drafts, clock.now().toISO()!);
    await assert.rejects(
      temp.store.batch(COMMITTEE, [enqueueOperation(COMMITTEE, 'welcome:1', drafts, clock.now().toISO()!, ABOUT)]),
      ConflictError,
    );
    await enqueue(temp.store, 'welcome:again', [...noticeDrafts('welcome:1', 3)], clock.now().toISO()!);
    await senderFor(deps, clock, messenger).drainOnce();
    await senderFor(deps, clock, messenger).drainOnce();
    assert.equal((await records()).length, 3);
    assert.equal(messenger.sends.length, 3);
  });

  it('retries a passing failure later, with backoff, and then delivers', async () => {
    await knownPeople(deps, 1);
    messenger.script.set('a:person-0', [{ ok: false, status: 503, detail: 'busy' }]);
    await enqueue(temp.store, 'd', noticeDrafts('d', 1), clock.now().toISO()!);
    const sender = senderFor(deps, clock, messenger);
    assert.equal((await sender.drainOnce()).retried, 1);
    assert.equal((await records())[0]!.nextAttemptAt, '2026-11-21T10:00:00.075Z', 'the first retry within 100 ms');
    assert.equal(sender.msUntilNextRetry(), 75, 'the drain loop is told when to look again');
    assert.equal((await sender.drainOnce()).sent, 0, 'not due again yet');
    clock.advance(75);
    assert.equal(sender.msUntilNextRetry(), 0);
    assert.equal((await sender.drainOnce()).sent, 1);
    assert.equal(sender.msUntilNextRetry(), undefined, 'nothing more to retry');
    const [record] = await records();
    assert.equal(record!.status, 'sent');
    assert.equal(record!.attempts, 2);
    assert.equal(record!.lastFailure?.status, 503);
  });

  it('doubles the delay with each further failure', async () => {
    await knownPeople(deps, 1);
    const busy = { ok: false as const, status: 503, detail: 'busy' };
    messenger.script.set('a:person-0', [busy, busy, busy]);
    await enqueue(temp.store, 'd', noticeDrafts('d', 1), clock.now().toISO()!);
    const sender = senderFor(deps, clock, messenger);
    const delays: number[] = [];
    for (let pass = 0; pass < 4; pass += 1) {
      const before = clock.now().toMillis();
      await sender.drainOnce();
      const [record] = await records();
      if (record!.status !== 'pending') break;
      delays.push(Date.parse(record!.nextAttemptAt) - before);
      clock.advance(sender.msUntilNextRetry()!);
    }
    assert.deepEqual(delays, [75, 150, 300]);
    assert.equal((await records())[0]!.status, 'sent');
  });

  it("waits at least the connector's Retry-After after a 429", async () => {
    await knownPeople(deps, 1);
    messenger.script.set('a:person-0', [{ ok: false, status: 429, retryAfterMs: 5000, detail: 'throttled' }]);
    await enqueue(temp.store, 'd', noticeDrafts('d', 1), clock.now().toISO()!);
    await senderFor(deps, clock, messenger).drainOnce();
    const [record] = await records();
    assert.equal(record!.nextAttemptAt, '2026-11-21T10:00:05.000Z');
  });

  it('marks 403 and 404 failed with the reason and never sends them again', async () => {
    await knownPeople(deps, 2);
    messenger.script.set('a:person-0', [{ ok: false, status: 403, detail: 'blocked' }]);
    messenger.script.set('a:person-1', [{ ok: false, status: 404, detail: 'gone' }]);
    await enqueue(temp.store, 'd', noticeDrafts('d', 2), clock.now().toISO()!);
    const sender = senderFor(deps, clock, messenger);
    assert.equal((await sender.drainOnce()).failed, 2);
    clock.advance(24 * 3600_000);
    await sender.drainOnce();
    assert.equal(messenger.sends.length, 2);
    assert.deepEqual(
      (await records()).map((record) => [record.status, record.failure?.reason, record.failure?.status]),
      [
        ['failed', 'permanent', 403],
        ['failed', 'permanent', 404],
      ],
    );
  });

  it('gives up after the last attempt and says so', async () => {
    await knownPeople(deps, 1);
    messenger.script.set(
      'a:person-0',
      Array.from({ length: 20 }, () => ({ ok: false as const, status: 502, detail: 'bad gateway' })),
    );
    await enqueue(temp.store, 'd', noticeDrafts('d', 1), clock.now().toISO()!);
    const sender = senderFor(deps, clock, messenger);
    for (let pass = 0; pass < 20; pass += 1) {
      await sender.drainOnce();
      clock.advance(10 * 60_000);
    }
    assert.equal(messenger.sends.length, 12);
    const [record] = await records();
    assert.equal(record!.status, 'failed');
    assert.equal(record!.failure?.reason, 'attemptsExhausted');
  });

  it('reports a recipient without any known conversation instead of dropping the message', async () => {
    await enqueue(temp.store, 'd', noticeDrafts('d', 1), clock.now().toISO()!);
    await senderFor(deps, clock, messenger).drainOnce();
    const [record] = await records();
    assert.equal(record!.status, 'failed');
    assert.equal(record!.failure?.reason, 'noConversation');
  });

  it('opens the 1:1 conversation from the team membership when none is stored, and remembers it', async () => {
    const drafts = noticeDrafts('d', 1).map((draft) => ({
      ...draft,
      recipient: {
        kind: 'person' as const,
        aadObjectId: personId(0),
        teamMember: {
          serviceUrl: 'https://smba.example/',
          tenantId: TENANT,
          botId: '28:bot',
          userId: '29:person-0',
          userAadObjectId: personId(0),
        },
      },
    }));
    await enqueue(temp.store, 'd', drafts, clock.now().toISO()!);
    await senderFor(deps, clock, messenger).drainOnce();
    assert.equal(messenger.opened.length, 1);
    assert.equal(messenger.sendsTo('a:opened-29:person-0'), 1);
    assert.ok(
      await temp.store.get(tenantDirectoryId(TENANT), `personal-${personId(0)}`),
      'the opened conversation is remembered in the tenant directory',
    );
  });

  /** Twenty messages queued for one person's chat, so that only the conversation's limits pace them. */
  async function twentyMessagesToOnePerson(): Promise<void> {
    await knownPeople(deps, 1);
    const drafts = Array.from({ length: 20 }, (_, index) => ({
      ...noticeDrafts('d', 1)[0]!,
      key: `d:${index}`,
      recipientLabel: `N ${index}`,
    }));
    await enqueue(temp.store, 'd', drafts, clock.now().toISO()!);
  }

  it("paces a busy conversation within Teams' 7 per second", async () => {
    await twentyMessagesToOnePerson();
    await senderFor(deps, clock, messenger).drainOnce();
    const times = messenger.sends.map((send) => send.at);
    assert.equal(times.length, 20);
    for (const start of times) assert.ok(times.filter((time) => time >= start && time < start + 1000).length <= 7);
  });

  it("paces a busy conversation within Teams' 7 per second with many sends in flight", async () => {
    await twentyMessagesToOnePerson();
    await senderFor(deps, clock, messenger, 'instance-a', { maxInFlight: 50 }).drainOnce();
    const times = messenger.sends.map((send) => send.at);
    assert.equal(times.length, 20);
    const inWindow = (windowMs: number) =>
      Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
    assert.equal(inWindow(1000), 7);
    assert.ok(inWindow(2000) <= 8, `at most 8 in 2 s: ${inWindow(2000)}`);
    assert.deepEqual(times.slice(0, 7), Array(7).fill(times[0]), 'seven at once, the eighth later');
    assert.ok(times[7]! >= times[0]! + 1000);
  });

  it('sends the app’s whole budget at once and the next burst a window after the answers', async () => {
    await knownPeople(deps, 120);
    await enqueue(temp.store, 'd', noticeDrafts('d', 120), clock.now().toISO()!);
    const sender = senderFor(deps, clock, messenger, 'instance-a', { maxInFlight: 50 });
    const start = clock.now().toMillis();
    for (let pass = 0; pass < 5; pass += 1) await sender.drainOnce();
    const offsets = messenger.sends.map((send) => send.at - start);
    assert.equal(offsets.length, 120);
    const inWindow = Math.max(
      ...offsets.map((first) => offsets.filter((time) => time >= first && time < first + 1000).length),
    );
    assert.equal(inWindow, 50, 'never more than 50 in any second, and the budget is used');
    assert.deepEqual(
      [offsets[0], offsets[49], offsets[50], offsets[99], offsets[100], offsets[119]],
      [0, 0, 1000, 1000, 2000, 2000],
      'bursts, not one send every 20 ms',
    );
    for (let index = 0; index < 120; index += 1) assert.equal(messenger.sendsTo(`a:person-${index}`), 1);
  });

  it('lets two senders share the outbox without sending anything twice', async () => {
    await knownPeople(deps, 30);
    await enqueue(temp.store, 'd', noticeDrafts('d', 30), clock.now().toISO()!);
    const otherStore = await EmbeddedStore.open({ dataDir: temp.dataDir });
    const results = await Promise.all([
      senderFor(deps, clock, messenger, 'instance-a').drainOnce(),
      senderFor({ ...deps, store: otherStore }, clock, messenger, 'instance-b').drainOnce(),
    ]);
    assert.equal(results[0].sent + results[1].sent, 30);
    for (let index = 0; index < 30; index += 1) assert.equal(messenger.sendsTo(`a:person-${index}`), 1);
    await otherStore.close();
  });

  it('claims the records of a pass and settles the answers of one turn in a few batches, not a write each', async () => {
    await knownPeople(deps, 30);
    await enqueue(temp.store, 'd', noticeDrafts('d', 30), clock.now().toISO()!);
    const { store, calls } = recordingStore(temp.store);
    const result = await senderFor({ ...deps, store }, clock, messenger, 'instance-a', { maxInFlight: 50 }).drainOnce();
    assert.equal(result.sent, 30);
    const outboxWrites = calls.filter((call) => ['create', 'replace', 'upsert', 'batch'].includes(call.operation));
    assert.ok(outboxWrites.length <= 6, `writes: ${JSON.stringify(outboxWrites.map((call) => call.operation))}`);
    assert.deepEqual(
      (await records()).map((record) => [record.status, record.leaseUntil]),
      Array.from({ length: 30 }, () => ['sent', UNCLAIMED]),
    );
  });

  it('lets two senders with many sends in flight share the outbox without sending anything twice', async () => {
    await knownPeople(deps, 120);
    await enqueue(temp.store, 'd', noticeDrafts('d', 120), clock.now().toISO()!);
    const otherStore = await EmbeddedStore.open({ dataDir: temp.dataDir });
    const a = senderFor(deps, clock, messenger, 'instance-a', { maxInFlight: 50 });
    const b = senderFor({ ...deps, store: otherStore }, clock, messenger, 'instance-b', { maxInFlight: 50 });
    for (let pass = 0; pass < 6; pass += 1) await Promise.all([a.drainOnce(), b.drainOnce()]);
    for (let index = 0; index < 120; index += 1) assert.equal(messenger.sendsTo(`a:person-${index}`), 1);
    assert.ok((await records()).every((record) => record.status === 'sent'));
    await otherStore.close();
  });

  it('starts no further record once stopping, and leaves none of them claimed', async () => {
    await knownPeople(deps, 3);
    await enqueue(temp.store, 'd', noticeDrafts('d', 3), clock.now().toISO()!);
    const stopping = new AbortController();
    const stopOnFirstSend: typeof messenger = Object.assign(Object.create(messenger) as FakeMessenger, {
      send: (...args: Parameters<FakeMessenger['send']>) => {
        stopping.abort();
        return messenger.send(...args);
      },
    });
    const result = await senderFor(deps, clock, stopOnFirstSend, 'instance-a', { maxInFlight: 2 }).drainOnce(
      stopping.signal,
    );
    assert.equal(result.sent, 2, 'the sends under way are settled');
    const left = (await records()).filter((record) => record.status === 'pending');
    assert.equal(left.length, 1);
    assert.equal(left[0]!.leaseUntil, UNCLAIMED, 'another instance may take it at once');
    assert.equal((await senderFor(deps, clock, messenger, 'instance-b').drainOnce()).sent, 1);
  });

  it("takes over a crashed sender's record once its lease has expired", async () => {
    await knownPeople(deps, 1);
    const [draft] = noticeDrafts('d', 1);
    // A sender claimed this record and died before settling it.
    await temp.store.create<OutboxRecord>({
      ...pendingRecord(COMMITTEE, 'd', draft!, clock.now().toISO()!),
      leaseOwner: 'crashed',
      leaseUntil: '2026-11-21T10:01:00.000Z',
    });
    const survivor = senderFor(deps, clock, messenger, 'survivor');
    assert.equal((await survivor.drainOnce()).sent, 0, 'the lease still holds');
    clock.advance(60_001);
    assert.equal((await survivor.drainOnce()).sent, 1);
    assert.equal(messenger.sendsTo('a:person-0'), 1);
  });
});
