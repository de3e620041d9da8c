import path from 'node:path';
import type { Page } from 'playwright-core';
import { cardOf, confirmOnQuestion, expectNewCard, waitForNewCard, type AwaitedCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

const TEAM = 'Koordinierungsgremium Leipzig';
const CHANNEL = 'AG Ausbildung und Arbeit';
const TOPIC = 'Ausbildungsabbrüche';
/** The topic as an agenda item: accepted with the default duration and kind, and its presenter. */
const ITEM = `${TOPIC} (15 Min. · Beratung · Lena Vogt)`;

/**
 * A topic from the working group to the published agenda, on the demo committee: a working group
 * member (Lena Vogt, in a second playground run signed in as her) submits a topic with one chat
 * line that @mentions Gremium in the working group's channel; the secretariat (Katrin Albers, the
 * project's playground user) accepts it on the triage card, finds it on the agenda builder and
 * publishes; the agenda card then arrives in the channel, and Lena hears 1:1 that her topic is
 * on the agenda. The playground reports en-US, but the demo's people have German chosen, so the
 * commands and cards are in German, the channel's too: it speaks the language of whoever wrote
 * there last. The playground makes a mention only when the bot is picked from the list that "@"
 * opens, so the test does that. Each playground run is a Teams of its own with its own copy of the channel; the bot
 * posts to the channel through the run it last heard from there, which is Lena's, so the
 * published agenda is looked for in her run.
 */
describe('e2e: a topic from the working group channel to the published agenda in the Agents Playground', function () {
  this.timeout(240_000);
  /** The secretariat, and Lena Vogt of the working group. */
  const people = useTwoPlaygrounds('agenda', '29:lena-vogt');
  /** The published agenda in Lena's channel, counted before the secretariat publishes. */
  let channelAgenda: AwaitedCard;

  async function openPersonalChat(page: Page): Promise<void> {
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  }

  /** The chat list names a channel "team - channel". */
  async function openChannel(page: Page): Promise<void> {
    await page.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
  }

  /**
   * A new post in the open channel that @mentions Gremium: the playground turns "@" plus a name
   * into a mention only when the name is picked from its suggestions.
   */
  async function postMentioningGremium(page: Page, text: string): Promise<void> {
    // The first compose box starts a new post; the ones below the posts reply to them.
    await page.locator('[role="textbox"][contenteditable="true"]').first().click();
    await page.keyboard.type('@Grem');
    await page.getByRole('menuitem', { name: 'Gremium' }).click();
    await page.keyboard.type(` ${text}`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /**
   * A screenshot for the README. A clicked card is replaced under the pointer, so another button
   * would look hovered: the pointer moves away, and its hover transition is run to the end.
   */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
  }

  it('the working group member has talked to Gremium before, so it can write to her', async () => {
    await waitForNewCard(people.other, 'Was Sie mit Gremium tun können', () => say(people.other, 'hilfe'));
  });

  it('the secretariat plans the year', async () => {
    await waitForNewCard(people.secretariat, '3 Sitzungen für 2027 angelegt', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
  });

  it('the working group member submits a topic with one line in the channel', async () => {
    await openChannel(people.other);
    const [thanks] = await waitForNewCard(people.other, 'Danke! Ihr Thema ist für Sitzung 2027/1 angemeldet.', () =>
      postMentioningGremium(people.other, `thema: ${TOPIC} – Zahlen der Kammern`),
    );
    await cardOf(thanks!).getByText('Ihre Themenanmeldung – Sitzung 2027/1').waitFor();
    await screenshot(people.other, 'agenda-1-topic-submitted.png');
  });

  it('the secretariat accepts the topic on the triage card', async () => {
    const [topics] = await waitForNewCard(people.secretariat, 'Angemeldete Themen – Sitzung 2027/1', () =>
      say(people.secretariat, 'themen'),
    );
    await cardOf(topics!).getByText(TOPIC).waitFor();
    // The click answers in place with the decision form, and that with the decision.
    const [heading] = await waitForNewCard(
      people.secretariat,
      'Über eine Themenanmeldung entscheiden – Sitzung 2027/1',
      () => cardOf(topics!).getByRole('button', { name: 'Entscheiden' }).last().click(),
    );
    const form = cardOf(heading!);
    await form.getByLabel('Vortragende Person').fill('Lena Vogt');
    await waitForNewCard(
      people.secretariat,
      `„${TOPIC}“ ist auf der Tagesordnung; die Nachricht an die anmeldende Person ist zum Versand vorgemerkt.`,
      () => form.getByRole('button', { name: 'Annehmen' }).click(),
    );
    await screenshot(people.secretariat, 'agenda-2-triage.png');
  });

  it('the secretariat finds the topic on the agenda and publishes it', async () => {
    const [agenda] = await waitForNewCard(people.secretariat, 'Tagesordnung – Sitzung 2027/1', () =>
      say(people.secretariat, 'tagesordnung'),
    );
    await cardOf(agenda!).getByText(ITEM).waitFor();
    await screenshot(people.secretariat, 'agenda-3-builder.png');
    channelAgenda = await expectNewCard(people.other, 'Tagesordnung – Sitzung 2027/1 (Fassung 1)');
    // The click answers in place with the published agenda, which says where it goes.
    // Before the topic deadline Gremium asks once, on the card, before sending to everyone.
    const [published] = await confirmOnQuestion(
      people.secretariat,
      {
        question: 'Tagesordnung für die Sitzung 2027/1 jetzt versenden?',
        confirm: 'Trotzdem versenden',
        answer: 'Fassung 1 der Tagesordnung für 2027/1 ist zum Versand vorgemerkt',
      },
      () => cardOf(agenda!).getByRole('button', { name: 'Veröffentlichen' }).click(),
    );
    await cardOf(published!)
      .getByText(/und in den Kanal oder Gruppenchat der Arbeitsgruppe/)
      .waitFor();
    await screenshot(people.secretariat, 'agenda-4-published.png');
  });

  it('the published agenda arrives in the working group channel', async () => {
    const [received] = await channelAgenda.appeared({ timeout: 60_000 });
    await cardOf(received!).getByText(ITEM).waitFor();
    await screenshot(people.other, 'agenda-5-channel.png');
  });

  it('the working group member hears 1:1 that her topic is on the agenda', async () => {
    // The notice came while her channel was open; it is the personal chat's only card of this title.
    await openPersonalChat(people.other);
    const notice = people.other.getByText('Ihr Thema kommt auf die Tagesordnung').last();
    await notice.waitFor({ timeout: 60_000 });
    await cardOf(notice).getByText(`„${TOPIC}“ steht auf der Tagesordnung der Sitzung 2027/1.`).waitFor();
  });
});
