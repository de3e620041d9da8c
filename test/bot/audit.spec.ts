import assert from 'node:assert/strict';
import type { AuditRecord } from '../../src/app/audit/audit-record';
import { AUDIT_PAGE_SIZE } from '../../src/app/audit/audit-trail';
import { auditedStore } from '../../src/app/audit/audited-store';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { VERBS } from '../../src/cards/verbs';
import { fixedClock } from '../../src/domain/clock';
import { chatPerson, COMMITTEE, PEOPLE, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction, SHARED_CONVERSATIONS } from '../support/bot-harness';
import { recordingStore, type StoreCall } from '../support/recording-store';
import { openTempStore, type TempStore } from '../support/temp-store';

describe('bot: audit trail (änderungen)', () => {
  let temp: TempStore;
  let raw: DocumentStore;
  let world: SessionWorld;
  let bot: BotHarness;
  let calls: StoreCall[];
  beforeEach(async () => {
    temp = await openTempStore();
    raw = temp.store;
    const recorded = recordingStore(raw);
    calls = recorded.calls;
    const start = fixedClock('2026-11-21T10:00:00Z');
    const ready: { world?: SessionWorld } = {};
    ready.world = await SessionWorld.create(
      auditedStore(recorded.store, { now: () => (ready.world?.clock ?? start).now() }),
    );
    world = ready.world;
    bot = new BotHarness(world.deps);
  });
  afterEach(async () => temp.cleanup());

  const records = () => raw.query<AuditRecord>(COMMITTEE, { type: 'audit' });
  const say = async (who: Parameters<typeof chatPerson>[0], text: string) =>
    firstCard(await bot.message(chatPerson(who), text));
  /** A command that asks first (inviting without place and link), confirmed on its card. */
  const confirmed = async (who: Parameters<typeof chatPerson>[0], text: string) => bot.confirmed(chatPerson(who), text);

  it('records a change made in Teams under the person who made it, and shows it for the session', async () => {
    world.clock.advance(60_000);
    assert.match(
      cardText(await confirmed('katrin', 'einladen 2027/1')),
      /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
    );
    const invited = (await records()).filter(
      (record) => record.documentType === 'session' && record.at === world.clock.now().toUTC().toISO(),
    );
    assert.deepEqual(
      invited.map((record) => [record.actorId, record.source, record.operation]),
      [[PEOPLE.katrin, 'bot', 'changed']],
    );

    const text = cardText(await say('katrin', 'änderungen 2027/1'));
    assert.match(text, /Änderungsprotokoll – Sitzung 2027\/1/);
    assert.match(text, /21\.11\.2026, 11:01:00 Uhr · Katrin Albers/);
    assert.match(text, /Sitzung 2027\/1 geändert\n/);
    assert.match(text, /• Stand: geplant → eingeladen/);
    assert.doesNotMatch(text, /session-2027-1|state|planned/, 'no field name, state name or document id');
    const english = cardText(firstCard(await bot.message(chatPerson('katrin'), 'audit 2027/1', { locale: 'en-US' })));
    assert.match(english, /Audit trail – session 2027\/1[^]*Session 2027\/1 changed[^]*State: planned → invited/);
  });

  it('shows a person’s trail, what they did and what was done about them, in pages', async () => {
    const text = cardText(await say('katrin', 'änderungen sabine hoffmann'));
    assert.match(text, /Änderungsprotokoll – Sabine Hoffmann/);
    assert.match(text, /Person Sabine Hoffmann angelegt\n• Aktiv: ja\n• Name: Sabine Hoffmann\n• Rollen: Mitglied/);
    assert.match(text, /Sitz angelegt\n• Stellvertretung: Thomas Richter\n• Institution: Jobcenter Leipzig/);

    for (const command of [
      'sitzungen planen 2028',
      'sitzungen planen 2029',
      'einladen 2027/1',
      'einladen 2027/2',
      'einladen 2027/3',
    ])
      await confirmed('katrin', command);
    const byKatrin = (await records()).filter((record) => record.actorId === PEOPLE.katrin && record.source === 'bot');
    assert.deepEqual(byKatrin.map((record) => `${record.documentType} ${record.operation}`).sort(), [
      ...Array(3).fill('session changed'),
      ...Array(6).fill('session created'),
    ]);
    assert.match(cardText(await say('katrin', 'änderungen Katrin Albers')), /Katrin Albers\nSitzung 2027\/3 geändert/);
    const first = await say('katrin', 'änderungen Katrin Albers');
    assert.ok(hasAction(first, VERBS.auditOpen, { page: 2 }), 'more than one page of records');
    const second = await bot.execute(
      chatPerson('katrin'),
      VERBS.auditOpen,
      actionData(first, VERBS.auditOpen, { page: 2 }),
    );
    assert.match(cardText(second), /Seite 2/);
    assert.ok(hasAction(second, VERBS.auditOpen, { page: 1 }));
    assert.ok((await records()).length > AUDIT_PAGE_SIZE);
  });

  it('refuses everyone but the secretariat, and unclear or tampered requests, changing nothing', async () => {
    const before = await records();
    assert.match(
      cardText(await say('sabine', 'änderungen 2027/1')),
      /Nur die Geschäftsstelle kann das Änderungsprotokoll einsehen/,
    );
    assert.match(
      cardText(await bot.execute(chatPerson('sabine'), VERBS.auditOpen, { query: '2027/1', page: 1 })),
      /Nur die Geschäftsstelle/,
    );
    assert.match(cardText(await say('katrin', 'änderungen')), /Für wen oder was\?/);
    assert.match(cardText(await say('katrin', 'änderungen 2031/7')), /Die Sitzung 2031\/7 gibt es nicht/);
    assert.match(cardText(await say('katrin', 'änderungen Niemand')), /niemanden mit dem Namen „niemand“/i);
    assert.match(
      cardText(await say('katrin', 'änderungen in')),
      /Mehrere Personen passen zu „in“[^]*Katrin Albers[^]*Sabine Hoffmann/,
    );
    assert.match(
      cardText(await bot.execute(chatPerson('katrin'), VERBS.auditOpen, { query: { id: 'audit-1' }, page: -3 })),
      /ungültig/,
    );
    assert.match(
      cardText(await bot.execute(chatPerson('katrin'), VERBS.auditOpen, { query: 'x'.repeat(201) })),
      /ungültig/,
    );
    assert.deepEqual(await records(), before);
  });

  for (const [where, conversation] of SHARED_CONVERSATIONS) {
    it(`answers the trail in a ${where} only with where to ask, reading none of it`, async () => {
      for (const [text, locale, hint] of [
        [
          'änderungen 2027/1',
          'de-DE',
          /Bitte im persönlichen Chat fragen[^]*„änderungen“ beantworte ich nur im persönlichen Chat/,
        ],
        // An English client gets the committee's language there, as everyone reading along does.
        [
          'audit 2027/1',
          'en-US',
          /Bitte im persönlichen Chat fragen[^]*„änderungen“ beantworte ich nur im persönlichen Chat/,
        ],
      ] as const) {
        // An activity remembers its conversation first; what follows is the command's own doing.
        await bot.message(chatPerson('katrin'), 'hilfe', { ...conversation, locale });
        const before = await records();
        calls.splice(0);
        const replies = await bot.message(chatPerson('katrin'), text, { ...conversation, locale });
        assert.equal(replies.length, 1, 'one answer, nothing else');
        const card = firstCard(replies);
        assert.match(cardText(card), hint);
        assert.doesNotMatch(cardText(card), /Katrin Albers|session-2027-1|geändert|changed/, 'nothing of the trail');
        assert.ok(!hasAction(card, VERBS.auditOpen), 'no paging into the trail');
        assert.ok(
          calls.every((call) => call.operation === 'get' || call.operation === 'getMany'),
          `${text}: only the chat's own record read: ${JSON.stringify(calls)}`,
        );
        assert.deepEqual(await records(), before);

        calls.splice(0);
        const paged = await bot.execute(
          chatPerson('katrin'),
          VERBS.auditOpen,
          { query: '2027/1', page: 2 },
          { ...conversation, locale },
        );
        assert.match(cardText(paged), hint, 'a forwarded paging button is answered alike');
        assert.ok(
          calls.every((call) => call.operation === 'get' || call.operation === 'getMany'),
          `paging: only the chat's own record read: ${JSON.stringify(calls)}`,
        );
      }
    });
  }
});
