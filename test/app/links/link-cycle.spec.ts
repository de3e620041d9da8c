import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import { auditedStore } from '../../../src/app/audit/audited-store';
import type { CommitteeDocument } from '../../../src/app/documents';
import { OutboxSender } from '../../../src/app/delivery/outbox-sender';
import { linkDocumentId } from '../../../src/app/links/link-document';
import type { BatchOperation, Document, DocumentStore } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { recordAttendance } from '../../../src/app/sessions/attendance';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { VERBS } from '../../../src/cards/verbs';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';
import { COMMITTEE_DOCUMENT_ID, seatDocumentId } from '../../../src/domain/ids';
import { actionData, BotHarness, firstCard } from '../../support/bot-harness';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { ManualClock } from '../../support/manual-clock';
import { AFTER_SESSION, committeeAndSession } from '../minutes/minutes-world';
import {
  chatPerson,
  COMMITTEE,
  PEOPLE,
  SESSION_1,
  SessionWorld,
  TENANT,
  type PersonKey,
} from '../sessions/session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

const BASE_URL = 'https://gremium.example.org';
/** Every link address in a text: its kind and its token. */
const LINKS =
  // A calendar link on an invitation card opens its page: the file's address without `.ics`.
  /https:\/\/gremium\.example\.org\/api\/(calendar|minutes|export)\/[^"\s]*?\/([A-Za-z0-9_-]{43})(?:\.(?:ics|pdf|json)|(?=["\\]))/g;

/** The store beneath everything, recording each document as it was handed over to be written. */
function tapped(store: DocumentStore): { readonly store: DocumentStore; readonly written: string[] } {
  const written: string[] = [];
  const record = (document: Document) => written.push(JSON.stringify(document));
  return {
    written,
    store: {
      ...store,
      get: (committeeId, id) => store.get(committeeId, id),
      getMany: (keys) => store.getMany(keys),
      query: (committeeId, query) => store.query(committeeId, query),
      queryAcrossCommittees: (query) => store.queryAcrossCommittees(query),
      create: (document) => (record(document), store.create(document)),
      replace: (document, ifMatch) => (record(document), store.replace(document, ifMatch)),
      upsert: (document) => (record(document), store.upsert(document)),
      delete: (committeeId, id, ifMatch) => store.delete(committeeId, id, ifMatch),
      batch: (committeeId, operations: readonly BatchOperation[]) => {
        for (const operation of operations) if (operation.op !== 'delete') record(operation.document);
        return store.batch(committeeId, operations);
      },
      ping: () => store.ping(),
      close: () => store.close(),
    },
  };
}

