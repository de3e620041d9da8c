import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

const TEAM = 'Koordinierungsgremium Leipzig';
const CHANNEL = 'AG Ausbildung und Arbeit';
const TOPIC = 'Apprenticeship dropouts';
/** The topic as an agenda item: accepted with the default duration and kind, and its presenter. */
const ITEM = `${TOPIC} (15 min · Discussion · Lena Vogt)`;

/**
 * A topic from the working group to the published agenda, on the demo committee: a working group
 * member (Lena Vogt, in a second playground run signed in as her) submits a topic with one chat
 * line that @mentions Gremium in the working group's channel; the secretariat (Katrin Albers, the
 * project's playground user) accepts it on the triage card, finds it on the agenda builder and
 * publishes; the agenda card then arrives in the channel, and Lena hears 1:1 that her topic is
 * on the agenda. The playground reports en-US, so the commands and cards are in English. It
 * makes a mention only when the bot is picked from the list that "@" opens, so the test does
 * that. Each playground run is a Teams of its own with its own copy of the channel; the bot
 * posts to the channel through the run it last heard from there, which is Lena's, so the
 * published agenda is looked for in her run.
 */
describe('e2e: a topic from the working group channel to the published agenda in the Agents Playground', function () {
  this.timeout(240_000);
  /** The secretariat, and Lena Vogt of the working group. */
  const people = useTwoPlaygrounds('agenda', '29:lena-vogt');

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
    await say(people.other, 'help');
    await people.other.getByText('What you can do with Gremium').last().waitFor();
  });

  it('the secretariat plans the year', async () => {
    await say(people.secretariat, 'plan sessions 2027');
    await people.secretariat.getByText('3 sessions created for 2027').last().waitFor();
  });

  it('the working group member submits a topic with one line in the channel', async () => {
    await openChannel(people.other);
    await postMentioningGremium(people.other, `topic: ${TOPIC} – figures from the chambers`);
    await people.other.getByText('Thank you! Your topic is submitted for Session 2027/1.').last().waitFor();
    await people.other.getByText('Your submission – Session 2027/1').last().waitFor();
    await screenshot(people.other, 'agenda-1-topic-submitted.png');
  });

  it('the secretariat accepts the topic on the triage card', async () => {
    await say(people.secretariat, 'topics');
    await people.secretariat.getByText('Submitted topics – Session 2027/1').last().waitFor();
    await people.secretariat.getByText(TOPIC).last().waitFor();
    await people.secretariat.getByRole('button', { name: 'Decide' }).last().click();
    await people.secretariat.getByText('Decide on a submission – Session 2027/1').last().waitFor();
    await people.secretariat.getByLabel('Presenter').last().fill('Lena Vogt');
    await people.secretariat.getByRole('button', { name: 'Accept' }).last().click();
    await people.secretariat.getByText(`"${TOPIC}" is on the agenda; the submitter has been told.`).last().waitFor();
    await screenshot(people.secretariat, 'agenda-2-triage.png');
  });

  it('the secretariat finds the topic on the agenda and publishes it', async () => {
    await say(people.secretariat, 'agenda');
    await people.secretariat.getByText('Agenda – Session 2027/1').last().waitFor();
    await people.secretariat.getByText(ITEM).last().waitFor();
    await screenshot(people.secretariat, 'agenda-3-builder.png');
    await people.secretariat.getByRole('button', { name: 'Publish' }).last().click();
    await people.secretariat.getByText('Version 1 of the agenda for 2027/1 is being sent').last().waitFor();
    await people.secretariat.getByText(/and to the working group's conversation/).last().waitFor();
    await screenshot(people.secretariat, 'agenda-4-published.png');
  });

  it('the published agenda arrives in the working group channel', async () => {
    await people.other.getByText('Agenda – Session 2027/1 (version 1)').last().waitFor({ timeout: 60_000 });
    await people.other.getByText(ITEM).last().waitFor();
    await screenshot(people.other, 'agenda-5-channel.png');
  });

  it('the working group member hears 1:1 that her topic is on the agenda', async () => {
    await openPersonalChat(people.other);
    await people.other.getByText('Your topic goes on the agenda').last().waitFor({ timeout: 60_000 });
    await people.other.getByText(`"${TOPIC}" is on the agenda of session 2027/1.`).last().waitFor();
  });
});
