import assert from 'node:assert/strict';
import type { AgreementDocument } from '../../src/app/agreements/agreement-document';
import type { OutboxDraft } from '../../src/app/delivery/outbox-record';
import { isSuperseded, minutesFile } from '../../src/app/minutes/minutes-file';
import { VERBS } from '../../src/cards/verbs';
import { renderedAsSent } from '../app/links/link-fixtures';
import { agreementField } from '../../src/domain/minutes/minutes-item-edit';
import { draftsOf, holdSession, storedMinutes } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const BASE_URL = 'https://gremium.example';

/**
 * The whole path of issue 6 through the bot, as the people click it: the secretariat drafts the
 * minutes with one agreement, circulates them, the responsible member agrees and the minutes are
 * approved; the working group gets the results, the member the action item, which she marks
 * done; the next session's agenda reports the agreement as done.
 */
describe('bot: from the minutes to the action items and back onto the next agenda', function () {
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
  const to = (drafts: readonly OutboxDraft[], id: string) =>
    drafts.filter((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === id);

  /** Drafts, circulates and approves minutes whose topic item has one agreement for Birgit, who agrees first. */
  async function approveWithAgreementForBirgit(): Promise<void> {
    const overview = firstCard(await bot.message(person('katrin'), 'protokoll'));
    const topic = (await storedMinutes(world)).items.find((item) => item.title === 'Ausbildungsabbrüche')!;
    const form = await bot.execute(
      person('katrin'),
      VERBS.minutesItemForm,
      actionData(overview, VERBS.minutesItemForm, { itemId: topic.itemId }),
    );
    const saved = await bot.execute(person('katrin'), VERBS.minutesItemSave, {
      ...actionData(form, VERBS.minutesItemSave),
      summary: 'Die Kammern berichten über interne Zahlen.',
      result: 'Die Agentur legt eine Auswertung vor.',
      [agreementField('new', 'text')]: 'Auswertung der Ausbildungsabbrüche vorlegen',
      [agreementField('new', 'responsible')]: PEOPLE.birgit,
      [agreementField('new', 'due')]: '2027-04-30',
    });
    assert.match(
      cardText(saved),
      /Gespeichert als Fassung 2[^]*Vereinbarung: Auswertung der Ausbildungsabbrüche vorlegen – Agentur für Arbeit Leipzig, verantwortlich: Birgit Lehmann, bis Freitag, 30\. April 2027, 24:00 Uhr/,
    );

    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'protokoll versenden'))),
      /Fassung 2 ist zum Versand vorgemerkt/,
    );
    const [review] = to(await draftsOf(world, 'minutes-circulate:'), PEOPLE.birgit);
    assert.ok(review, 'Birgit attended and receives the minutes for review');
    const reviewCard = await rendered(review);
    const answers = Object.fromEntries(
      (await storedMinutes(world)).items.map((_item, index) => [`answer_${index}`, 'agree']),
    );
    const receipt = await bot.execute(person('birgit'), VERBS.minutesRespond, {
      ...actionData(reviewCard, VERBS.minutesRespond),
      ...answers,
    });
    assert.match(cardText(receipt), /Ihre Rückmeldung ist gespeichert/);
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'protokoll'))),
      /Rückmeldungen: 1 einverstanden, 0 Einwände/,
    );

    // The objection period still runs: approving asks, and the click on the question approves.
    const approved = cardText(await bot.confirmed(person('katrin'), 'protokoll freigeben'));
    assert.match(approved, /Fassung 2 ist freigegeben[^]*1 Vereinbarung ist jetzt eine Aufgabe/);
  }

  it('approves the minutes, sends the results and the action item, takes the item to done and reports it on the next agenda', async () => {
    await approveWithAgreementForBirgit();

    const approval = await draftsOf(world, 'minutes-approved:');
    const [results] = to(approval, PEOPLE.lena);
    assert.ok(results, 'the working group (1:1, as no channel is set up) gets the results');
    const resultsText = cardText(await rendered(results));
    assert.match(
      resultsText,
      /Ergebnisse und Vereinbarungen – Sitzung 2027\/1[^]*Die Agentur legt eine Auswertung vor\.[^]*Auswertung der Ausbildungsabbrüche vorlegen/,
    );
    assert.doesNotMatch(resultsText, /interne Zahlen/, 'the working group never reads the internal discussion');

    const birgits = to(approval, PEOPLE.birgit);
    const actionDraft = birgits.find((draft) => draft.key.startsWith('action-created:'));
    assert.ok(
      actionDraft,
      `Birgit's action item is in the approval's dispatch: ${birgits.map((draft) => draft.key).join(', ')}`,
    );
    const actionCard = await rendered(actionDraft);
    assert.match(
      cardText(actionCard),
      /Neue Aufgabe für Sie aus der Sitzung 2027\/1[^]*Auswertung der Ausbildungsabbrüche vorlegen[^]*Agentur für Arbeit Leipzig[^]*Birgit Lehmann[^]*Freitag, 30\. April 2027, 24:00 Uhr[^]*Offen/,
    );
    assert.match(
      cardText(await rendered(actionDraft, 'en-US')),
      /A new action item for you \(Session 2027\/1\)[^]*Friday, 30 April 2027, end of day/,
    );

    world.clock.advance(3 * 24 * 3600_000);
    const done = await bot.execute(person('birgit'), VERBS.actionStatus, {
      ...actionData(actionCard, VERBS.actionStatus, { status: 'done' }),
      note: 'Auswertung verschickt',
    });
    assert.match(cardText(done), /Gespeichert: Erledigt[^]*Birgit Lehmann: Erledigt „Auswertung verschickt“/);
    assert.equal(
      hasAction(done, VERBS.actionStatus, { status: 'done' }),
      false,
      'done is final for the responsible person',
    );
    const [stored] = await world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' });
    assert.deepEqual([stored?.status, stored?.sessionId, stored?.responsibleId], ['done', SESSION_1, PEOPLE.birgit]);

    const agenda = cardText(firstCard(await bot.message(person('katrin'), 'tagesordnung 2027/2')));
    assert.match(
      agenda,
      /Stand der Vereinbarungen[^]*Auswertung der Ausbildungsabbrüche vorlegen[^]*Agentur für Arbeit Leipzig · zu erledigen bis Freitag, 30\. April 2027, 24:00 Uhr · Erledigt/,
    );
  });

  it("links the working group's results card to the extract: results and agreements, no summary", async () => {
    await approveWithAgreementForBirgit();
    const [results] = to(await draftsOf(world, 'minutes-approved:'), PEOPLE.lena);
    const link = JSON.stringify(await rendered(results!)).match(
      /https:\/\/gremium\.example\/api\/minutes\/([^/"]+)\/([^/"]+)\/([^/"]+)\.pdf/,
    );
    assert.ok(link, 'the results card links a PDF');
    const [committeeId, sessionId, token] = link.slice(1).map(decodeURIComponent) as [string, string, string];
    const file = await minutesFile(world.deps, committeeId, sessionId, token);
    assert.ok(file && !isSuperseded(file), 'the link resolves to a file');
    assert.equal(file.fileName, 'Protokoll-Auszug-KOG-2027-1.pdf');
    assert.equal(file.print.extract, true);
    assert.equal(file.print.status, 'approved');
    assert.deepEqual(file.print.participants, [], 'no names of participants in the extract');
    const topic = file.print.items.find((item) => item.title === 'Ausbildungsabbrüche');
    assert.equal(topic?.result, 'Die Agentur legt eine Auswertung vor.');
    assert.deepEqual(
      topic?.agreements.map((agreement) => [agreement.text, agreement.responsibleName, agreement.dueDate]),
      [['Auswertung der Ausbildungsabbrüche vorlegen', 'Birgit Lehmann', '2027-04-30']],
    );
    assert.ok(
      file.print.items.every((item) => item.summary === undefined),
      'no item carries the internal discussion',
    );
    assert.doesNotMatch(JSON.stringify(file.print), /interne Zahlen/);
  });
});
