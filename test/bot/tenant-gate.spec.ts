import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import sinon from 'sinon';
import type { Logger } from '../../src/app/ports/logger';
import { onlyTenants } from '../../src/app/tenant-gate';
import { VERBS } from '../../src/cards/verbs';
import { fixedClock } from '../../src/domain/clock';
import { alice, base, BOT, BotHarness, cardText, firstCard, TENANT } from '../support/bot-harness';
import { recordingStore, type StoreCall } from '../support/recording-store';
import { openTempStore, type TempStore } from '../support/temp-store';

const FOREIGN_TENANT = '99999999-8888-4777-8666-555555555555';

/** The tenant as Teams names it on an activity: in the conversation and in the channel data. */
const fromTenant = (tenantId: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  conversation: { ...base(alice).conversation!, tenantId },
  channelData: { tenant: { id: tenantId } },
  ...extra,
});

/**
 * The tenant gate, through the real bot: a deployment serving one tenant answers people of any
 * other with a short refusal and neither reads nor writes anything for them.
 */
describe('bot/tenant gate', () => {
  let temp: TempStore;
  let calls: StoreCall[];
  let logger: Logger & { warn: sinon.SinonSpy };
  let bot: BotHarness;

  beforeEach(async () => {
    temp = await openTempStore();
    const recorded = recordingStore(temp.store);
    calls = recorded.calls;
    logger = { debug: sinon.spy(), info: sinon.spy(), warn: sinon.spy(), error: sinon.spy() };
    bot = new BotHarness({ store: recorded.store, clock: fixedClock('2026-11-21T10:00:00Z') }, logger, undefined, {
      allowedTenants: onlyTenants([TENANT]),
    });
  });
  afterEach(() => temp.cleanup());

  const refusal = /Gremium ist für Ihre Organisation nicht freigegeben/;

  it('serves its own tenant as usual, so the refusals below are about the tenant', async () => {
    const text = cardText(firstCard(await bot.message(alice, 'hilfe')));
    assert.match(text, /Was Sie mit Gremium tun können/);
    assert.ok(calls.length > 0, 'the turn read and wrote the store');
    sinon.assert.notCalled(logger.warn);
  });

  it('answers a chat line from another tenant with a short German refusal, touches no data and logs the tenant', async () => {
    const replies = await bot.message(alice, 'hilfe', fromTenant(FOREIGN_TENANT));
    assert.equal(replies.length, 1);
    assert.match(cardText(firstCard(replies)), refusal);
    assert.deepEqual(calls, [], 'not even the conversation was remembered');
    sinon.assert.calledOnce(logger.warn);
    assert.deepEqual(logger.warn.firstCall.args[0].tenantIds, [FOREIGN_TENANT]);
  });

  it('refuses in English to an English client', async () => {
    const replies = await bot.message(alice, 'help', fromTenant(FOREIGN_TENANT, { locale: 'en-US' }));
    assert.match(cardText(firstCard(replies)), /Gremium is not enabled for your organisation/);
  });

  it('answers a card click from another tenant with the refusal as the invoke response, and stores nothing', async () => {
    const card = await bot.execute(
      alice,
      VERBS.setupSave,
      { verb: VERBS.setupSave, name: 'Fremdes Gremium' },
      fromTenant(FOREIGN_TENANT),
    );
    assert.match(cardText(card), refusal);
    assert.deepEqual(calls, []);
  });

  it('answers a card submission (Action.Submit) from another tenant with the refusal', async () => {
    const replies = await bot.send({
      ...base(alice),
      type: 'message',
      value: { verb: VERBS.setupSave, name: 'Fremdes Gremium' },
      ...fromTenant(FOREIGN_TENANT),
    });
    assert.match(cardText(firstCard(replies)), refusal);
    assert.deepEqual(calls, []);
  });

  it('stays silent when installed in a team of another tenant: no member import, no conversation kept', async () => {
    const replies = await bot.send({
      ...base(alice),
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id, name: BOT.name }],
      ...fromTenant(FOREIGN_TENANT, {
        conversation: {
          id: '19:team@thread.tacv2',
          conversationType: 'channel',
          tenantId: FOREIGN_TENANT,
          isGroup: true,
          name: 'Fremd',
        },
      }),
    });
    assert.deepEqual(replies, []);
    assert.deepEqual(calls, []);
    sinon.assert.calledOnce(logger.warn);
  });

  it('refuses an activity whose second tenant claim contradicts the first, and one that names none', async () => {
    const contradicting = await bot.message(alice, 'hilfe', { channelData: { tenant: { id: FOREIGN_TENANT } } });
    assert.match(cardText(firstCard(contradicting)), refusal);
    const unnamed = await bot.message(alice, 'hilfe', {
      conversation: { ...base(alice).conversation!, tenantId: undefined },
      channelData: {},
    });
    assert.match(cardText(firstCard(unnamed)), refusal);
    assert.deepEqual(calls, []);
  });
});
