import assert from 'node:assert/strict';
import { inviteAsSecretariat } from '../../src/app/sessions/invite-to-session';
import { MAX_MESSAGE_LENGTH } from '../../src/bot/command-parser';
import { VERBS } from '../../src/cards/verbs';
import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';
import { approveAgreements, at, draftsOf, minutesWith } from '../app/agreements/agreement-fixtures';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { committeeDocuments } from '../fuzz/fuzz-world';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { actionData, BotHarness, cardText, firstCard, hasAction } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;

/** Every document of the committee, without ETags: what "nothing was stored" is compared on. */
async function stored(temp: TempStore): Promise<string> {
  const documents = await committeeDocuments(temp.store);
  return JSON.stringify(
    documents.map(({ _etag, _ts, ...document }) => document).sort((a, b) => String(a.id).localeCompare(String(b.id))),
  );
}

/** The value an input of the card shows. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  JSON.stringify(card, (_key, value: unknown) => {
    const candidate = value as { type?: unknown; id?: unknown; value?: unknown } | null;
    if (candidate && typeof candidate.type === 'string' && candidate.type.startsWith('Input.') && candidate.id === id)
      found = candidate.value;
    return value;
  });
  return found;
}

/**
 * Over-long or malformed input, by every kind of input a person types: it comes back on its form
 * with the text as typed and what is wrong with it, and nothing is stored. Never cut, never
 * ignored.
 */
