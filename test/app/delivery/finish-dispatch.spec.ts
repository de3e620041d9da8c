import assert from 'node:assert/strict';
import { retryFailedDeliveries } from '../../../src/app/delivery/delivery-report';
import { failureNoticeDispatchId } from '../../../src/app/delivery/finish-dispatch';
import {
  dispatchDocumentId,
  pendingRecord,
  type DispatchAbout,
  type DispatchDocument,
  type OutboxDraft,
  type OutboxRecord,
} from '../../../src/app/delivery/outbox-record';
import type { Logger } from '../../../src/app/ports/logger';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { noticeMessage } from '../../../src/cards/outgoing-messages';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { cardText } from '../../support/bot-harness';
import { COMMITTEE, PEOPLE, SessionWorld, TENANT, type PersonKey } from '../sessions/session-world';
import { enqueue, senderFor } from './delivery-fixtures';

const INVITATION: DispatchAbout = { kind: 'invitation', audience: 'members', sessionNumber: '2027/1' };
const NAMES: Partial<Record<PersonKey, string>> = {
  sabine: 'Sabine Hoffmann (Jobcenter Leipzig)',
  birgit: 'Birgit Lehmann (Agentur für Arbeit Leipzig)',
  yusuf: 'Yusuf Demir (IHK zu Leipzig)',
};

/** A message to each of these people, as one dispatch. */
function draftsTo(dispatchId: string, people: readonly PersonKey[]): OutboxDraft[] {
  return people.map((key) => ({
    key: `${dispatchId}:${PEOPLE[key]}`,
    recipient: { kind: 'person' as const, aadObjectId: PEOPLE[key] },
    recipientLabel: NAMES[key] ?? key,
    message: noticeMessage({ tone: 'default', title: 'welcome.title', text: 'welcome.text' }),
  }));
}

/** A logger that keeps every warning, to show what a line says and that it names nobody. */
function recordingLogger(): Logger & { warnings: Array<{ fields: object; message?: string }> } {
  const warnings: Array<{ fields: object; message?: string }> = [];
  const ignore = () => undefined;
  return {
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (fields, message) => warnings.push({ fields, message }),
    warnings,
  };
}

