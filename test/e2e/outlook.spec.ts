import assert from 'node:assert/strict';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { GraphDouble, type StoredEvent } from '../support/graph-double';
import { parseWithIcalJs } from '../support/ical';
import { cardOf, confirmOnQuestion, expectNewCard, waitForNewCard, type AwaitedCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

/** The secretariat's mailbox the demo's sessions are Outlook events in. */
const ORGANISER = 'gremien@kog-demo.example';
/** A person without Teams, from an administration outside the tenant. */
const WITHOUT_TEAMS = {
  name: 'Martina Keller',
  institution: 'Landesdirektion Sachsen',
  email: 'martina.keller@lds-sachsen.example',
};
const TEAMS_JOIN = /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//;

/**
 * The calendar and Outlook side of a session on the demo committee, with Gremium connected to a
 * stand-in for Microsoft Graph (test/support/graph-double.ts, in this process) as the IT would
 * connect it to the secretariat's mailbox: planning the year makes one Outlook event with a
 * Teams meeting per session, whose Teams link the invitation shows; the secretariat adds a
 * person without Teams on the roster card and gives her a seat, and `einladen` makes every
 * invited person with an address an attendee; an Outlook decline and an Outlook acceptance count
 * in the tally, marked as answered in Outlook, once the reminder button has read them; the member
 * takes the session into her calendar from the invitation's page and subscribes to all sessions.
 */
describe('e2e: sessions in the calendar and in Outlook in the Agents Playground', function () {
  this.timeout(300_000);
  let graph: GraphDouble;
  before(async () => {
    graph = await GraphDouble.start();
  });
  after(async () => {
    await graph?.stop();
  });
  /** The secretariat, and Sabine Hoffmann of the Jobcenter. */
  const people = useTwoPlaygrounds('outlook', '29:sabine-hoffmann', {
    botEnvironment: () => ({ GRAPH_ORGANIZER_MAILBOX: ORGANISER, GRAPH_BASE_URL: graph.baseUrl }),
  });
  let invitation: AwaitedCard;
  let firstSession: StoredEvent;

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
  }

  /** Polls the double until `probe` finds what it looks for; the outbox sends to Graph on its own time. */
  async function until<T>(what: string, probe: () => T | undefined | false, limitMs = 60_000): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const found = probe();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`${what} within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const attendeesOf = (event: StoredEvent | undefined) =>
    (event?.attendees ?? []).map((attendee) => attendee.emailAddress?.address?.toLowerCase() ?? '').sort();
  const sessionEvent = (number: string) =>
    graph.allEvents().find((event) => event.subject?.endsWith(`Sitzung ${number}`) && !event.isCancelled);

  it('the member has talked to Gremium before, so it can write to her', async () => {
    await waitForNewCard(people.other, 'Was Sie mit Gremium tun können', () => say(people.other, 'hilfe'));
  });

  it('planning the year makes one Outlook event with a Teams meeting per session', async () => {
    await waitForNewCard(people.secretariat, '3 Sitzungen für 2027 angelegt', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
    const events = await until('three Outlook events with a Teams meeting', () => {
      const made = graph.allEvents().filter((event) => event.onlineMeeting?.joinUrl);
      return made.length === 3 && made;
    });
    assert.deepEqual(new Set(events.map((event) => event.mailbox)), new Set([ORGANISER]));
    assert.deepEqual(events.map((event) => event.subject?.replace(/^.*: /, '')).sort(), [
      'Sitzung 2027/1',
      'Sitzung 2027/2',
      'Sitzung 2027/3',
    ]);
    assert.ok(events.every((event) => event.isOnlineMeeting && (event.attendees ?? []).length === 0));
    firstSession = sessionEvent('2027/1')!;
    // The Teams link becomes the session's online link: the year's card shows it once read again.
    const [year] = await waitForNewCard(people.secretariat, 'Sitzung 2027/3', () =>
      say(people.secretariat, 'sitzungen'),
    );
    await cardOf(year!)
      .getByText(/teams\.microsoft\.com/)
      .first()
      .waitFor();
    await toTop(cardOf(year!).getByText('Sitzung 2027/1', { exact: true }));
    await screenshot(people.secretariat, 'outlook-1-year-with-teams-links.png');
  });

  it('the secretariat adds a person without Teams on the roster card and gives her a seat', async () => {
    const [roster] = await waitForNewCard(people.secretariat, 'Mitglieder und Sitze', () =>
      say(people.secretariat, 'mitglieder'),
    );
    const [form] = await waitForNewCard(people.secretariat, 'Für Personen ohne Teams-Zugang', () =>
      cardOf(roster!).getByRole('button', { name: 'Person ohne Teams hinzufügen' }).click(),
    );
    const formCard = cardOf(form!);
    await formCard.getByLabel('Name').fill(WITHOUT_TEAMS.name);
    await formCard.getByLabel('Institution').fill(WITHOUT_TEAMS.institution);
    await formCard.getByLabel('E-Mail-Adresse').fill(WITHOUT_TEAMS.email);
    await screenshot(people.secretariat, 'outlook-2-without-teams-form.png');
    const [added] = await waitForNewCard(
      people.secretariat,
      `${WITHOUT_TEAMS.name} ist jetzt als Person ohne Teams im Gremium`,
      () => formCard.getByRole('button', { name: 'Hinzufügen' }).click(),
    );
    const withBanner = cardOf(added!);
    await withBanner.getByText(`${WITHOUT_TEAMS.name} (${WITHOUT_TEAMS.email})`).waitFor();
    await toTop(added!);
    await screenshot(people.secretariat, 'outlook-3-roster-without-teams.png');
    const [seatForm] = await waitForNewCard(people.secretariat, 'Zur Auswahl stehen die aktiven Personen', () =>
      withBanner.getByRole('button', { name: 'Sitz hinzufügen' }).click(),
    );
    const seatCard = cardOf(seatForm!);
    await seatCard.getByLabel('Institution').fill(WITHOUT_TEAMS.institution);
    await choose(people.secretariat, seatCard, 'Mitglied', `${WITHOUT_TEAMS.name} (ohne Teams)`);
    const [saved] = await waitForNewCard(people.secretariat, `Sitz „${WITHOUT_TEAMS.institution}“ hinzugefügt.`, () =>
      seatCard.getByRole('button', { name: 'Speichern' }).click(),
    );
    await cardOf(saved!)
      .getByText(new RegExp(`Mitglied: ${WITHOUT_TEAMS.name}`))
      .waitFor();
    await screenshot(people.secretariat, 'outlook-4-seat-without-teams.png');
    // Her calendar address leaves the organiser mailbox by e-mail, through the outbox.
    const mail = await until(`an e-mail to ${WITHOUT_TEAMS.email}`, () =>
      graph.mails.find((sent) => JSON.stringify(sent.message).includes(WITHOUT_TEAMS.email)),
    );
    assert.equal(mail.mailbox, ORGANISER);
    assert.match(JSON.stringify(mail.message), /\/api\/feed\//);
  });

  it('einladen makes everyone invited with an address an attendee, the person without Teams too', async () => {
    invitation = await expectNewCard(people.other, 'Einladung: Sitzung 2027/1');
    await confirmOnQuestion(
      people.secretariat,
      {
        question: 'Zur Sitzung 2027/1 einladen?',
        confirm: 'Trotzdem einladen',
        answer: 'Einladung zur Sitzung 2027/1 zum Versand vorgemerkt',
      },
      () => say(people.secretariat, 'einladen'),
    );
    const expected = [
      'birgit.lehmann@kog-demo.example',
      WITHOUT_TEAMS.email,
      'sabine.hoffmann@kog-demo.example',
      'yusuf.demir@kog-demo.example',
    ].sort();
    await until(`attendees ${expected.join(', ')}`, () => {
      const now = attendeesOf(graph.event(firstSession.id!));
      return now.join() === expected.join() && now;
    });
    // The other sessions are not invited to yet: nobody is asked to them.
    assert.deepEqual(attendeesOf(sessionEvent('2027/2')), []);
  });

  it('the member’s invitation shows the Teams meeting as its online link', async () => {
    const [title] = await invitation.appeared({ timeout: 60_000 });
    const card = cardOf(title!);
    await card.getByText('Für: Jobcenter Leipzig').waitFor();
    const joinUrl = firstSession.onlineMeeting!.joinUrl!;
    assert.match(joinUrl, TEAMS_JOIN);
    // The long join address is named, not printed; the button beside it opens it.
    await card.getByText('Teams-Besprechung – beitreten mit „Online teilnehmen“').waitFor();
    await card.getByText('Online teilnehmen', { exact: true }).waitFor();
    await card.getByText('In den Kalender', { exact: true }).waitFor();
    await screenshot(people.other, 'outlook-5-invitation-teams-link.png');
  });

  it('answers given in Outlook count in the tally once the reminder has read them', async () => {
    const event = graph.event(firstSession.id!)!;
    graph.respond(event.id!, 'birgit.lehmann@kog-demo.example', 'declined', new Date().toISOString());
    graph.respond(event.id!, WITHOUT_TEAMS.email, 'accepted', new Date().toISOString());
    const [tally] = await waitForNewCard(people.secretariat, /von 4 Institutionen vertreten/, () =>
      say(people.secretariat, 'rückmeldungen'),
    );
    // Sabine Hoffmann and Yusuf Demir are reminded; who answered in Outlook is not.
    const [read] = await waitForNewCard(people.secretariat, 'Die Erinnerung an 2 Personen', () =>
      cardOf(tally!)
        .getByRole('button', { name: /^Erinnern/ })
        .click(),
    );
    const refreshed = cardOf(read!);
    await refreshed.getByText(/Birgit Lehmann.*in Outlook beantwortet/).waitFor();
    await refreshed.getByText(new RegExp(`zugesagt: ${WITHOUT_TEAMS.name} · in Outlook beantwortet`)).waitFor();
    await screenshot(people.secretariat, 'outlook-6-rsvps-outlook-answers.png');
  });

  it('the delivery report names each step of the Outlook event and how the person without Teams learns of it', async () => {
    const [report] = await waitForNewCard(people.secretariat, 'Outlook-Termin Sitzung 2027/1', () =>
      say(people.secretariat, 'zustellung'),
    );
    await cardOf(report!)
      .getByText(/1 Person ohne Teams erfährt dies über den Outlook-Termin/)
      .first()
      .waitFor();
    await screenshot(people.secretariat, 'outlook-7-delivery.png');
  });

  it('the member takes the session into her calendar and subscribes to all sessions', async () => {
    // The reminder brought her invitation once more; the newest is the one she opens.
    const card = cardOf(people.other.getByText('Einladung: Sitzung 2027/1').last());
    const [calendarPage] = await Promise.all([
      people.other.context().waitForEvent('page'),
      card.getByText('In den Kalender', { exact: true }).click(),
    ]);
    await calendarPage.waitForLoadState();
    assert.match(calendarPage.url(), /^http:\/\/localhost:\d+\/api\/calendar\//);
    await calendarPage.setViewportSize({ width: 900, height: 900 });
    await calendarPage.getByRole('heading', { name: 'In den Kalender übernehmen' }).waitFor();
    await screenshot(calendarPage, 'outlook-8-calendar-page.png');
    await calendarPage.getByRole('button', { name: 'Kalenderadresse erstellen' }).click();
    const address = (await calendarPage.locator('code').first().textContent())?.trim() ?? '';
    assert.match(address, /^https?:\/\/localhost:\d+\/api\/feed\//);
    await calendarPage.getByRole('link', { name: 'In Outlook abonnieren' }).waitFor();
    await screenshot(calendarPage, 'outlook-9-calendar-address.png');
    const response = await fetch(address);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const calendar = parseWithIcalJs(await response.text());
    const sessions = calendar.components.filter((component) => component.name === 'vevent');
    assert.equal(sessions.length, 3, 'all sessions of her committee');
    const first = sessions.find((session) => (session.values.summary ?? '').includes('2027/1'));
    assert.ok(first, 'the invited session');
    const joinUrl = firstSession.onlineMeeting!.joinUrl!;
    assert.ok(
      Object.values(first.values).some((value) => value.includes(joinUrl)),
      `the feed's session carries the Teams link: ${JSON.stringify(first.values)}`,
    );
    await calendarPage.close();
  });
});

/** Scrolls the chat so that a located text is at the top of the view, for a screenshot of what follows it. */
async function toTop(text: Locator): Promise<void> {
  await text.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/**
 * Chooses a person in an Adaptive Card choice set with the "filtered" style, which the playground
 * draws as a combo box: types part of the name and picks the suggestion.
 */
async function choose(page: Page, card: Locator, label: string, title: string): Promise<void> {
  const field = card.getByRole('combobox', { name: label });
  await field.click();
  await field.fill(title.split(' ')[0]!);
  await page.getByRole('option', { name: title }).click();
}
