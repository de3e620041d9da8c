import assert from 'node:assert/strict';
import type { CommitteeDocument } from '../../src/app/documents';
import { inviteAsSecretariat } from '../../src/app/sessions/invite-to-session';
import { VERBS } from '../../src/cards/verbs';
import type { PersonDocument } from '../../src/app/documents';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../src/domain/ids';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, useSessionWorld } from '../app/sessions/session-world';
import { actionData, alice, BotHarness, cardText, firstCard, IN_KOG_TEAM } from '../support/bot-harness';
import { useTempStore } from '../support/temp-store';
import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';

/** The value an input of the card shows, by its id. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  JSON.stringify(card, (_key, value: unknown) => {
    const element = value as { type?: unknown; id?: unknown; value?: unknown } | null;
    if (element && typeof element.type === 'string' && element.type.startsWith('Input.') && element.id === id)
      found = element.value;
    return value;
  });
  return found;
}

/**
 * Text with a control character is refused on the form it was typed into: a clear message,
 * the typed text kept in the form to correct, nothing stored.
 */
describe('bot: free text with control characters', () => {
  const fixture = useSessionWorld();

  it('refuses a session place with a carriage return, keeping what was typed (German and English)', async () => {
    const { world } = fixture;
    const bot = new BotHarness(world.deps);
    const before = await world.session();
    const list = firstCard(await bot.message(chatPerson('katrin'), 'sitzungen planen 2027'));
    const form = await bot.execute(
      chatPerson('katrin'),
      VERBS.sessionEdit,
      actionData(list, VERBS.sessionEdit, { sessionId: SESSION_1 }),
    );
    const save = { ...actionData(form, VERBS.sessionSave), date: '2027-02-11', time: '14:00' };
    const place = 'Neues Rathaus\rATTENDEE:mailto:jemand@example.org';

    const german = await bot.execute(chatPerson('katrin'), VERBS.sessionSave, { ...save, place });
    assert.match(cardText(german), /Bitte prüfen Sie Ihre Angaben[^]*Ort: Bitte ohne Steuerzeichen/);
    assert.equal(inputValue(german, 'place'), place, 'the typed place stays in the form');
    const english = await bot.execute(
      chatPerson('katrin'),
      VERBS.sessionSave,
      { ...save, place, chair: 'Jobcenter\tLeipzig' },
      { locale: 'en-US' },
    );
    assert.match(
      cardText(english),
      /Place: Please without control characters[^]*Chair: Please without control characters/,
    );
    assert.equal(inputValue(english, 'chair'), 'Jobcenter\tLeipzig');

    const after = await world.session();
    assert.deepEqual(
      [after.place, after.chair, after.revision, after.updatedAt],
      [before.place, before.chair, before.revision, before.updatedAt],
      'nothing stored',
    );
  });

  it('refuses a committee name with a control character on the set-up card, keeping what was typed', async () => {
    const { world } = fixture;
    const bot = new BotHarness(world.deps);
    const before = await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
    const setup = firstCard(await bot.message(chatPerson('katrin'), 'einrichten'));
    const answers = {
      ...actionData(setup, VERBS.setupSave),
      name: 'Koordinierungsgremium\u0007 Leipzig',
      shortName: 'KOG',
      timeZone: 'Europe/Berlin',
      terms: '1-4,5-8,9-12',
      sessionLengthMinutes: '180',
      firstChair: 'Oberbürgermeister',
      rotatingChairs: 'Jobcenter Leipzig\nAgentur für Arbeit\rLeipzig',
      callForTopicsDays: '42',
      topicDeadlineDays: '21',
      agendaDispatchDays: '14',
      rsvpReminderDays: '7',
      workingGroupConversationId: 'none',
    };
    const card = await bot.execute(chatPerson('katrin'), VERBS.setupSave, answers);
    assert.match(cardText(card), /Es wurde nichts gespeichert[^]*Bitte ohne Steuerzeichen/);
    assert.equal(
      (cardText(card).match(/Bitte ohne Steuerzeichen/g) ?? []).length,
      4,
      'the name and the rotating chairs, in the banner on top and again at the bottom of the tall form',
    );
    assert.equal(inputValue(card, 'name'), answers.name, 'the typed name stays in the form');
    assert.deepEqual(
      await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID),
      before,
      'nothing stored',
    );
  });

  it('refuses the name of a colleague with a line break on the invitation, storing nothing', async () => {
    const { world } = fixture;
    assert.ok(
      (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
    );
    const bot = new BotHarness(world.deps);
    const click = {
      sessionId: SESSION_1,
      personId: PEOPLE.sabine,
      revision: (await world.session()).revision,
      choice: 'delegate',
      delegateName: 'Erika Muster\r\nX-INJECTED:1',
    };
    assert.match(
      cardText(await bot.execute(chatPerson('sabine'), VERBS.rsvpAnswer, click)),
      /ohne Steuerzeichen[^]*Es wurde nichts gespeichert/,
    );
    assert.deepEqual(await world.rsvps(), []);
  });
});

describe('bot: names that Teams supplies', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');

  it('stores the display name of the activity without control characters', async () => {
    const bot = new BotHarness(fixture.deps);
    const named = { ...alice, name: 'Alice\r\nX-INJECTED:1\u0007 Adler' };
    const setup = firstCard(await bot.message(named, 'einrichten', IN_KOG_TEAM));
    const card = await bot.execute(
      named,
      VERBS.setupSave,
      {
        ...actionData(setup, VERBS.setupSave),
        name: 'Koordinierungsgremium Leipzig',
        shortName: 'KOG',
        timeZone: 'Europe/Berlin',
        terms: '1-4,5-8,9-12',
        sessionLengthMinutes: '180',
        firstChair: 'Oberbürgermeister',
        rotatingChairs: 'Jobcenter Leipzig',
        callForTopicsDays: '42',
        topicDeadlineDays: '21',
        agendaDispatchDays: '14',
        rsvpReminderDays: '7',
        workingGroupConversationId: 'none',
      },
      IN_KOG_TEAM,
    );
    assert.match(cardText(card), /Gremium eingerichtet/);
    const committee = (await fixture.temp.store.query<CommitteeDocument>(COMMITTEE, { type: 'committee' }))[0];
    assert.ok(committee);
    const person = await fixture.temp.store.get<PersonDocument>(
      committee.committeeId,
      personDocumentId(alice.aadObjectId),
    );
    assert.equal(person?.displayName, 'Alice X-INJECTED:1 Adler');
  });
});
