import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { AppDependencies } from '../../src/app/dependencies';
import type { Logger } from '../../src/app/ports/logger';
import { emptyPayload, fitsKind, readPayload } from '../../src/bot/card-payload';
import { VERBS } from '../../src/cards/verbs';
import { isVerb, VERB_LIST } from '../../src/domain/verb-registry';
import { collectMoments } from '../fuzz/card-moments';
import { alice, BotHarness, cardText, IN_KOG_TEAM } from '../support/bot-harness';
import { useTempStore } from '../support/temp-store';

/** The set-up form's answers, as Teams sends them. */
const SETUP_ANSWERS = {
  name: 'Koordinierungsgremium Leipzig',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig\nAgentur für Arbeit Leipzig',
  callForTopicsDays: '42',
  topicDeadlineDays: '21',
  agendaDispatchDays: '14',
  rsvpReminderDays: '7',
  workingGroupConversationId: 'none',
};

describe('bot/card-payload', () => {
  it('reads the fields the verb registers, each undefined where the card sent none', () => {
    const { payload, misfits } = readPayload('rsvp.answer', { sessionId: 'session-2027-1', choice: 'online' });
    assert.deepEqual(payload, {
      sessionId: 'session-2027-1',
      personId: undefined,
      revision: undefined,
      choice: 'online',
      delegateName: undefined,
      calendarToken: undefined,
    });
    assert.deepEqual(misfits, []);
  });

  it('leaves behind the verb, fields the verb does not register, and prototype keys', () => {
    const data = JSON.parse(
      '{"verb":"session.edit","sessionId":"session-2027-1","msteams":{"x":1},' +
        '"__proto__":{"admin":true},"constructor":1}',
    ) as unknown;
    const { payload } = readPayload('session.edit', data);
    assert.deepEqual(Object.keys(payload), ['sessionId']);
    assert.equal(Object.getPrototypeOf(payload), Object.prototype);
    assert.equal((payload as Record<string, unknown>).admin, undefined);
  });

  it('reads the families a form repeats, and only those', () => {
    const { payload } = readPayload('attendance.save', {
      sessionId: 'session-2027-1',
      revision: 3,
      'presence-seat-ihk': 'online',
      'name-seat-ihk': 'Jana Weber',
      'presence-': 'empty family member',
      'absence-seat-ihk': 'not a field of the form',
    });
    assert.deepEqual(payload, {
      sessionId: 'session-2027-1',
      revision: 3,
      page: undefined,
      'presence-seat-ihk': 'online',
      'name-seat-ihk': 'Jana Weber',
    });
    const minutes = readPayload('minutes.itemSave', { agreement_2_remove: 'true', agreement_new_due: '2027-05-01' });
    assert.equal(minutes.payload.agreement_2_remove, 'true');
    assert.equal(minutes.payload.agreement_new_due, '2027-05-01');
  });

  it('reads anything that is no record of fields as a card without data', () => {
    for (const data of [null, undefined, 'session-2027-1', 42, ['session-2027-1'], true])
      assert.deepEqual(readPayload('session.edit', data), { payload: { sessionId: undefined }, misfits: [] });
    assert.deepEqual(emptyPayload('audit.open'), { query: undefined, page: undefined });
  });

  it('reports fields that do not fit their kind, and passes them on for the use case to refuse', () => {
    const tampered = { $ne: null };
    const { payload, misfits } = readPayload('topic.decide', {
      submissionId: tampered,
      revision: '3',
      minutes: 20,
      confirmed: 'maybe',
      reason: 'x'.repeat(30_000),
    });
    assert.equal(payload.submissionId, tampered);
    assert.equal(payload.revision, '3');
    assert.deepEqual(misfits, [
      { field: 'submissionId', kind: 'id' },
      { field: 'revision', kind: 'version' },
      { field: 'reason', kind: 'text' },
    ]);
  });

  it('tells each kind what fits it', () => {
    assert.ok(fitsKind('count', 3) && fitsKind('count', '3') && !fitsKind('count', Infinity));
    assert.ok(fitsKind('version', 0) && !fitsKind('version', '0') && !fitsKind('version', Number.NaN));
    assert.ok(fitsKind('flag', true) && fitsKind('flag', 'false') && !fitsKind('flag', 'yes') && !fitsKind('flag', 1));
    assert.ok(fitsKind('id', 'seat-ihk') && !fitsKind('id', ['seat-ihk']) && !fitsKind('id', null));
    assert.ok(fitsKind('choice', 'x'.repeat(200)) && !fitsKind('choice', 'x'.repeat(201)));
  });

  describe('cards the bot sends', function () {
    this.timeout(120_000);

    it('carry, and with their forms filled in send, data that fits the verb of every button', async () => {
      const world = await collectMoments();
      try {
        const seen = new Set<string>();
        for (const [verb, moments] of world.moments) {
          assert.ok(isVerb(verb), verb);
          for (const moment of moments) {
            seen.add(verb);
            for (const data of [moment.data, moment.plain]) assert.deepEqual(readPayload(verb, data).misfits, [], verb);
          }
        }
        assert.ok(seen.size >= VERB_LIST.length - 1, `only ${seen.size} verbs seen`);
      } finally {
        await world.close();
      }
    });
  });

  describe('in the turn', () => {
    const fixture = useTempStore('2026-11-21T10:00:00Z');
    let deps: AppDependencies;
    beforeEach(() => ({ deps } = fixture));

    it("logs a click whose data does not fit, and answers it with the use case's own refusal", async () => {
      const logger: Logger = { debug: sinon.spy(), info: sinon.spy(), warn: sinon.spy(), error: sinon.spy() };
      const bot = new BotHarness(deps, logger);
      const card = await bot.execute(
        alice,
        VERBS.setupSave,
        { revision: 0, name: { $gt: '' }, shortName: 'KOG' },
        IN_KOG_TEAM,
      );
      assert.match(cardText(card), /Bitte prüfen Sie Ihre Angaben/);
      sinon.assert.calledWithMatch(
        logger.warn as sinon.SinonSpy,
        { verb: 'setup.save', misfits: [{ field: 'name', kind: 'text' }] },
        'card data that does not fit its verb',
      );
      sinon.assert.notCalled(logger.error as sinon.SinonSpy);
    });

    it('logs the names of misfit fields cut short, never their values', async () => {
      const logger: Logger = { debug: sinon.spy(), info: sinon.spy(), warn: sinon.spy(), error: sinon.spy() };
      const bot = new BotHarness(deps, logger);
      const setUp = await bot.execute(alice, VERBS.setupSave, { revision: 0, ...SETUP_ANSWERS }, IN_KOG_TEAM);
      assert.match(cardText(setUp), /Gremium eingerichtet/);
      const family = Object.fromEntries(
        Array.from({ length: 30 }, (_, index) => [`presence-${'x'.repeat(500)}${index}`, { secret: 'Geheimnis' }]),
      );
      await bot.execute(alice, VERBS.attendanceSave, { sessionId: 'session-2027-1', revision: 1, ...family });
      const [fields] = (logger.warn as sinon.SinonSpy).lastCall.args as [{ misfits: Array<{ field: string }> }];
      assert.equal(fields.misfits.length, 10);
      for (const { field } of fields.misfits) assert.ok(field.length <= 80, field);
      assert.doesNotMatch(JSON.stringify((logger.warn as sinon.SinonSpy).args), /Geheimnis/);
    });
  });
});