for (const engine of ENGINES) {
  describe(`app/delivery/finish-dispatch: the secretariat hears once of what did not arrive, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let close: () => Promise<void>;
    let world: SessionWorld;
    let messenger: FakeMessenger;

    beforeEach(async () => {
      ({ store, close } = await engine.open());
      world = await SessionWorld.create(store);
      messenger = new FakeMessenger(world.clock);
      // Katrin (the secretariat) and Birgit have talked to Gremium; Sabine and Yusuf never did.
      for (const key of ['katrin', 'birgit'] as const)
        await rememberConversation(world.deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: `a:${key}`,
            conversationType: 'personal',
            tenantId: TENANT,
            botId: '28:bot',
            userId: `29:${key}`,
            userAadObjectId: PEOPLE[key],
          },
        });
    });
    afterEach(async () => close());

    const sender = (instance = 'instance-a', logger?: Logger) =>
      senderFor(world.deps, world.clock, messenger, instance, {}, logger);
    const notices = () =>
      store.query<DispatchDocument>(COMMITTEE, {
        type: 'dispatch',
        where: [{ field: 'about.kind', op: '=', value: 'deliveryFailures' }],
      });
    const noticeTexts = () =>
      messenger.sends
        .filter((send) => send.conversationId === 'a:katrin')
        .map((send) => cardText(send.message.attachments![0]!.content as Record<string, unknown>));
    const now = () => world.clock.now().toUTC().toISO()!;

    it('tells each person of the secretariat 1:1 who was not reached, why and what to do, and logs ids only', async () => {
      const logger = recordingLogger();
      await enqueue(
        store,
        'invite:session-2027-1',
        draftsTo('invite:session-2027-1', ['sabine', 'birgit', 'yusuf']),
        now(),
        INVITATION,
      );
      await sender('instance-a', logger).drainOnce();
      await sender('instance-a', logger).drainOnce();
      const [notice] = await notices();
      assert.equal(notice?.dispatchId, failureNoticeDispatchId('invite:session-2027-1', 0));
      const [text, ...more] = noticeTexts();
      assert.equal(more.length, 0, 'one notice');
      assert.match(text!, /Nicht zugestellt: Einladung Sitzung 2027\/1 an 3 Mitglieder/);
      assert.match(text!, /2 Nachrichten sind nicht angekommen, 1 wurde zugestellt/);
      // Names are escaped for the card's Markdown: a parenthesis arrives with a backslash before it.
      assert.match(
        text!,
        /Sabine Hoffmann \\\(Jobcenter Leipzig\\\), Yusuf Demir \\\(IHK zu Leipzig\\\): Gremium hatte noch keinen Chat/,
      );
      assert.match(
        text!,
        /Bitten Sie sie, Gremium in Teams einmal zu öffnen, oder fügen Sie Gremium dem Team des Gremiums hinzu/,
      );
      assert.match(text!, /Zustellung ansehen/);
      const dispatch = await store.get<DispatchDocument>(COMMITTEE, dispatchDocumentId('invite:session-2027-1'));
      assert.equal(dispatch?.status, 'finished');
      assert.equal(logger.warnings.length, 1);
      const line = JSON.stringify(logger.warnings[0]);
      assert.match(line, /"failed":2/);
      assert.match(line, /"kind":"invitation"/);
      assert.doesNotMatch(
        line,
        /Sabine|Yusuf|Hoffmann|bbbbbbbb|eeeeeeee|invite:session/,
        'ids and counts only, no names',
      );
    });

    it('sends the notice once, however often and however many senders run, and after a restart', async () => {
      await enqueue(
        store,
        'invite:session-2027-1',
        draftsTo('invite:session-2027-1', ['sabine', 'birgit']),
        now(),
        INVITATION,
      );
      await Promise.all([sender('a').drainOnce(), sender('b').drainOnce(), sender('c').drainOnce()]);
      for (let pass = 0; pass < 3; pass += 1) {
        world.clock.advance(11 * 60_000);
        await Promise.all([sender('a').drainOnce(), sender('b').drainOnce()]);
        await sender(`restarted-${pass}`).drainOnce();
      }
      assert.equal((await notices()).length, 1);
      assert.equal(noticeTexts().length, 1);
    });

    it('closes a dispatch a stopped sender left open on the next start, and tells of it once', async () => {
      // The sender settled both records and stopped before it closed the dispatch.
      const drafts = draftsTo('invite:session-2027-1', ['sabine', 'birgit']);
      await enqueue(store, 'invite:session-2027-1', drafts, now(), INVITATION);
      const expanded = await store.get<DispatchDocument>(COMMITTEE, dispatchDocumentId('invite:session-2027-1'));
      await store.replace<DispatchDocument>({ ...expanded!, status: 'expanded' }, expanded!._etag);
      await store.create<OutboxRecord>({
        ...pendingRecord(COMMITTEE, 'invite:session-2027-1', drafts[0]!, now()),
        status: 'failed',
        failure: { reason: 'noConversation', status: null, detail: 'none', at: now(), lookedInHome: true },
      });
      await store.create<OutboxRecord>({
        ...pendingRecord(COMMITTEE, 'invite:session-2027-1', drafts[1]!, now()),
        status: 'sent',
        sentAt: now(),
      });
      const restarted = sender('restarted');
      assert.equal((await restarted.drainOnce()).finished, 1);
      await restarted.drainOnce();
      assert.equal(noticeTexts().length, 1);
      assert.match(noticeTexts()[0]!, /Sabine Hoffmann/);
    });

    it('closes a dispatch that reached everyone without a notice', async () => {
      await enqueue(store, 'invite:session-2027-1', draftsTo('invite:session-2027-1', ['birgit']), now(), INVITATION);
      const result = await sender().drainOnce();
      assert.deepEqual([result.sent, result.finished], [1, 1]);
      assert.equal((await notices()).length, 0);
      assert.equal(noticeTexts().length, 0);
    });

    it('closes a dispatch written before dispatches said what they were without a notice', async () => {
      await enqueue(store, 'invite:old', draftsTo('invite:old', ['sabine']), now(), INVITATION);
      const stored = await store.get<DispatchDocument>(COMMITTEE, dispatchDocumentId('invite:old'));
      const { about: _about, ...old } = stored!;
      await store.replace<DispatchDocument>(old, stored!._etag);
      await sender().drainOnce();
      assert.equal((await notices()).length, 0);
      assert.equal(
        (await store.get<DispatchDocument>(COMMITTEE, dispatchDocumentId('invite:old')))?.status,
        'finished',
      );
    });

    it('tells again, once, what still fails after the secretariat sent it again', async () => {
      await enqueue(
        store,
        'invite:session-2027-1',
        draftsTo('invite:session-2027-1', ['sabine', 'birgit']),
        now(),
        INVITATION,
      );
      await sender().drainOnce();
      await sender().drainOnce();
      const retried = await retryFailedDeliveries(world.deps, await world.actor('katrin'), 'invite:session-2027-1');
      assert.deepEqual(retried, { ok: true, value: { retried: 1 } });
      for (let pass = 0; pass < 3; pass += 1) await sender().drainOnce();
      assert.deepEqual((await notices()).map((notice) => notice.dispatchId).sort(), [
        failureNoticeDispatchId('invite:session-2027-1', 0),
        failureNoticeDispatchId('invite:session-2027-1', 1),
      ]);
      const texts = noticeTexts();
      assert.equal(texts.length, 2);
      assert.match(texts[1]!, /Auch beim erneuten Senden nicht zugestellt: Einladung Sitzung 2027\/1/);
    });

    it('does not report a notice that could not be delivered itself', async () => {
      messenger.script.set('a:katrin', [{ ok: false, status: 403, detail: 'blocked' }]);
      await enqueue(store, 'invite:session-2027-1', draftsTo('invite:session-2027-1', ['sabine']), now(), INVITATION);
      for (let pass = 0; pass < 4; pass += 1) await sender().drainOnce();
      assert.equal((await notices()).length, 1);
      assert.equal(messenger.sendsTo('a:katrin'), 1);
      const notice = await store.get<DispatchDocument>(
        COMMITTEE,
        dispatchDocumentId(failureNoticeDispatchId('invite:session-2027-1', 0)),
      );
      assert.equal(notice?.status, 'finished');
    });
  });
}