for (const engine of ENGINES) {
  describe(`app/links through a whole session cycle on the ${engine.name}`, function () {
    this.timeout(120_000);
    let close: () => Promise<void>;
    let world: SessionWorld;
    let tap: ReturnType<typeof tapped>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      tap = tapped(opened.store);
      // The server's store: every write audited, so the trail is searched too.
      const start = new ManualClock('2026-11-21T10:00:00Z');
      let created: SessionWorld | undefined;
      world = created = await SessionWorld.create(
        auditedStore(tap.store, { now: () => (created ?? { clock: start }).clock.now() }),
      );
    });
    afterEach(async () => close());

    it('sends and shows links of every kind, and no token is ever written to the store, the outbox or the audit trail', async () => {
      const person = (key: PersonKey) => ({
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversationId: `a:${key}`,
        conversationType: 'personal' as const,
        tenantId: TENANT,
        botId: '28:bot',
        userId: `29:${key}`,
        userAadObjectId: PEOPLE[key],
      });
      for (const key of Object.keys(PEOPLE) as PersonKey[])
        await rememberConversation(world.deps, { address: person(key) });
      const channel = await rememberConversation(world.deps, {
        address: {
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
          conversationId: '19:wg@thread.tacv2',
          conversationType: 'channel',
          tenantId: TENANT,
          botId: '28:bot',
        },
        title: 'Arbeitsgruppe',
      });
      const committee = (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
      await world.store.replace<CommitteeDocument>(
        { ...committee, workingGroupConversationId: channel.id },
        committee._etag,
      );

      const messenger = new FakeMessenger(world.clock);
      const sender = new OutboxSender(
        {
          ...world.deps,
          messenger,
          renderer: createMessageRenderer('de', { publicBaseUrl: BASE_URL }),
          limiter: new SendRateLimiter(),
          logger: silentLogger,
          wait: world.clock.wait,
          random: () => 0.5,
          instanceId: 'test',
        },
        { maxInFlight: 1 },
      );
      const drain = async () => {
        for (;;) {
          const pass = await sender.drainOnce();
          if (pass.expanded + pass.sent + pass.retried + pass.failed === 0) return;
        }
      };
      const bot = new BotHarness(world.deps, silentLogger, BASE_URL);
      // Cards answered directly in a turn carry links too.
      const shown: string[] = [];
      const turn = async (replies: Promise<Array<Partial<Activity>>>) =>
        void shown.push(JSON.stringify(firstCard(await replies)));
      const click = async (card: Promise<Record<string, unknown>>) => void shown.push(JSON.stringify(await card));

      // Invitations with calendar links, and one refreshed in a turn.
      const access = await committeeAndSession(world);
      assert.ok(
        (
          await saveAgendaItem(world.deps, access, PEOPLE.katrin, 0, '', {
            title: 'Ausbildungsabbrüche',
            minutes: '30',
            kind: 'decision',
            presenter: 'Lena Vogt',
          })
        ).ok,
      );
      assert.ok(
        (await publishAgendaAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS))
          .ok,
      );
      await drain();
      await click(
        bot.execute(chatPerson('sabine'), VERBS.invitationView, { sessionId: SESSION_1, personId: PEOPLE.sabine }),
      );

      // The session is held; the minutes go out, are answered, shown and approved.
      world.clock.advance(Date.parse(AFTER_SESSION) - world.clock.now().toMillis());
      const jobcenter = seatDocumentId('jobcenter');
      const agentur = seatDocumentId('agentur');
      const ihk = seatDocumentId('ihk');
      assert.ok(
        (
          await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 0, {
            [`presence-${jobcenter}`]: 'inPerson',
            [`name-${jobcenter}`]: 'Thomas Richter',
            [`presence-${agentur}`]: 'online',
            [`name-${agentur}`]: 'Birgit Lehmann',
            [`presence-${ihk}`]: 'absent',
            [`name-${ihk}`]: '',
          })
        ).ok,
      );
      await turn(bot.message(chatPerson('katrin'), 'protokoll'));
      await turn(bot.message(chatPerson('katrin'), 'protokoll versenden'));
      await drain();
      const review = messenger.sends.find(
        (send) => send.conversationId === 'a:thomas' && JSON.stringify(send.message).includes(VERBS.minutesRespond),
      );
      assert.ok(review, 'Thomas is sent the minutes to review');
      const reviewCard = review.message.attachments![0]!.content;
      await click(
        bot.execute(chatPerson('thomas'), VERBS.minutesRespond, {
          ...actionData(reviewCard, VERBS.minutesRespond),
          answer_0: 'agree',
          answer_1: 'agree',
          answer_2: 'agree',
        }),
      );
      await turn(bot.message(chatPerson('katrin'), 'protokoll'));
      // The objection period still runs: approving asks first, and the click on its card approves.
      const question = firstCard(await bot.message(chatPerson('katrin'), 'protokoll freigeben'));
      await click(
        bot.execute(
          chatPerson('katrin'),
          VERBS.minutesApprove,
          actionData(question, VERBS.minutesApprove, { confirmed: true }),
        ),
      );
      await drain();
      await turn(bot.message(chatPerson('sabine'), 'meine daten'));

      const handedOut = [...messenger.sends.map((send) => JSON.stringify(send.message)), ...shown].flatMap((text) =>
        [...text.matchAll(LINKS)].map(([, kind, token]) => ({ kind: kind!, token: token! })),
      );
      const sentToChannel = messenger.sends
        .filter((send) => send.conversationId === '19:wg@thread.tacv2')
        .map((send) => JSON.stringify(send.message));
      assert.ok(
        sentToChannel.some((text) => /\/api\/minutes\//.test(text)),
        "the working group's channel got its link",
      );
      assert.deepEqual(
        [...new Set(handedOut.map((link) => link.kind))].sort(),
        ['calendar', 'export', 'minutes'],
        'links of every kind were handed out',
      );
      assert.ok(handedOut.length >= 10, `only ${handedOut.length} links handed out`);
      assert.equal(
        new Set(handedOut.map((link) => link.token)).size,
        handedOut.length,
        'no token was handed out twice',
      );
      for (const { token } of handedOut)
        assert.ok(
          tap.written.some((json) => json.includes(`"id":"${linkDocumentId(token)}"`)),
          'each link was stored, by its hash',
        );

      // Everything ever written, and everything stored now, of every type written.
      const types = [...new Set(tap.written.map((json) => (JSON.parse(json) as Document).type))];
      assert.ok(
        ['outbox', 'dispatch', 'audit', 'link', 'dataExport', 'minutes', 'session'].every((type) =>
          types.includes(type),
        ),
        types.join(),
      );
      const stored: string[] = [];
      for (const type of types)
        for (const document of await world.store.query<Document>(COMMITTEE, { type }))
          stored.push(JSON.stringify(document));
      for (const { kind, token } of handedOut) {
        assert.equal(
          tap.written.find((json) => json.includes(token)),
          undefined,
          `a ${kind} token was written`,
        );
        assert.equal(
          stored.find((json) => json.includes(token)),
          undefined,
          `a ${kind} token is stored`,
        );
      }
    });
  });
}
