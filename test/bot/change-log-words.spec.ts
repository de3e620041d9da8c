import assert from 'node:assert/strict';
import type { AgreementDocument } from '../../src/app/agreements/agreement-document';
import { changeActionStatus } from '../../src/app/agreements/change-action-item';
import type { AuditRecord } from '../../src/app/audit/audit-record';
import { auditTrail } from '../../src/app/audit/audit-trail';
import { auditedStore } from '../../src/app/audit/audited-store';
import type { MinutesDocument } from '../../src/app/minutes/minutes-document';
import { CAMEL_CASE, DOCUMENT_ID, GUID } from '../../src/cards/audit-changes';
import { renderAuditCard } from '../../src/cards/audit-card';
import { VERBS } from '../../src/cards/verbs';
import { publishAgendaAsSecretariat } from '../../src/app/agenda/publish-agenda';
import { fixedClock } from '../../src/domain/clock';
import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';
import { seatDocumentId } from '../../src/domain/ids';
import { agreementField } from '../../src/domain/minutes/minutes-item-edit';
import { translator } from '../../src/i18n/translator';
import { AFTER_SESSION, storedMinutes } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../app/sessions/session-world';
import { AG3_FORM } from '../app/working-groups/working-group-fixtures';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

/**
 * The change log over a whole cycle, as the secretariat reads it: every entry of every session
 * and every person, in both languages, is written in words. No field name, no state or job name
 * (camelCase), no person's object id (GUID) and no document id (`session-2027-1`) reaches it.
 */
