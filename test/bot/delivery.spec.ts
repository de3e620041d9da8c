import assert from 'node:assert/strict';
import { VERBS } from '../../src/cards/verbs';
import { senderFor } from '../app/delivery/delivery-fixtures';
import { chatPerson, SessionWorld } from '../app/sessions/session-world';
import { FakeMessenger } from '../support/fake-messenger';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const KATRINS_CHAT = 'a:personal-29:katrin';

/**
 * A new secretariat invites before any member has opened Gremium, as happened in the first week:
 * the answer says what was queued, not what was received; the secretariat hears 1:1 who was not
 * reached and what to do; the delivery report names the dispatch as it was and shows what became
 * of the messages sent again.
 */
describe('bot: the truth about delivery', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  let messenger: FakeMessenger;

  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
    messenger = new FakeMessenger(world.clock);
  });
  afterEach(async () => temp.cleanup());

  async function drain(passes = 3): Promise<void> {
    for (let pass = 0; pass < passes; pass += 1) await senderFor(world.deps, world.clock, messenger).drainOnce();
  }
  const noticesToKatrin = () =>
    messenger.sends
      .filter((send) => send.conversationId === KATRINS_CHAT)
      .map((send) => cardText(send.message.attachments![0]!.content as Record<string, unknown>));

  it('says the invitation is queued, tells the secretariat who was not reached and why, and shows the resend', async () => {
    const answer = cardText(await bot.confirmed(person('katrin'), 'einladen 2027/1'));
    assert.match(answer, /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/);
    assert.match(
      answer,
      /Die Einladung an 3 Mitglieder ist zum Versand in den persönlichen Chat vorgemerkt\. Den Stand sehen Sie mit „zustellung“/,
    );
    assert.doesNotMatch(answer, /erhalten|werden versandt/, 'queued is not received');

    await drain();
    const [notice, ...more] = noticesToKatrin();
    assert.equal(more.length, 0, 'one notice');
    assert.match(notice!, /Nicht zugestellt: Einladung Sitzung 2027\/1 an 3 Mitglieder/);
    assert.match(notice!, /3 Nachrichten sind nicht angekommen, 0 wurden zugestellt/);
    assert.match(notice!, /Birgit Lehmann[^\n]*Yusuf Demir[^\n]*Sabine Hoffmann|Sabine Hoffmann[^\n]*Birgit Lehmann/);
    assert.match(
      notice!,
      /Bitten Sie sie, Gremium in Teams einmal zu öffnen, oder fügen Sie Gremium dem Team des Gremiums hinzu/,
    );

    const report = firstCard(await bot.message(person('katrin'), 'zustellung'));
    assert.match(
      cardText(report),
      /Einladung Sitzung 2027\/1 an 3 Mitglieder[^]*Zugestellt: 0 · Ausstehend: 0 · Nicht zugestellt: 3/,
    );
    assert.doesNotMatch(cardText(report), /invite:|session-2027/, 'never the internal key');

    // Sabine opens Gremium once; then the secretariat sends the undelivered ones again.
    await bot.message(person('sabine'), 'hilfe');
    const retried = await bot.execute(person('katrin'), VERBS.deliveryRetry, actionData(report, VERBS.deliveryRetry));
    assert.match(cardText(retried), /3 Nachrichten sind wieder zum Versand vorgemerkt[^]*Aktualisieren/);
    assert.ok(hasAction(retried, VERBS.deliveryOpen, { dispatchId: 'invite:session-2027-1' }), 'a refresh button');

    await drain();
    const refreshed = await bot.execute(
      person('katrin'),
      VERBS.deliveryOpen,
      actionData(retried, VERBS.deliveryOpen, { dispatchId: 'invite:session-2027-1' }),
    );
    assert.match(cardText(refreshed), /Zugestellt: 1 · Ausstehend: 0 · Nicht zugestellt: 2/);
    assert.match(cardText(refreshed), /Erneut gesendet: 3 – davon zugestellt: 1 · ausstehend: 0 · nicht zugestellt: 2/);
    assert.equal(messenger.sendsTo('a:personal-29:sabine'), 1, 'Sabine has her invitation');
    const notices = noticesToKatrin();
    assert.equal(notices.length, 2);
    assert.match(notices[1]!, /Auch beim erneuten Senden nicht zugestellt: Einladung Sitzung 2027\/1/);
    assert.doesNotMatch(notices[1]!, /Sabine/);
  });

  it('pages back through the dispatches by its buttons, and reads a tampered page as the first', async () => {
    // Three invitations and three reminders, a minute apart: more than one page.
    for (const number of ['2027/1', '2027/2', '2027/3']) {
      await bot.confirmed(person('katrin'), `einladen ${number}`);
      world.clock.advance(60_000);
    }
    const overview = firstCard(await bot.message(person('katrin'), 'rückmeldungen 2027/1'));
    for (const key of ['a', 'b', 'c']) {
      await bot.execute(person('katrin'), VERBS.rsvpsRemind, {
        ...actionData(overview, VERBS.rsvpsRemind),
        remindKey: key,
      });
      world.clock.advance(60_000);
    }
    const first = firstCard(await bot.message(person('katrin'), 'zustellung'));
    assert.match(cardText(first), /Erinnerung an die Rückmeldung Sitzung 2027\/1 an 3 Eingeladene/);
    const older = await bot.execute(person('katrin'), VERBS.deliveryOpen, actionData(first, VERBS.deliveryOpen));
    assert.match(cardText(older), /Seite 2, ältere Versände[^]*Einladung Sitzung 2027\/1 an 3 Mitglieder/);
    assert.ok(hasAction(older, VERBS.deliveryOpen, { page: 1 }), 'the way back to newer dispatches');
    const tampered = await bot.execute(person('katrin'), VERBS.deliveryOpen, {
      verb: VERBS.deliveryOpen,
      page: '2; x',
    });
    assert.deepEqual(cardText(tampered), cardText(first));
    assert.match(
      cardText(await bot.execute(person('birgit'), VERBS.deliveryOpen, { verb: VERBS.deliveryOpen, page: 2 })),
      /Nur die Geschäftsstelle/,
    );
  });

  it('speaks English to English clients', async () => {
    const answer = cardText(await bot.confirmed(person('katrin'), 'invite 2027/1', { locale: 'en-US' }));
    assert.match(answer, /Invitation to session 2027\/1 queued for sending/);
    assert.match(answer, /The invitation to 3 members is queued for sending to their personal chat\. "delivery" shows/);
    const report = cardText(firstCard(await bot.message(person('katrin'), 'delivery', { locale: 'en-US' })));
    assert.match(report, /Invitation, session 2027\/1, to 3 members/);
  });
});