describe('bot: typed input comes back whole with its problem, and nothing is stored', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps);
  });
  afterEach(async () => temp.cleanup());

  describe('topic lines in the chat', () => {
    it('offers the form with a title one word too long, whole, and the limit', async () => {
      const before = await stored(temp);
      const title = `${'Ausbildungsabbrüche bei Geflüchteten in Leipzig '.repeat(4)}und Nordsachsen`;
      assert.ok(title.length > 200);
      const card = firstCard(await bot.message(person('lena'), `thema: ${title} – Zahlen der Kammern`));
      assert.equal(inputValue(card, 'title'), title, 'the title as typed, not cut at 200');
      assert.equal(inputValue(card, 'description'), 'Zahlen der Kammern');
      assert.match(cardText(card), /Bitte prüfen Sie Ihre Themenanmeldung[^]*Titel: höchstens 200 Zeichen/);
      assert.ok(hasAction(card, VERBS.topicSubmit), 'the form to send it again');
      assert.equal(await stored(temp), before);
    });

    it(`offers the form for a line longer than ${MAX_MESSAGE_LENGTH} characters, with its text`, async () => {
      const before = await stored(temp);
      const description = `${'Die Kammern melden steigende Abbruchzahlen. '.repeat(100)}Ende.`;
      assert.ok(description.length > MAX_MESSAGE_LENGTH);
      const card = firstCard(await bot.message(person('lena'), `thema: Ausbildungsabbrüche – ${description}`));
      assert.equal(inputValue(card, 'title'), 'Ausbildungsabbrüche');
      assert.equal(inputValue(card, 'description'), description, 'the description whole');
      assert.match(cardText(card), /Beschreibung: höchstens 4000 Zeichen/);
      assert.doesNotMatch(cardText(card), /höchstens 4000 Zeichen lang sein/, 'not the bare "message too long"');
      assert.equal(await stored(temp), before);
    });

    it('reads an English topic line alike', async () => {
      const card = firstCard(await bot.message({ ...person('lena') }, `topic: ${'T'.repeat(230)}`));
      assert.equal(inputValue(card, 'title'), 'T'.repeat(230));
    });
  });

  describe('number fields', () => {
    it('keeps "zwanzig" in the time a submission asks for, says what is wrong, and stores nothing', async () => {
      const before = await stored(temp);
      const card = await bot.execute(person('lena'), VERBS.topicSubmit, {
        kind: 'topic',
        title: 'Sprachkurse',
        description: 'Wartezeiten',
        desiredMinutes: 'zwanzig',
      });
      assert.equal(inputValue(card, 'desiredMinutes'), 'zwanzig');
      assert.equal(inputValue(card, 'title'), 'Sprachkurse');
      assert.match(cardText(card), /Gewünschte Zeit: Bitte eine ganze Zahl in Ziffern angeben, z\. B\. 20\./);
      assert.equal(await stored(temp), before);
    });

    it('keeps "zwanzig" and a title too long on the agenda item form, and stores nothing', async () => {
      const agenda = firstCard(await bot.message(person('katrin'), 'tagesordnung'));
      const { itemId: _item, ...session } = actionData(agenda, VERBS.agendaItemForm);
      const form = await bot.execute(person('katrin'), VERBS.agendaItemForm, session);
      assert.match(cardText(form), /Neuer Tagesordnungspunkt/);
      const before = await stored(temp);
      const title = `${'Berufsorientierung an Oberschulen und Gymnasien '.repeat(5)}im Landkreis`;
      const card = await bot.execute(person('katrin'), VERBS.agendaItemSave, {
        ...actionData(form, VERBS.agendaItemSave),
        title,
        presenter: 'Katrin Albers',
        minutes: 'zwanzig',
        kind: 'discussion',
      });
      assert.equal(inputValue(card, 'title'), title, 'the title as typed, not cut at 200 mid-word');
      assert.equal(inputValue(card, 'minutes'), 'zwanzig');
      const text = cardText(card);
      assert.match(text, /Titel: Höchstens 200 Zeichen\./);
      assert.match(text, /Dauer in Minuten: Bitte eine ganze Zahl in Ziffern angeben, z\. B\. 15\./);
      assert.equal(await stored(temp), before);
    });

    it('keeps a word in the minutes of a decision on a submission, and stores nothing', async () => {
      await bot.message(person('lena'), 'thema: Ausbildungsabbrüche – Zahlen der Kammern');
      const list = firstCard(await bot.message(person('katrin'), 'themen'));
      const form = await bot.execute(person('katrin'), VERBS.topicDecideForm, actionData(list, VERBS.topicDecideForm));
      const before = await stored(temp);
      const card = await bot.execute(person('katrin'), VERBS.topicDecide, {
        ...actionData(form, VERBS.topicDecide, { decision: 'accept' }),
        presenter: 'Lena Vogt',
        minutes: '20 Minuten',
        kind: 'decision',
      });
      assert.equal(inputValue(card, 'minutes'), '20 Minuten');
      assert.equal(inputValue(card, 'presenter'), 'Lena Vogt');
      assert.match(cardText(card), /Dauer in Minuten: Bitte eine ganze Zahl in Ziffern angeben/);
      assert.equal(await stored(temp), before);
    });
  });

  describe('a command with too long a text after its word', () => {
    it('shows the text again to shorten, runs nothing, and sends it once shortened', async () => {
      const before = await stored(temp);
      const typed = 'Sabine Hoffmann, Agentur für Arbeit Leipzig, Geschäftsbereich Arbeitsmarkt und Integration';
      const card = firstCard(await bot.message(person('katrin'), `änderungen ${typed} ${typed} ${typed}`));
      const text = cardText(card);
      assert.match(text, /„änderungen“: Der Zusatz ist zu lang/);
      assert.match(text, /höchstens 200 Zeichen, Ihr Zusatz hat 272\. Es wurde nichts ausgeführt/);
      assert.equal(inputValue(card, 'argument'), `${typed} ${typed} ${typed}`, 'the text as typed, case kept');
      assert.equal(await stored(temp), before);
      const sent = await bot.execute(person('katrin'), VERBS.commandRun, {
        ...actionData(card, VERBS.commandRun),
        argument: 'Sabine Hoffmann',
      });
      assert.match(cardText(sent), /Änderungsprotokoll – Sabine Hoffmann/);
    });

    it('answers a year that is no year, once shortened, as the command would', async () => {
      const card = firstCard(await bot.message(person('katrin'), `sitzungen planen ${'2028 '.repeat(20)}`));
      assert.match(cardText(card), /„sitzungen planen“: Der Zusatz ist zu lang/);
      const planned = await bot.execute(person('katrin'), VERBS.commandRun, {
        ...actionData(card, VERBS.commandRun),
        argument: '2028',
      });
      assert.match(cardText(planned), /2028/);
      const still = await bot.execute(person('katrin'), VERBS.commandRun, {
        ...actionData(card, VERBS.commandRun),
        argument: '2028 '.repeat(20),
      });
      assert.match(cardText(still), /Der Zusatz ist zu lang/, 'still too long: the same card again');
    });

    it('keeps its rules: a command for the 1:1 chat only, or not the person’s to use', async () => {
      const card = firstCard(await bot.message(person('katrin'), `änderungen ${'x'.repeat(250)}`));
      const member = await bot.execute(person('birgit'), VERBS.commandRun, {
        ...actionData(card, VERBS.commandRun),
        argument: 'Sabine Hoffmann',
      });
      assert.match(cardText(member), /Nur die Geschäftsstelle/);
      const tampered = await bot.execute(person('katrin'), VERBS.commandRun, { command: 'myData', argument: 'x' });
      assert.match(cardText(tampered), /keinen Befehl, den Gremium kennt/);
    });
  });

  describe('texts of other forms', () => {
    it('keeps a note too long for an action item, with the limit, and stores nothing', async () => {
      at(world, '2027-02-15T10:00:00.000Z');
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const [created] = (await draftsOf(world, 'minutes-approved:')).filter(
        (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE.yusuf,
      );
      const item = createMessageRenderer('de').render(
        created!.message,
        'de-DE',
        {},
        {
          committeeId: COMMITTEE,
          shortName: 'KOG',
        },
      ).attachments![0]!.content as Record<string, unknown>;
      const before = await stored(temp);
      const note = `Die Zahlen liegen vor. ${'Einzelheiten folgen in der nächsten Sitzung. '.repeat(25)}`.trim();
      assert.ok(note.length > 1000);
      const card = await bot.execute(person('yusuf'), VERBS.actionStatus, {
        ...actionData(item, VERBS.actionStatus, { status: 'done' }),
        note,
      });
      assert.equal(inputValue(card, 'note'), note);
      assert.match(cardText(card), /höchstens 1000 Zeichen/);
      assert.equal(await stored(temp), before);
    });

    it('keeps the name of a colleague too long on the invitation, with the limit, and stores nothing', async () => {
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(invited.ok);
      const session = await world.session();
      const before = await stored(temp);
      const name = `Dr. ${'Maximiliane Müller-Lüdenscheidt '.repeat(4)}`.trim();
      assert.ok(name.length > 120);
      const card = await bot.execute(person('birgit'), VERBS.rsvpAnswer, {
        sessionId: SESSION_1,
        personId: PEOPLE.birgit,
        revision: session.revision,
        choice: 'delegate',
        delegateName: name,
      });
      assert.equal(inputValue(card, 'delegateName'), name);
      assert.match(cardText(card), /höchstens 120 Zeichen/);
      assert.match(cardText(card), /Einladung/, 'the invitation itself, not a notice in its place');
      assert.equal(await stored(temp), before);
    });
  });
});
