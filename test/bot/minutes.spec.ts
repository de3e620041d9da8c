import assert from 'node:assert/strict';
import type { OutboxDraft } from '../../src/app/delivery/outbox-record';
import { VERBS } from '../../src/cards/verbs';
import { renderedAsSent } from '../app/links/link-fixtures';
import { isSuperseded, minutesFile } from '../../src/app/minutes/minutes-file';
import { agreementField } from '../../src/domain/minutes/minutes-item-edit';
import { draftsOf, holdSession, storedMinutes } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const BASE_URL = 'https://gremium.example';

describe('bot: minutes from the draft to approval', function () {
  this.timeout(20_000);
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    await holdSession(world);
    bot = new BotHarness(world.deps, undefined, BASE_URL);
  });
  afterEach(async () => temp.cleanup());

  const rendered = (draft: OutboxDraft, locale = 'de-DE') =>
    renderedAsSent(world.deps, COMMITTEE, draft, BASE_URL, locale);
  const personal = (drafts: OutboxDraft[], id: string) =>
    drafts.find((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === id)!;

  async function editTopic(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    const card = firstCard(await bot.message(person('katrin'), 'protokoll'));
    const form = await bot.execute(
      person('katrin'),
      VERBS.minutesItemForm,
      actionData(card, VERBS.minutesItemForm, { itemId: (await storedMinutes(world)).items[1]!.itemId }),
    );
    assert.match(cardText(form), /Protokoll bearbeiten – Sitzung 2027\/1[^]*TOP 2 Ausbildungsabbrüche/);
    return bot.execute(person('katrin'), VERBS.minutesItemSave, {
      ...actionData(form, VERBS.minutesItemSave),
      ...fields,
    });
  }

  it('drafts, circulates, collects an objection and approves, in German', async () => {
    const draft = cardText(firstCard(await bot.message(person('katrin'), 'protokoll')));
    assert.match(
      draft,
      /Protokoll – Sitzung 2027\/1[^]*Entwurf, Fassung 1[^]*Zuletzt gespeichert von Katrin Albers[^]*Teilnehmende Institutionen: 2[^]*TOP 1 Eröffnung[^]*TOP 2 Ausbildungsabbrüche[^]*TOP 3 Verschiedenes/,
    );
    const saved = await editTopic({
      summary: 'Die Kammern berichten **deutlich**.',
      result: 'Erhebung beschlossen',
      [agreementField('new', 'text')]: 'Zahlen vorlegen',
      [agreementField('new', 'responsible')]: PEOPLE.sabine,
      [agreementField('new', 'due')]: '2027-04-30',
    });
    assert.match(
      cardText(saved),
      /Gespeichert als Fassung 2[^]*Die Kammern berichten \\\*\\\*deutlich\\\*\\\*[^]*Vereinbarung: Zahlen vorlegen – Jobcenter Leipzig, verantwortlich: Sabine Hoffmann, bis Freitag, 30\. April 2027, 24:00 Uhr/,
    );

    const circulated = await bot.execute(
      person('katrin'),
      VERBS.minutesCirculate,
      actionData(saved, VERBS.minutesCirculate),
    );
    assert.match(cardText(circulated), /Fassung 2 ist zum Versand vorgemerkt[^]*An 3 Personen, davon 2 Teilnehmende/);
    const review = await rendered(personal(await draftsOf(world, 'minutes-circulate:'), PEOPLE.thomas));
    assert.match(
      cardText(review),
      /Protokollentwurf – Sitzung 2027\/1 \(Fassung 2\)[^]*Einwände bis Donnerstag, 18\. Februar 2027, 24:00 Uhr/,
    );
    assert.ok(JSON.stringify(review).includes(`${BASE_URL}/api/minutes/`), 'links the PDF');
    const secretariatCopy = await rendered(personal(await draftsOf(world, 'minutes-circulate:'), PEOPLE.katrin));
    assert.equal(hasAction(secretariatCopy, VERBS.minutesRespond), false, 'the secretariat reads, it does not object');

    const answer = actionData(review, VERBS.minutesRespond);
    const missing = await bot.execute(person('thomas'), VERBS.minutesRespond, {
      ...answer,
      answer_1: 'object',
      comment_1: '',
    });
    assert.match(cardText(missing), /TOP 2: Ein Einwand braucht eine Begründung/);
    const receipt = await bot.execute(person('thomas'), VERBS.minutesRespond, {
      ...answer,
      answer_0: 'agree',
      answer_1: 'object',
      comment_1: 'Frist zu knapp',
    });
    assert.match(cardText(receipt), /Ihre Rückmeldung ist gespeichert/);
    assert.match(cardText(await bot.execute(person('katrin'), VERBS.minutesRespond, answer)), /nur Teilnehmende/);

    const overview = cardText(firstCard(await bot.message(person('katrin'), 'protokoll')));
    assert.match(overview, /Rückmeldungen: 0 einverstanden, 1 Einwand[^]*Einwand von Thomas Richter: Frist zu knapp/);
    const confirm = firstCard(await bot.message(person('katrin'), 'protokoll freigeben'));
    assert.match(
      cardText(confirm),
      /Protokoll der Sitzung 2027\/1 jetzt freigeben\?[^]*Einwandfrist läuft noch bis Donnerstag, 18\. Februar 2027, 24:00 Uhr[^]*liegt 1 Einwand vor/,
    );
    const approved = await bot.execute(
      person('katrin'),
      VERBS.minutesApprove,
      actionData(confirm, VERBS.minutesApprove, { confirmed: true }),
    );
    assert.match(
      cardText(approved),
      /Fassung 2 ist freigegeben[^]*1 Vereinbarung ist jetzt eine Aufgabe[^]*Freigegeben, Fassung 2[^]*Berichtigen/,
    );
    const results = await rendered(personal(await draftsOf(world, 'minutes-approved:'), PEOPLE.lena));
    assert.match(
      cardText(results),
      /Ergebnisse und Vereinbarungen – Sitzung 2027\/1[^]*Erhebung beschlossen[^]*Zahlen vorlegen/,
    );
    assert.doesNotMatch(cardText(results), /Kammern berichten/, 'no internal discussion for the working group');
    const [, token] = /\/api\/minutes\/[^/"]+\/session-2027-1\/([^/"]+)\.pdf/.exec(JSON.stringify(results)) ?? [];
    assert.ok(token, 'the results card links a PDF');
    const extract = await minutesFile(world.deps, COMMITTEE, SESSION_1, token);
    assert.ok(extract && !isSuperseded(extract) && extract.print.extract, 'the working group is linked to the extract');
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'protokoll freigeben'))),
      /bereits freigegeben/,
    );
  });

  it('speaks English to English clients', async () => {
    const card = cardText(firstCard(await bot.message(person('katrin'), 'minutes 2027/1', { locale: 'en-US' })));
    assert.match(card, /Minutes – Session 2027\/1[^]*Draft, version 1/);
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'circulate minutes', { locale: 'en-US' }))),
      /Version 1 is queued for sending/,
    );
    assert.match(
      cardText(await bot.confirmed(person('katrin'), 'approve minutes', { locale: 'en-US' })),
      /Version 1 is approved/,
    );
  });

  it('refuses members, tampered ids, outdated cards, past due dates and oversized text, changing nothing', async () => {
    for (const command of ['protokoll', 'protokoll versenden', 'protokoll freigeben']) {
      assert.match(
        cardText(firstCard(await bot.message(person('birgit'), command))),
        /Nur die Geschäftsstelle/,
        command,
      );
    }
    assert.match(
      cardText(await bot.execute(person('birgit'), VERBS.minutesOpen, { sessionId: SESSION_1 })),
      /Nur die Geschäftsstelle/,
    );
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.minutesOpen, { sessionId: 'session-../../x' })),
      /gibt es nicht/,
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'protokoll 2027/2'))),
      /Die Sitzung 2027\/2 hat noch nicht stattgefunden\. Das Protokoll beginnt, sobald am Sitzungstag die Anwesenheit erfasst ist: „anwesenheit 2027\/2“/,
    );

    const past = await editTopic({
      summary: 'getippt',
      [agreementField('new', 'text')]: 'Zu spät',
      [agreementField('new', 'responsible')]: PEOPLE.sabine,
      [agreementField('new', 'due')]: '2027-01-01',
    });
    assert.match(cardText(past), /Nichts[^]*Fällig am \(Vereinbarung 1\): Das Datum liegt in der Vergangenheit/i);
    assert.ok(JSON.stringify(past).includes('getippt'), 'typed text is kept');
    const oversized = await editTopic({ summary: 'x'.repeat(4001) });
    assert.match(cardText(oversized), /Zusammenfassung/);
    const unknown = await editTopic({
      [agreementField('new', 'text')]: 'Fremd',
      [agreementField('new', 'responsible')]: 'ffffffff-9999-0000-0000-000000000000',
      [agreementField('new', 'institution')]: 'X',
      [agreementField('new', 'due')]: '2027-04-01',
    });
    assert.match(cardText(unknown), /nicht \(mehr\) aktiv/);
    assert.equal((await storedMinutes(world)).version, 1);

    const card = firstCard(await bot.message(person('katrin'), 'protokoll'));
    const form = await bot.execute(person('katrin'), VERBS.minutesItemForm, actionData(card, VERBS.minutesItemForm));
    await editTopic({ summary: 'zuerst' });
    const stale = await bot.execute(person('katrin'), VERBS.minutesItemSave, {
      ...actionData(form, VERBS.minutesItemSave),
      summary: 'danach',
    });
    assert.match(cardText(stale), /inzwischen geändert[^]*Fassung 2/);
    assert.equal((await storedMinutes(world)).version, 2);
  });
});
