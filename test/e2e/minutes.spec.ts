import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { cardOf, confirmOnQuestion, expectNewCard, waitForNewCard, type AwaitedCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

const TEAM = 'Koordinierungsgremium Leipzig';
const CHANNEL = 'AG Ausbildung und Arbeit';
const AGREEMENT = 'Zahlen zu Ausbildungsabbrüchen vorstellen';
/** The agreement as the agenda's "status of agreements" item lists it once done. */
const AGREEMENT_DONE = new RegExp(`${AGREEMENT}.*Jobcenter Leipzig.*Erledigt`);
/** What the minutes say about the item: the discussion, which the working group's channel never shows. */
const SUMMARY = 'Die Kammern berichten von steigenden Abbruchzahlen im ersten Ausbildungsjahr.';

/**
 * From a held session to approved minutes and a closed agreement, on the demo committee. The
 * secretariat (Katrin Albers) holds an extra session today with Sabine Hoffmann (member for
 * Jobcenter Leipzig, in a second playground run) recorded as attending, drafts the minutes with one agreement
 * owned by Sabine, circulates and approves them. The working group's channel shows the results
 * card, Sabine marks her action item done from its card, and the next session's agenda shows the
 * agreement done. The full minutes are downloaded through their PDF link, and the first page is
 * kept as an image for the README. The session is today's and began half an hour before,
 * because attendance can only be recorded from an hour before a session's start. The playground reports en-US, but the demo's people have
 * German chosen, so everything is in German: the cards, the channel's results and the PDF.
 */
describe('e2e: from a held session to approved minutes and a closed agreement in the Agents Playground', function () {
  this.timeout(300_000);
  const people = useTwoPlaygrounds('minutes', '29:sabine-hoffmann');
  const today = DateTime.now().setZone('Europe/Berlin');
  const nextYear = today.year + 1;
  /**
   * The extra session began half an hour ago (at midnight at the earliest, as it is today's), so
   * its attendance may be recorded whenever the test runs.
   */
  const startedAt = DateTime.max(today.startOf('day'), today.minus({ minutes: 30 })).startOf('minute');
  let number = '';
  /** Cards the member gets from the secretariat's actions, counted before those actions. */
  let actionItem: AwaitedCard;

  /** Back to the 1:1 chat; the channel's compose boxes are gone once it shows. */
  async function openPersonalChat(page: Page): Promise<void> {
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).waitFor({ state: 'detached' });
  }

  /** The playground draws a compact choice set as a combobox with a list of options. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label }).last().click();
    await page.getByRole('option', { name: option }).last().click();
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
  }

  it('the member has talked to Gremium before, so it can write to her', async () => {
    await waitForNewCard(people.other, 'Was Sie mit Gremium tun können', () => say(people.other, 'hilfe'));
  });

  it('the secretariat writes in the working group channel, so Gremium posts there through her playground', async () => {
    await people.secretariat.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
    await people.secretariat.locator('[role="textbox"][contenteditable="true"]').first().click();
    await people.secretariat.keyboard.type('@Grem');
    await people.secretariat.getByRole('menuitem', { name: 'Gremium' }).click();
    await people.secretariat.keyboard.type(' hilfe');
    await waitForNewCard(people.secretariat, 'Was Sie mit Gremium tun können', () =>
      people.secretariat.getByRole('button', { name: 'Post', exact: true }).click(),
    );
    await openPersonalChat(people.secretariat);
  });

  it('the secretariat holds an extra session today, with the member attending', async () => {
    const [created] = await waitForNewCard(people.secretariat, /Sondersitzung \d{4}\/S\d+ angelegt/, () =>
      say(people.secretariat, `sondersitzung ${today.toFormat('dd.MM.yyyy')} ${startedAt.toFormat('HH:mm')}`),
    );
    const heading = await created!.textContent();
    number = /(\d{4}\/S\d+)/.exec(heading ?? '')?.[1] ?? '';
    assert.ok(number, `no session number in "${heading}"`);
    const invitation = await expectNewCard(people.other, `Einladung: Sondersitzung ${number}`);
    await confirmOnQuestion(
      people.secretariat,
      {
        question: `Zur Sondersitzung ${number} einladen?`,
        confirm: 'Trotzdem einladen',
        answer: `Einladung zur Sitzung ${number} zum Versand vorgemerkt`,
      },
      () => say(people.secretariat, `einladen ${number}`),
    );
    await invitation.appeared({ timeout: 60_000 });
    // The answer deadline of a session held today has passed: the secretariat records who came.
    await waitForNewCard(people.secretariat, `Anwesenheit: Sondersitzung ${number}`, () =>
      say(people.secretariat, `anwesenheit ${number}`),
    );
    await choose(people.secretariat, 'Jobcenter Leipzig', 'vor Ort');
    await waitForNewCard(people.secretariat, 'Anwesenheit gespeichert', () =>
      people.secretariat.getByRole('button', { name: 'Anwesenheit speichern' }).last().click(),
    );
  });

  it('the secretariat drafts the minutes with one agreement', async () => {
    const [minutes] = await waitForNewCard(people.secretariat, `Protokoll – Sondersitzung ${number}`, () =>
      say(people.secretariat, 'protokoll'),
    );
    // Its two items, opening and other business, each have "Bearbeiten"; the click answers in place with the item's form.
    const [heading] = await waitForNewCard(people.secretariat, `Protokoll bearbeiten – Sondersitzung ${number}`, () =>
      cardOf(minutes!).getByRole('button', { name: 'Bearbeiten', exact: true }).first().click(),
    );
    const form = cardOf(heading!);
    await form.getByLabel('Zusammenfassung').fill(SUMMARY);
    await form.getByLabel('Ergebnis').fill('Das Gremium bittet um die Zahlen je Beruf.');
    await form.getByLabel('Vereinbarung', { exact: true }).fill(AGREEMENT);
    await choose(people.secretariat, 'Verantwortliche Person', 'Sabine Hoffmann');
    await form.getByLabel('Fällig am').fill(today.plus({ weeks: 6 }).toISODate()!);
    // The form is answered in place by the minutes card, which confirms the save and lists the agreement.
    const [saved] = await waitForNewCard(people.secretariat, 'Gespeichert als Fassung 2.', () =>
      form.getByRole('button', { name: 'Speichern' }).click(),
    );
    await cardOf(saved!).getByText(AGREEMENT, { exact: false }).waitFor();
    await screenshot(people.secretariat, 'minutes-1-draft.png');
  });

  it('the secretariat circulates the minutes, and the member gets them for review', async () => {
    const review = await expectNewCard(people.other, `Protokollentwurf – Sondersitzung ${number} (Fassung 2)`);
    await waitForNewCard(people.secretariat, 'Fassung 2 ist zum Versand vorgemerkt.', () =>
      say(people.secretariat, 'protokoll versenden'),
    );
    await review.appeared({ timeout: 60_000 });
    await screenshot(people.other, 'minutes-2-review.png');
  });

  it('the secretariat approves the minutes', async () => {
    actionItem = await expectNewCard(people.other, `Aufgabe aus der Sondersitzung ${number}`);
    // The objection period has only just begun: Gremium asks once before approving.
    const [approved] = await confirmOnQuestion(
      people.secretariat,
      {
        question: `Protokoll der Sondersitzung ${number} jetzt freigeben?`,
        confirm: 'Trotzdem freigeben',
        answer: 'Fassung 2 ist freigegeben.',
      },
      () => say(people.secretariat, 'protokoll freigeben'),
    );
    await cardOf(approved!)
      .getByText(
        /Die Ergebnisse für den Kanal der Arbeitsgruppe sind zum Versand vorgemerkt; 1 Vereinbarung ist jetzt eine Aufgabe/,
      )
      .waitFor();
    await screenshot(people.secretariat, 'minutes-3-approved.png');
  });

  it('the working group channel shows the results and the agreement, without the discussion', async () => {
    // The channel view shows only the channel's cards: the results card is its first of this
    // title, and the first there to name the agreement (it may have arrived before the view opens).
    await people.secretariat.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
    const results = people.secretariat.getByText(`Ergebnisse und Vereinbarungen – Sondersitzung ${number}`).last();
    await results.waitFor({ timeout: 60_000 });
    await cardOf(results).getByText(AGREEMENT, { exact: false }).waitFor();
    assert.equal(await people.secretariat.getByText(SUMMARY).count(), 0);
    await screenshot(people.secretariat, 'minutes-4-channel.png');
    await openPersonalChat(people.secretariat);
  });

  it('the full minutes are a PDF with the committee, the session and the agreement', async () => {
    // Earlier minutes cards of this session are still on screen: wait for one more, then use its button.
    const [minutes] = await waitForNewCard(people.secretariat, `Protokoll – Sondersitzung ${number}`, () =>
      say(people.secretariat, 'protokoll'),
    );
    // The button opens the link in a new tab; the test reads the address it asks for.
    const request = people.secretariat
      .context()
      .waitForEvent('request', (candidate) => candidate.url().includes('/api/minutes/'));
    await cardOf(minutes!).getByText('Protokoll als PDF', { exact: true }).click();
    const response = await fetch((await request).url());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    try {
      const { text } = await parser.getText();
      // In German, the language of the secretariat the link was issued to.
      for (const expected of [
        'Koordinierungsgremium',
        number,
        'Sabine Hoffmann',
        AGREEMENT,
        SUMMARY,
        'Teilnehmende',
        'Zusammenfassung',
        'Vereinbarungen',
      ]) {
        assert.ok(text.includes(expected), `the PDF lacks "${expected}"`);
      }
      const [page] = (await parser.getScreenshot({ first: 1, scale: 1.25, imageDataUrl: false })).pages;
      assert.ok(page, 'no page rendered');
      await writeFile(path.join(RESULTS, 'minutes-5-pdf-page-1.png'), page.data);
    } finally {
      await parser.destroy();
    }
  });

  it('the member marks her action item done from its card', async () => {
    const [item] = await actionItem.appeared({ timeout: 60_000 });
    await screenshot(people.other, 'minutes-6-action-item.png');
    await waitForNewCard(people.other, 'Gespeichert: Erledigt.', () =>
      cardOf(item!).getByRole('button', { name: 'Als erledigt melden', exact: true }).click(),
    );
  });

  it("the next session's agenda shows the agreement done", async () => {
    await waitForNewCard(people.secretariat, `3 Sitzungen für ${nextYear} angelegt`, () =>
      say(people.secretariat, `sitzungen planen ${nextYear}`),
    );
    const [agenda] = await waitForNewCard(people.secretariat, `Tagesordnung – Sitzung ${nextYear}/1`, () =>
      say(people.secretariat, `tagesordnung ${nextYear}/1`),
    );
    await cardOf(agenda!).getByText('Stand der Vereinbarungen').waitFor();
    await cardOf(agenda!).getByText(AGREEMENT_DONE).waitFor();
    await screenshot(people.secretariat, 'minutes-7-next-agenda.png');
  });
});
