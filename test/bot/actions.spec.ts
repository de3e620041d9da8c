import assert from 'node:assert/strict';
import type { OutboxDraft } from '../../src/app/delivery/outbox-record';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { VERBS } from '../../src/cards/verbs';
import { agreement, approveAgreements, at, draftsOf, minutesWith } from '../app/agreements/agreement-fixtures';
import { chatPerson, COMMITTEE, PEOPLE, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;

describe('bot: action items', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
    at(world, '2027-02-15T10:00:00.000Z');
    await approveAgreements(
      world,
      minutesWith([
        { id: 'a1', text: 'Zahlen zu **Ausbildungsabbrüchen** vorlegen', dueDate: '2027-03-31' },
        { id: 'a2', dueDate: '2027-04-30', responsibleId: PEOPLE.birgit, institution: 'Agentur für Arbeit Leipzig' },
      ]),
    );
  });
  afterEach(async () => temp.cleanup());

  const rendered = (draft: OutboxDraft, locale = 'de-DE') =>
    createMessageRenderer('de').render(draft.message, locale, {}, { committeeId: COMMITTEE, shortName: 'KOG' })
      .attachments![0]!.content as Record<string, unknown>;

  /** The item card as the responsible person received it 1:1. */
  async function receivedCard(): Promise<Record<string, unknown>> {
    const [created] = (await draftsOf(world, 'minutes-approved:')).filter(
      (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE.yusuf,
    );
    return rendered(created!);
  }

  it('sends the responsible person the item, who marks it done with a note', async () => {
    const card = await receivedCard();
    const text = cardText(card);
    assert.match(text, /Neue Aufgabe für Sie aus der Sitzung 2027\/1/);
    assert.match(text, /Zahlen zu \\\*\\\*Ausbildungsabbrüchen\\\*\\\* vorlegen/);
    assert.match(
      text,
      /Ausbildungsabbrüche[^]*IHK zu Leipzig[^]*Yusuf Demir[^]*Mittwoch, 31\. März 2027, 24:00 Uhr[^]*Offen/,
    );
    assert.match(
      cardText(rendered((await draftsOf(world, 'minutes-approved:'))[0]!, 'en-US')),
      /A new action item for you \(Session 2027\/1\)[^]*Wednesday, 31 March 2027, end of day/,
    );
    const done = await bot.execute(person('yusuf'), VERBS.actionStatus, {
      ...actionData(card, VERBS.actionStatus, { status: 'done' }),
      note: 'Zahlen liegen vor',
    });
    assert.match(cardText(done), /Gespeichert: Erledigt[^]*Verlauf[^]*Yusuf Demir: Erledigt „Zahlen liegen vor“/);
    assert.equal((await agreement(world, 'a1')).status, 'done');
    assert.equal(hasAction(done, VERBS.actionStatus, { status: 'done' }), false);
    const agenda = cardText(firstCard(await bot.message(person('katrin'), 'tagesordnung 2027/2')));
    assert.match(
      agenda,
      /Stand der Vereinbarungen[^]*Ausbildungsabbrüchen[^]*IHK zu Leipzig · zu erledigen bis Mittwoch, 31\. März 2027, 24:00 Uhr · Erledigt/,
    );
  });

  it('refuses a member who is not responsible, and a tampered id, changing nothing', async () => {
    const card = await receivedCard();
    const refused = await bot.execute(
      person('birgit'),
      VERBS.actionStatus,
      actionData(card, VERBS.actionStatus, { status: 'done' }),
    );
    assert.match(cardText(refused), /Nur die verantwortliche Person oder die Geschäftsstelle/);
    const tampered = await bot.execute(person('yusuf'), VERBS.actionStatus, {
      ...actionData(card, VERBS.actionStatus, { status: 'done' }),
      agreementId: 'agreement-session-2027-1-zz',
    });
    assert.match(cardText(tampered), /Diese Aufgabe gibt es nicht/);
    const foreign = await bot.execute(person('yusuf'), VERBS.actionOpen, { agreementId: '../committee' });
    assert.match(cardText(foreign), /Diese Aufgabe gibt es nicht/);
    const status = await bot.execute(person('yusuf'), VERBS.actionStatus, {
      ...actionData(card, VERBS.actionStatus, { status: 'done' }),
      status: 'open',
    });
    assert.match(cardText(status), /Diesen Stand gibt es nicht/);
    const past = await bot.execute(person('yusuf'), VERBS.actionProposeDue, {
      ...actionData(card, VERBS.actionProposeDue),
      dueDate: '2027-02-14',
    });
    assert.match(cardText(past), /nicht in der Vergangenheit/);
    const long = await bot.execute(person('yusuf'), VERBS.actionStatus, {
      ...actionData(card, VERBS.actionStatus, { status: 'done' }),
      note: 'x'.repeat(1001),
    });
    assert.match(cardText(long), /höchstens 1000 Zeichen/);
    assert.deepEqual([(await agreement(world, 'a1')).status, (await agreement(world, 'a1')).revision], ['open', 1]);
  });

  it('answers an outdated card with the current card and a message, changing nothing', async () => {
    const card = await receivedCard();
    await bot.execute(
      person('yusuf'),
      VERBS.actionStatus,
      actionData(card, VERBS.actionStatus, { status: 'inProgress' }),
    );
    const outdated = await bot.execute(person('yusuf'), VERBS.actionStatus, {
      ...actionData(card, VERBS.actionStatus, { status: 'blocked' }),
      note: 'Hilfe',
    });
    assert.match(cardText(outdated), /nicht mehr aktuell[^]*In Bearbeitung/);
    assert.equal((await agreement(world, 'a1')).status, 'inProgress');
  });

  it('lets the secretariat accept a proposed due date from the card it receives', async () => {
    const card = await receivedCard();
    const proposed = await bot.execute(person('yusuf'), VERBS.actionProposeDue, {
      ...actionData(card, VERBS.actionProposeDue),
      dueDate: '2027-04-30',
      note: 'Kammer liefert später',
    });
    assert.match(
      cardText(proposed),
      /Ihr Vorschlag ist gespeichert; die Nachricht an die Geschäftsstelle ist zum Versand vorgemerkt/,
    );
    const id = (await agreement(world, 'a1')).id;
    const [toSecretariat] = await draftsOf(world, `action:${id}:r2`);
    const decision = rendered(toSecretariat!);
    assert.match(
      cardText(decision),
      /Yusuf Demir schlägt einen neuen Termin vor[^]*Freitag, 30\. April 2027, 24:00 Uhr \(von Yusuf Demir\)[^]*Kammer liefert später/,
    );
    const byMember = await bot.execute(
      person('yusuf'),
      VERBS.actionDecideDue,
      actionData(decision, VERBS.actionDecideDue, { decision: 'accept' }),
    );
    assert.match(cardText(byMember), /entscheidet nur die Geschäftsstelle/);
    const accepted = await bot.execute(
      person('katrin'),
      VERBS.actionDecideDue,
      actionData(decision, VERBS.actionDecideDue, { decision: 'accept' }),
    );
    assert.match(cardText(accepted), /Der neue Termin gilt[^]*Freitag, 30\. April 2027, 24:00 Uhr/);
    assert.equal((await agreement(world, 'a1')).dueDate, '2027-04-30');
    const [told] = await draftsOf(world, `action:${id}:r3`);
    assert.match(cardText(rendered(told!)), /hat den neuen Termin angenommen/);
  });

  it('lists items by command and filter, and opens one from the list', async () => {
    const mine = firstCard(await bot.message(person('yusuf'), 'aufgaben'));
    assert.match(cardText(mine), /Meine Aufgaben[^]*1 Aufgabe[^]*Ausbildungsabbrüchen/);
    assert.doesNotMatch(cardText(mine), /Vereinbarung a2/);
    const all = firstCard(await bot.message(person('lena'), 'aufgaben alle'));
    assert.match(cardText(all), /Alle Aufgaben[^]*2 Aufgaben/);
    const filtered = await bot.execute(person('lena'), VERBS.actionsOpen, {
      ...actionData(all, VERBS.actionsOpen),
      scope: 'all',
      institution: 'Agentur für Arbeit Leipzig',
    });
    assert.match(cardText(filtered), /Alle Aufgaben – Agentur für Arbeit Leipzig[^]*1 Aufgabe[^]*Vereinbarung a2/);
    const opened = await bot.execute(person('lena'), VERBS.actionOpen, actionData(filtered, VERBS.actionOpen));
    assert.match(
      cardText(opened),
      /Vereinbarung a2[^]*Birgit Lehmann[^]*Nur die verantwortliche Person und die Geschäftsstelle/,
    );
    assert.equal(hasAction(opened, VERBS.actionStatus), false);
    const english = firstCard(await bot.message(person('yusuf'), 'actions overdue', { locale: 'en-US' }));
    assert.match(cardText(english), /Overdue action items[^]*No action items found/);
  });
});
