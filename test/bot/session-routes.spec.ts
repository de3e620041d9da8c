import assert from 'node:assert/strict';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import { renderedAsSent } from '../app/links/link-fixtures';
import { VERBS } from '../../src/cards/verbs';
import { chatPerson, COMMITTEE, PEOPLE, type PersonKey, SESSION_1, SessionWorld } from '../app/sessions/session-world';
import { actionData, BotHarness, cardText, firstCard, type Person } from '../support/bot-harness';
import { openTempStore, type TempStore } from '../support/temp-store';

const person = chatPerson;
const stranger: Person = { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-00000000beef', name: 'Fremd' };

describe('bot: the session cycle in chat', () => {
  let temp: TempStore;
  let world: SessionWorld;
  let bot: BotHarness;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
    bot = new BotHarness(world.deps, undefined, 'https://gremium.example.org');
  });
  afterEach(async () => temp.cleanup());

  /** The invitation card the outbox would send to a person, rendered as the sender would. */
  async function invitationFor(key: PersonKey, locale = 'de-DE'): Promise<Record<string, unknown>> {
    const dispatches = await temp.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
    const draft = dispatches
      .flatMap((dispatch) => dispatch.drafts)
      .find((candidate) => candidate.recipient.kind === 'person' && candidate.recipient.aadObjectId === PEOPLE[key]);
    assert.ok(draft, `no invitation for ${key}`);
    return renderedAsSent(world.deps, COMMITTEE, draft, 'https://gremium.example.org', locale);
  }

  it('plans a year by command and answers members with a refusal', async () => {
    const planned = cardText(firstCard(await bot.message(person('katrin'), 'Sitzungen planen 2028')));
    assert.match(planned, /3 Sitzungen für 2028 angelegt/);
    assert.match(planned, /Sitzung 2028\/1[^]*Sitzung 2028\/2[^]*Sitzung 2028\/3/);
    assert.match(cardText(firstCard(await bot.message(person('katrin'), 'sitzungen planen 2028'))), /bereits geplant/);
    assert.match(
      cardText(firstCard(await bot.message(person('birgit'), 'sitzungen planen 2029'))),
      /Nur die Geschäftsstelle/,
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'sitzungen planen nächstes jahr'))),
      /Bitte ein Jahr zwischen 2025 und 2031/,
    );
  });

  it('adds an extra session once per day', async () => {
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'sondersitzung 20.05.2027'))),
      /Sondersitzung 2027\/S1 angelegt/,
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'sondersitzung 2027-05-20'))),
      /bereits die Sondersitzung 2027\/S1/,
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'einladen 2027/S1'))),
      /Sondersitzung 2027\/S1/,
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'einladen 2027/x'))),
      /für eine Sondersitzung „2027\/S1“/,
    );
    assert.match(cardText(firstCard(await bot.message(person('katrin'), 'sondersitzung'))), /Bitte das Datum angeben/);
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'sondersitzung 31.02.2027'))),
      /kein gültiges Datum/,
    );
  });

  it('edits a session on its card, with problems shown in the form', async () => {
    const list = firstCard(await bot.message(person('katrin'), 'sitzungen planen 2027'));
    const form = await bot.execute(
      person('katrin'),
      VERBS.sessionEdit,
      actionData(list, VERBS.sessionEdit, { sessionId: SESSION_1 }),
    );
    assert.match(cardText(form), /Sitzung 2027\/1 bearbeiten/);
    const save = actionData(form, VERBS.sessionSave);
    const problems = await bot.execute(person('katrin'), VERBS.sessionSave, {
      ...save,
      date: '2027-02-11',
      time: '14:00',
      onlineLink: 'ftp://x',
    });
    assert.match(cardText(problems), /Online-Link: Bitte prüfen/);
    const saved = await bot.execute(person('katrin'), VERBS.sessionSave, {
      ...save,
      date: '2027-02-18',
      time: '10:00',
      place: 'Neues Rathaus',
      onlineLink: 'https://meet.example.org/kog',
    });
    assert.match(cardText(saved), /Sitzung 2027\/1 gespeichert/);
    assert.match(cardText(saved), /18\. Februar 2027, 10:00–13:00 Uhr/);
    const outdated = await bot.execute(person('katrin'), VERBS.sessionSave, {
      ...save,
      date: '2027-02-25',
      time: '10:00',
    });
    assert.match(cardText(outdated), /nicht mehr aktuell/);
    assert.equal((await world.session()).startsAt, '2027-02-18T09:00:00.000Z');
    const back = await bot.execute(person('katrin'), VERBS.sessionList, actionData(form, VERBS.sessionList));
    assert.match(cardText(back), /Sitzungen 2027/);
    assert.match(
      cardText(await bot.execute(person('birgit'), VERBS.sessionList, { verb: VERBS.sessionList, year: 2027 })),
      /Nur die Geschäftsstelle/,
    );
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.sessionList, { verb: VERBS.sessionList, year: '2027; x' })),
      /gibt es nicht/,
    );
  });

  it('invites, lets members answer on their card, refreshes it per person, and shows the tally', async () => {
    assert.match(
      cardText(await bot.confirmed(person('katrin'), 'einladen')),
      /Einladung zur Sitzung 2027\/1 zum Versand vorgemerkt/,
    );

    const birgitCard = await invitationFor('birgit');
    assert.match(cardText(birgitCard), /Einladung: Sitzung 2027\/1[^]*Für: Agentur für Arbeit Leipzig/);
    assert.equal((birgitCard.refresh as { action: { verb: string } }).action.verb, VERBS.invitationView);
    assert.ok(
      JSON.stringify(birgitCard).includes('https://gremium.example.org/api/calendar/'),
      'carries the calendar link',
    );
    const answered = await bot.execute(
      person('birgit'),
      VERBS.rsvpAnswer,
      actionData(birgitCard, VERBS.rsvpAnswer, { choice: 'online' }),
    );
    assert.match(cardText(answered), /Ihre Antwort ist gespeichert[^]*Sie nehmen online teil/);
    const changed = await bot.execute(
      person('birgit'),
      VERBS.rsvpAnswer,
      actionData(birgitCard, VERBS.rsvpAnswer, { choice: 'inPerson' }),
    );
    assert.match(cardText(changed), /Sie kommen vor Ort/);
    const refreshed = await bot.execute(person('birgit'), VERBS.invitationView, {
      verb: VERBS.invitationView,
      sessionId: SESSION_1,
      personId: PEOPLE.birgit,
    });
    assert.match(cardText(refreshed), /Sie kommen vor Ort/);

    const sabineCard = await invitationFor('sabine');
    await bot.execute(
      person('sabine'),
      VERBS.rsvpAnswer,
      actionData(sabineCard, VERBS.rsvpAnswer, { choice: 'deputy' }),
    );
    assert.match(
      cardText(await invitationFor('thomas')),
      /Sie werden als Stellvertretung eingeladen[^]*Sie vertreten Sabine Hoffmann \(Jobcenter Leipzig\)/,
    );
    assert.match(cardText(await invitationFor('thomas', 'en-US')), /You stand in for Sabine Hoffmann/);

    const overview = firstCard(await bot.message(person('katrin'), 'rückmeldungen'));
    assert.match(cardText(overview), /1 von 3 Institutionen vertreten · 2 ohne Antwort/);
    assert.match(cardText(overview), /Agentur für Arbeit Leipzig\*\*: vor Ort: Birgit Lehmann/);
    const reminded = await bot.execute(person('katrin'), VERBS.rsvpsRemind, actionData(overview, VERBS.rsvpsRemind));
    assert.match(cardText(reminded), /Die Erinnerung an 2 Personen ist zum Versand vorgemerkt/);
    const twice = await bot.execute(person('katrin'), VERBS.rsvpsRemind, actionData(overview, VERBS.rsvpsRemind));
    assert.match(cardText(twice), /bereits erinnert/);
  });

  it('answers tampered and foreign clicks with a clear card and stores nothing', async () => {
    await bot.confirmed(person('katrin'), 'einladen');
    const data = actionData(await invitationFor('birgit'), VERBS.rsvpAnswer, { choice: 'online' });
    assert.match(cardText(await bot.execute(person('sabine'), VERBS.rsvpAnswer, data)), /an jemand anderen gerichtet/);
    assert.match(
      cardText(await bot.execute(stranger, VERBS.rsvpAnswer, { ...data, personId: stranger.aadObjectId })),
      /nicht \(mehr\) eingeladen/,
    );
    assert.match(
      cardText(await bot.execute(person('birgit'), VERBS.rsvpAnswer, { ...data, sessionId: 'session-2099-9' })),
      /gibt es nicht/,
    );
    assert.match(
      cardText(await bot.execute(person('birgit'), VERBS.rsvpAnswer, { ...data, revision: 1 })),
      /inzwischen geändert[^]*Sie haben noch nicht geantwortet/,
    );
    assert.match(cardText(firstCard(await bot.message(person('birgit'), 'rückmeldungen'))), /Nur die Geschäftsstelle/);
    assert.match(
      cardText(firstCard(await bot.message(person('birgit'), 'einladen 2027/2'))),
      /Nur die Geschäftsstelle/,
    );
    assert.deepEqual(await world.rsvps(), []);
  });

  it('asks before cancelling, then marks the invitations as cancelled', async () => {
    await bot.confirmed(person('katrin'), 'einladen');
    const list = firstCard(await bot.message(person('katrin'), 'sitzungen planen 2027'));
    const ask = await bot.execute(
      person('katrin'),
      VERBS.sessionStep,
      actionData(list, VERBS.sessionStep, { sessionId: SESSION_1 }),
    );
    assert.match(cardText(ask), /wirklich absagen/);
    assert.equal((await world.session()).state, 'invited');
    const done = await bot.execute(
      person('katrin'),
      VERBS.sessionStep,
      actionData(ask, VERBS.sessionStep, { sessionId: SESSION_1, confirmed: true }),
    );
    assert.match(cardText(done), /Sitzung 2027\/1 abgesagt[^]*Die Absage an 3 Eingeladene ist zum Versand vorgemerkt/);
    const refreshed = await bot.execute(person('yusuf'), VERBS.invitationView, {
      verb: VERBS.invitationView,
      sessionId: SESSION_1,
      personId: PEOPLE.yusuf,
    });
    assert.match(cardText(refreshed), /Die Sitzung wurde abgesagt/);
    assert.equal(
      JSON.stringify(refreshed).includes(VERBS.rsvpAnswer),
      false,
      'no answer buttons on a cancelled session',
    );
    assert.match(
      cardText(firstCard(await bot.message(person('katrin'), 'einladen 2027/1'))),
      /Die Sitzung 2027\/1 wurde abgesagt\. Zur nächsten Sitzung laden Sie mit „einladen 2027\/2“ ein\./,
    );
  });

  it('takes an optional reason with the cancellation, refusing markup in it without cancelling', async () => {
    const list = firstCard(await bot.message(person('katrin'), 'sitzungen planen 2027'));
    const ask = await bot.execute(
      person('katrin'),
      VERBS.sessionStep,
      actionData(list, VERBS.sessionStep, { sessionId: SESSION_1 }),
    );
    assert.match(JSON.stringify(ask), /"id":"cancellationReason"/, 'the confirmation asks for the reason');
    assert.match(cardText(ask), /Grund der Absage/);
    const confirm = actionData(ask, VERBS.sessionStep, { sessionId: SESSION_1, confirmed: true });
    const refused = await bot.execute(person('katrin'), VERBS.sessionStep, {
      ...confirm,
      cancellationReason: '<script>x</script>',
    });
    assert.match(cardText(refused), /Grund der Absage[^]*: Bitte ohne Steuerzeichen/);
    assert.equal((await world.session()).state, 'planned');
    const done = await bot.execute(person('katrin'), VERBS.sessionStep, {
      ...confirm,
      cancellationReason: 'Die Sitzungsleitung ist erkrankt.',
    });
    assert.match(cardText(done), /Sitzung 2027\/1 abgesagt/);
    const session = await world.session();
    assert.equal(session.state, 'cancelled');
    assert.equal(session.cancellationReason, 'Die Sitzungsleitung ist erkrankt.');
  });

  it('records attendance from an hour before the start on the session day, prefilled from the answers', async () => {
    await bot.confirmed(person('katrin'), 'einladen');
    const from =
      /Die Anwesenheit der Sitzung 2027\/1 kann ab Donnerstag, 11\. Februar 2027, 13:00 Uhr erfasst werden\./;
    assert.match(cardText(firstCard(await bot.message(person('katrin'), 'anwesenheit'))), from);
    world.clock.advance(Date.parse('2027-02-11T03:00:00Z') - world.clock.now().toMillis());
    assert.match(cardText(firstCard(await bot.message(person('katrin'), 'anwesenheit'))), from, 'ten hours before');
    world.clock.advance(Date.parse('2027-02-11T12:00:00Z') - world.clock.now().toMillis());
    const card = firstCard(await bot.message(person('katrin'), 'anwesenheit 2027/1'));
    assert.match(cardText(card), /Anwesenheit: Sitzung 2027\/1/);
    const save = actionData(card, VERBS.attendanceSave);
    const fields = Object.fromEntries(
      (await world.session()).invitedSeats!.flatMap((seat) => [
        [`presence-${seat.id}`, 'inPerson'],
        [`name-${seat.id}`, 'Jemand'],
      ]),
    );
    assert.match(
      cardText(await bot.execute(person('katrin'), VERBS.attendanceSave, { ...save, ...fields })),
      /Anwesenheit gespeichert/,
    );
    assert.equal((await world.session()).state, 'held');
  });
});
