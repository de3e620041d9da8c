import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { cardOf, confirmOnQuestion, expectNewCard, waitForNewCard, type AwaitedCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

/**
 * Two committees of one organisation side by side, on the demo: the KOG, homed in the team
 * "Koordinierungsgremium Leipzig", and the Steuerungsgruppe Integration (SGI), homed in the
 * playground's group chat. Katrin Albers (the project's playground user) runs the secretariat of
 * both, Sabine Hoffmann (a second playground run signed in as her) is a member of both. Both
 * committees plan their year and invite to their first session; Sabine receives both invitations,
 * each naming its committee and session in its header, and answers each differently; each
 * committee's „zusagen“ shows only its own answer; switching the committee in Katrin's personal
 * chat with one click changes what „sitzungen planen 2027“ shows. The demo starts everyone in
 * their personal chat with the KOG; another committee is named in front of a command („SGI: …“).
 */
describe('e2e: two committees with shared people in the Agents Playground', function () {
  this.timeout(300_000);
  const people = useTwoPlaygrounds('committees', '29:sabine-hoffmann');
  let invitations: AwaitedCard;

  /** A screenshot for the user guide, with the pointer out of the way. */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
  }

  /** Plans 2027 with the given line and invites to its first session from the year's card. */
  async function planAndInvite(line: string, shortName: string): Promise<void> {
    const [planned] = await waitForNewCard(people.secretariat, '3 Sitzungen für 2027 angelegt', () =>
      say(people.secretariat, line),
    );
    const year = cardOf(planned!);
    await year.getByText(shortName, { exact: true }).waitFor();
    await confirmOnQuestion(
      people.secretariat,
      {
        question: 'Zur Sitzung 2027/1 einladen?',
        confirm: 'Trotzdem einladen',
        answer: 'Einladung zur Sitzung 2027/1 zum Versand vorgemerkt',
      },
      () => year.getByRole('button', { name: 'Einladen' }).first().click(),
    );
  }

  it('Sabine has talked to Gremium before, and is told she belongs to both committees', async () => {
    const [help] = await waitForNewCard(people.other, 'Was Sie mit Gremium tun können', () =>
      say(people.other, 'hilfe'),
    );
    await cardOf(help!).getByText('Sie gehören mehreren Gremien an: KOG und SGI', { exact: false }).waitFor();
  });

  it('both committees plan their year and invite to their first session', async () => {
    invitations = await expectNewCard(people.other, ['KOG · Sitzung 2027/1', 'SGI · Sitzung 2027/1']);
    await planAndInvite('sitzungen planen 2027', 'KOG');
    await planAndInvite('SGI: sitzungen planen 2027', 'SGI');
    await screenshot(people.secretariat, 'committees-1-two-years-planned.png');
  });

  it('Sabine receives both invitations, each naming its committee, and answers each differently', async () => {
    const [kog, sgi] = await invitations.appeared({ timeout: 90_000 });
    await cardOf(kog!).getByText('Für: Jobcenter Leipzig').waitFor();
    await cardOf(sgi!).getByText('Für: Jobcenter Landkreis Peine').waitFor();
    await screenshot(people.other, 'committees-2-two-invitations.png');
    await answer(kog!, 'Ich komme vor Ort', 'Ihre Antwort: Sie kommen vor Ort.');
    await answer(sgi!, 'Ich nehme online teil', 'Ihre Antwort: Sie nehmen online teil.');
    await screenshot(people.other, 'committees-3-answered.png');
  });

  async function answer(header: Locator, button: string, confirmation: string): Promise<void> {
    await waitForNewCard(people.other, confirmation, () =>
      cardOf(header).getByRole('button', { name: button }).click(),
    );
  }

  it("each committee's „rückmeldungen“ shows only its own answer", async () => {
    const [kog] = await waitForNewCard(people.secretariat, '1 von 3 Institutionen vertreten · 2 ohne Antwort', () =>
      say(people.secretariat, 'zusagen'),
    );
    await cardOf(kog!)
      .getByText(/Jobcenter Leipzig.*vor Ort: Sabine Hoffmann/)
      .waitFor();
    const [sgi] = await waitForNewCard(people.secretariat, '1 von 2 Institutionen vertreten · 1 ohne Antwort', () =>
      say(people.secretariat, 'SGI: rückmeldungen'),
    );
    await cardOf(sgi!)
      .getByText(/Jobcenter Landkreis Peine.*online: Sabine Hoffmann/)
      .waitFor();
    if ((await cardOf(sgi!).getByText('vor Ort: Sabine Hoffmann').count()) > 0)
      throw new Error("the SGI's tally shows the KOG's answer");
    await screenshot(people.secretariat, 'committees-4-rsvps.png');
  });

  it('switching the committee in the personal chat changes what „sitzungen planen 2027“ shows', async () => {
    const [kogYear] = await waitForNewCard(people.secretariat, 'Die Sitzungen für 2027 waren bereits geplant', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
    await cardOf(kogYear!).getByText('Oberbürgermeister', { exact: false }).first().waitFor();
    const [list] = await waitForNewCard(people.secretariat, 'Ihre Gremien', () => say(people.secretariat, 'gremium'));
    await screenshot(people.secretariat, 'committees-5-list.png');
    await waitForNewCard(people.secretariat, 'Sie arbeiten jetzt mit SGI', () =>
      cardOf(list!).getByRole('button', { name: 'Wechseln' }).click(),
    );
    const [sgiYear] = await waitForNewCard(people.secretariat, 'Die Sitzungen für 2027 waren bereits geplant', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
    await cardOf(sgiYear!).getByText('Landrat des Landkreises Peine', { exact: false }).first().waitFor();
    if ((await cardOf(sgiYear!).getByText('Oberbürgermeister', { exact: false }).count()) > 0)
      throw new Error("after switching, the KOG's sessions are shown");
    await screenshot(people.secretariat, 'committees-6-switched.png');
  });
});
