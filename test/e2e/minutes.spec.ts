import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

const TEAM = 'Koordinierungsgremium Leipzig';
const CHANNEL = 'AG Ausbildung und Arbeit';
const AGREEMENT = 'Present the figures on apprenticeship dropouts';
/** The agreement as the agenda's "status of agreements" item lists it once done. */
const AGREEMENT_DONE = new RegExp(`${AGREEMENT}.*Jobcenter Leipzig.*Done`);

/**
 * From a held session to approved minutes and a closed agreement, on the demo committee. The
 * secretariat (Katrin Albers) holds an extra session today with Sabine Hoffmann (member for
 * Jobcenter Leipzig, in a second playground run) recorded as attending, drafts the minutes with one agreement
 * owned by Sabine, circulates and approves them. The working group's channel shows the results
 * card, Sabine marks her action item done from its card, and the next session's agenda shows the
 * agreement done. The full minutes are downloaded through their PDF link, and the first page is
 * kept as an image for the README. The session is today's, because attendance can only be
 * recorded from the session day on; the playground reports en-US, so everything is in English.
 */
describe('e2e: from a held session to approved minutes and a closed agreement in the Agents Playground', function () {
  this.timeout(300_000);
  const people = useTwoPlaygrounds('minutes', '29:sabine-hoffmann');
  const today = DateTime.now().setZone('Europe/Berlin');
  const nextYear = today.year + 1;
  let number = '';

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
    await say(people.other, 'help');
    await people.other.getByText('What you can do with Gremium').last().waitFor();
  });

  it('the secretariat writes in the working group channel, so Gremium posts there through her playground', async () => {
    await people.secretariat.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
    await people.secretariat.locator('[role="textbox"][contenteditable="true"]').first().click();
    await people.secretariat.keyboard.type('@Grem');
    await people.secretariat.getByRole('menuitem', { name: 'Gremium' }).click();
    await people.secretariat.keyboard.type(' help');
    await people.secretariat.getByRole('button', { name: 'Post', exact: true }).click();
    await people.secretariat.getByText('What you can do with Gremium').last().waitFor();
    await openPersonalChat(people.secretariat);
  });

  it('the secretariat holds an extra session today, with the member attending', async () => {
    await say(people.secretariat, `extra session ${today.toISODate()}`);
    const created = await people.secretariat.getByText(/Extra session \d{4}\/S\d+ created/).last().textContent();
    number = /(\d{4}\/S\d+)/.exec(created ?? '')?.[1] ?? '';
    assert.ok(number, `no session number in "${created}"`);
    await say(people.secretariat, `invite ${number}`);
    await people.secretariat.getByText(`Invitations to session ${number} are being sent`).last().waitFor();
    await people.other.getByText(`Invitation: Extra session ${number}`).last().waitFor({ timeout: 60_000 });
    // The answer deadline of a session held today has passed: the secretariat records who came.
    await say(people.secretariat, `attendance ${number}`);
    await choose(people.secretariat, 'Jobcenter Leipzig', 'in person');
    await people.secretariat.getByRole('button', { name: 'Save attendance' }).last().click();
    await people.secretariat.getByText('Attendance saved').last().waitFor();
  });

  it('the secretariat drafts the minutes with one agreement', async () => {
    await say(people.secretariat, 'minutes');
    await people.secretariat.getByText(`Minutes – Extra session ${number}`).last().waitFor();
    // The minutes card is the newest; its two items, opening and other business, each have "Edit".
    await people.secretariat.getByRole('button', { name: 'Edit', exact: true }).nth(-2).click();
    await people.secretariat.getByLabel('Summary').last().fill('The chambers reported rising dropout figures in the first year.');
    await people.secretariat.getByLabel('Result').last().fill('The committee asks for the figures per occupation.');
    await people.secretariat.getByLabel('Agreement', { exact: true }).last().fill(AGREEMENT);
    await choose(people.secretariat, 'Responsible person', 'Sabine Hoffmann');
    await people.secretariat.getByLabel('Due on').last().fill(today.plus({ weeks: 6 }).toISODate()!);
    await people.secretariat.getByRole('button', { name: 'Save' }).last().click();
    await people.secretariat.getByText('Saved as version 2.').last().waitFor();
    await people.secretariat.getByText(AGREEMENT, { exact: false }).last().waitFor();
    await screenshot(people.secretariat, 'minutes-1-draft.png');
  });

  it('the secretariat circulates the minutes, and the member gets them for review', async () => {
    await say(people.secretariat, 'circulate minutes');
    await people.secretariat.getByText('Version 2 is circulated.').last().waitFor();
    await people.other.getByText(`Draft minutes – Extra session ${number} (version 2)`).last().waitFor({ timeout: 60_000 });
    await screenshot(people.other, 'minutes-2-review.png');
  });

  it('the secretariat approves the minutes', async () => {
    await say(people.secretariat, 'approve minutes');
    await people.secretariat.getByText('Version 2 is approved.').last().waitFor();
    await people.secretariat.getByText(/The working group gets the results in its channel; 1 agreements are now action items/).last().waitFor();
    await screenshot(people.secretariat, 'minutes-3-approved.png');
  });

  it('the working group channel shows the results and the agreement, without the discussion', async () => {
    await people.secretariat.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
    await people.secretariat.getByText(`Results and agreements – Extra session ${number}`).last().waitFor({ timeout: 60_000 });
    await people.secretariat.getByText(AGREEMENT, { exact: false }).last().waitFor();
    assert.equal(await people.secretariat.getByText('The chambers reported rising dropout figures').count(), 0);
    await screenshot(people.secretariat, 'minutes-4-channel.png');
    await openPersonalChat(people.secretariat);
  });

  it('the full minutes are a PDF with the committee, the session and the agreement', async () => {
    await say(people.secretariat, 'minutes');
    await people.secretariat.getByText(`Minutes – Extra session ${number}`).last().waitFor();
    // The button opens the link in a new tab; the test reads the address it asks for.
    const request = people.secretariat.context().waitForEvent('request', (candidate) => candidate.url().includes('/api/minutes/'));
    await people.secretariat.getByText('Minutes as PDF', { exact: true }).last().click();
    const response = await fetch((await request).url());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    try {
      const { text } = await parser.getText();
      for (const expected of ['Koordinierungsgremium', number, 'Sabine Hoffmann', AGREEMENT, 'The chambers reported rising dropout figures']) {
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
    await people.other.getByText(`Action item – Extra session ${number}`).last().waitFor({ timeout: 60_000 });
    await screenshot(people.other, 'minutes-6-action-item.png');
    await people.other.getByRole('button', { name: 'Done', exact: true }).last().click();
    await people.other.getByText('Saved: Done.').last().waitFor();
  });

  it("the next session's agenda shows the agreement done", async () => {
    await say(people.secretariat, `plan sessions ${nextYear}`);
    await people.secretariat.getByText(`3 sessions created for ${nextYear}`).last().waitFor();
    await say(people.secretariat, `agenda ${nextYear}/1`);
    await people.secretariat.getByText(`Agenda – Session ${nextYear}/1`).last().waitFor();
    await people.secretariat.getByText('Status of agreements').last().waitFor();
    await people.secretariat.getByText(AGREEMENT_DONE).last().waitFor();
    await screenshot(people.secretariat, 'minutes-7-next-agenda.png');
  });
});