describe('bot: the change log of a whole cycle speaks in words', function () {
  this.timeout(60_000);
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    const start = fixedClock('2026-11-21T10:00:00Z');
    const ready: { world?: SessionWorld } = {};
    ready.world = await SessionWorld.create(
      auditedStore(temp.store, { now: () => (ready.world?.clock ?? start).now() }),
    );
    world = ready.world;
    bot = new BotHarness(world.deps, undefined, 'https://gremium.example');
  });
  afterEach(async () => temp.cleanup());

  const say = async (who: PersonKey, text: string) => firstCard(await bot.message(chatPerson(who), text));
  /** Clicks the card's button of the verb, and once more where the answer asks to confirm it. */
  async function click(who: PersonKey, card: Record<string, unknown>, verb: string, match = {}, fields = {}) {
    let answer = await bot.execute(chatPerson(who), verb, { ...actionData(card, verb, match), ...fields });
    if (hasAction(answer, verb, { confirmed: true }))
      answer = await bot.execute(chatPerson(who), verb, actionData(answer, verb, { confirmed: true }));
    return answer;
  }

  /** One cycle: a topic decided, a working group, the invitation and an answer, the session held, minutes approved, an action item worked on, a language chosen. */
  async function runCycle(): Promise<void> {
    await say('lena', 'thema: Ausbildungsabbrüche – Zahlen der Kammern');
    const topics = await say('katrin', 'themen');
    const decision = await bot.execute(
      chatPerson('katrin'),
      VERBS.topicDecideForm,
      actionData(topics, VERBS.topicDecideForm),
    );
    await click(
      'katrin',
      decision,
      VERBS.topicDecide,
      { decision: 'accept' },
      { presenter: 'Lena Vogt', minutes: '25', kind: 'decision' },
    );
    const groups = await say('katrin', 'arbeitsgruppen');
    const group = await bot.execute(
      chatPerson('katrin'),
      VERBS.workingGroupForm,
      actionData(groups, VERBS.workingGroupForm),
    );
    await bot.execute(chatPerson('katrin'), VERBS.workingGroupSave, {
      ...actionData(group, VERBS.workingGroupSave),
      ...AG3_FORM,
    });
    const invitation = await say('katrin', 'einladen 2027/1');
    if (hasAction(invitation, VERBS.sessionInvite)) await click('katrin', invitation, VERBS.sessionInvite);
    const session = await world.session();
    await bot.execute(chatPerson('birgit'), VERBS.rsvpAnswer, {
      sessionId: SESSION_1,
      personId: PEOPLE.birgit,
      revision: session.revision,
      choice: 'inPerson',
    });
    await say('sabine', 'sprache englisch');
    const published = await publishAgendaAsSecretariat(
      world.deps,
      await world.actor('katrin'),
      await world.session(),
      NO_QUESTIONS,
    );
    assert.ok(published.ok, JSON.stringify(!published.ok && published.error));
    world.clock.advance(Date.parse(AFTER_SESSION) - world.clock.now().toMillis());
    const attendance = await say('katrin', 'anwesenheit 2027/1');
    await bot.execute(chatPerson('katrin'), VERBS.attendanceSave, {
      ...actionData(attendance, VERBS.attendanceSave),
      [`presence-${seatDocumentId('jobcenter')}`]: 'inPerson',
      [`name-${seatDocumentId('jobcenter')}`]: 'Thomas Richter',
      [`presence-${seatDocumentId('agentur')}`]: 'online',
      [`name-${seatDocumentId('agentur')}`]: 'Birgit Lehmann',
      [`presence-${seatDocumentId('ihk')}`]: 'absent',
      [`name-${seatDocumentId('ihk')}`]: '',
    });
    assert.equal((await world.session()).state, 'held', 'the session was held');

    const minutes = await say('katrin', 'protokoll');
    const item = (await storedMinutes(world)).items[1]!.itemId;
    const form = await bot.execute(
      chatPerson('katrin'),
      VERBS.minutesItemForm,
      actionData(minutes, VERBS.minutesItemForm, { itemId: item }),
    );
    const saved = await bot.execute(chatPerson('katrin'), VERBS.minutesItemSave, {
      ...actionData(form, VERBS.minutesItemSave),
      summary: 'Die Kammern berichten.',
      result: 'Erhebung beschlossen',
      [agreementField('new', 'text')]: 'Zahlen vorlegen',
      [agreementField('new', 'responsible')]: PEOPLE.sabine,
      [agreementField('new', 'due')]: '2027-04-30',
    });
    await click('katrin', saved, VERBS.minutesCirculate);
    const approve = await say('katrin', 'protokoll freigeben');
    if (hasAction(approve, VERBS.minutesApprove)) await click('katrin', approve, VERBS.minutesApprove);
    assert.equal(
      (await temp.store.get<MinutesDocument>(COMMITTEE, (await storedMinutes(world)).id))?.status,
      'approved',
      'the cycle reached approved minutes',
    );
    const [agreement] = await temp.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' });
    assert.ok(agreement, 'an action item came of the agreement');
    const changed = await changeActionStatus(
      world.deps,
      await world.actor('sabine'),
      agreement.id,
      agreement.revision,
      {
        status: 'inProgress',
        note: 'Die Kammern liefern zu.',
      },
    );
    assert.ok(changed.ok);
  }

  it('names fields, people, sessions and states in words in every entry, in German and English', async () => {
    await runCycle();
    const records = await temp.store.query<AuditRecord>(COMMITTEE, { type: 'audit' });
    assert.ok(records.length > 30, `${records.length} records`);
    const types = new Set(records.map((record) => record.documentType));
    for (const type of ['committee', 'person', 'seat', 'session', 'rsvp', 'attendance', 'agenda', 'topicSubmission'])
      assert.ok(types.has(type), `the cycle changed a ${type}`);
    for (const type of ['workingGroup', 'minutes', 'minutesVersion', 'agreement'])
      assert.ok(types.has(type), `the cycle changed a ${type}`);

    const katrin = await world.actor('katrin');
    const queries = ['2027/1', '2027/2', '2027/3', 'Katrin Albers', 'Sabine Hoffmann', 'Birgit Lehmann', 'Lena Vogt'];
    let shown = 0;
    const texts: string[] = [];
    for (const locale of ['de', 'en'] as const) {
      for (const query of queries) {
        for (let page = 1; ; page += 1) {
          const trail = await auditTrail(world.deps, katrin, query, page);
          assert.ok(trail.ok, `${query}: ${JSON.stringify(!trail.ok && trail.error)}`);
          const text = cardText(renderAuditCard(trail.value, translator(locale)));
          texts.push(text);
          if (locale === 'de') shown += trail.value.entries.length;
          for (const pattern of [CAMEL_CASE, GUID, DOCUMENT_ID])
            assert.doesNotMatch(text, pattern, `${locale} ${query}, page ${page}:\n${text}`);
          if (!trail.value.hasMore) break;
        }
      }
    }
    const ofSessions = records.filter((record) => record.sessionId?.startsWith('session-2027-')).length;
    assert.ok(shown >= ofSessions && ofSessions > 20, `${shown} entries were read, ${ofSessions} of the sessions`);
    const german = texts.join('\n');
    assert.match(german, /Sitzung 2027\/1 geändert/);
    assert.match(german, /• Stand: geplant → eingeladen/);
    assert.match(german, /• Antwort: vor Ort/);
    assert.match(german, /• Sitz: Agentur für Arbeit Leipzig/);
    assert.match(german, /• Verantwortlich: Sabine Hoffmann/);
    assert.match(german, /• Stand: offen → in Bearbeitung/);
    assert.match(german, /Arbeitsgruppe angelegt[^]*• Name: AG 3 Fachkräfteeinwanderungsgesetz/);
    assert.match(german, /• Bericht in der Sitzung: Sitzung 2027\/2/);
    assert.match(german, /Change log|Audit trail/);
  });
});
