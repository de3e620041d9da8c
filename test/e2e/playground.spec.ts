import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { cardOf, waitForNewCard } from './support/new-card';
import {
  freePort,
  PROJECT_ROOT,
  seedDemoLanguages,
  startBot,
  startPlayground,
  type RunningProcess,
} from './support/processes';

const RESULTS = path.join(PROJECT_ROOT, 'test-results');
/** The playground's team and the channel the committee is set up in. */
const TEAM = 'Koordinierungsgremium Leipzig';
const CHANNEL = 'AG Ausbildung und Arbeit';

/**
 * The whole stack as a person meets it: the bot process on the embedded store, the real
 * Microsoft 365 Agents Playground, and headless Chromium typing into it. The playground reports
 * every user as en-US; its user has German chosen, as `npm run dev` does it for the demo's people
 * (here without the demo committees: the test sets one up itself, in the playground's team, where
 * it then lives), so Gremium answers in German, switches to English with „sprache englisch“ and
 * back with „sprache deutsch“.
 */
describe('e2e: personal chat in the Agents Playground', function () {
  this.timeout(180_000);

  let dataDir: string;
  let botPort: number;
  let bot: RunningProcess | undefined;
  let playground: RunningProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-e2e-'));
    botPort = await freePort();
    await seedDemoLanguages(dataDir);
    browser = await launchChromium();
    bot = await startBot({ port: botPort, dataDir, logFile: path.join(RESULTS, 'e2e-bot.log') });
    const playgroundPort = await freePort();
    playground = await startPlayground({
      port: playgroundPort,
      botPort,
      logFile: path.join(RESULTS, 'e2e-playground.log'),
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`http://localhost:${playgroundPort}/`);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({
        path: path.join(RESULTS, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
    }
  });

  /**
   * A new post in the open channel that @mentions Gremium: the playground turns "@" plus a name
   * into a mention only when the name is picked from its suggestions.
   */
  async function postMentioningGremium(text: string): Promise<void> {
    await page.locator('[role="textbox"][contenteditable="true"]').first().click();
    await page.keyboard.type('@Grem');
    await page.getByRole('menuitem', { name: 'Gremium' }).click();
    await page.keyboard.type(` ${text}`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  async function say(text: string): Promise<void> {
    // The compose box is the chat's rich-text editor, not one of the cards' inputs.
    const compose = page.locator('[role="textbox"][contenteditable="true"]');
    await compose.click();
    await page.keyboard.type(text);
    await page.getByRole('button', { name: 'Send Message' }).click();
  }

  it('answers "hilfe" with the help card, in German', async () => {
    const [help] = await waitForNewCard(page, 'Was Sie mit Gremium tun können', () => say('hilfe'));
    await cardOf(help!).getByText('Sie gehören noch keinem Gremium an', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, '1-help.png') });
  });

  it('switches to English with „sprache englisch“, and back to German with „sprache deutsch“', async () => {
    const [english] = await waitForNewCard(page, 'Language: English', () => say('sprache englisch'));
    await cardOf(english!).getByText('Zurück zu Deutsch: „sprache deutsch“').waitFor();
    await waitForNewCard(page, 'What you can do with Gremium', () => say('hilfe'));
    await page.screenshot({ path: path.join(RESULTS, '1-language-english.png') });
    const [german] = await waitForNewCard(page, 'Sprache: Deutsch', () => say('sprache deutsch'));
    await cardOf(german!).getByText('Gremium antwortet Ihnen ab jetzt auf Deutsch', { exact: false }).waitFor();
    const [help] = await waitForNewCard(page, 'Was Sie mit Gremium tun können', () => say('hilfe'));
    await cardOf(help!).getByText('sprache', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, '1-language-german.png') });
  });

  it('sets up the committee from the card in the team it will live in', async () => {
    await page.getByRole('treeitem', { name: `${TEAM} - ${CHANNEL}` }).click();
    // The post itself reads "Gremium einrichten" too: the card is found by its introduction.
    const [intro] = await waitForNewCard(page, 'Die Vorschläge entsprechen dem Leipziger Koordinierungsgremium', () =>
      postMentioningGremium('einrichten'),
    );
    const form = cardOf(intro!);
    await form.getByText(`Dieses Gremium wird in „${TEAM}“ zu Hause sein`, { exact: false }).waitFor();
    const name = form.getByLabel('Name des Gremiums');
    assert.match(await name.inputValue(), /Koordinierungsgremium/);
    await name.fill('Lenkungsgruppe Integration Nordsachsen');
    await form.getByLabel('Kurzname').fill('LGI');
    await page.screenshot({ path: path.join(RESULTS, '2-setup-filled.png'), fullPage: true });
    // The form is answered in place by the committee's card.
    const [saved] = await waitForNewCard(page, 'Gremium eingerichtet', () =>
      form.getByRole('button', { name: 'Speichern' }).click(),
    );
    await cardOf(saved!).getByText('Lenkungsgruppe Integration Nordsachsen').waitFor();
    await page.screenshot({ path: path.join(RESULTS, '3-committee-created.png') });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  });

  it('finds the committee again after the bot restarts', async () => {
    assert.equal(await bot!.stop(), 0, 'the bot shut down cleanly');
    bot = await startBot({ port: botPort, dataDir, logFile: path.join(RESULTS, 'e2e-bot.log') });
    const [heading] = await waitForNewCard(page, 'Gremium bearbeiten', () => say('einrichten'));
    const form = cardOf(heading!);
    assert.equal(await form.getByLabel('Name des Gremiums').inputValue(), 'Lenkungsgruppe Integration Nordsachsen');
    assert.equal(await form.getByLabel('Kurzname').inputValue(), 'LGI');
    await page.screenshot({ path: path.join(RESULTS, '4-after-restart.png') });
    const [help] = await waitForNewCard(page, 'Was Sie mit Gremium tun können', () => say('hilfe'));
    await cardOf(help!).getByText('Ihre Rolle: Geschäftsstelle').waitFor();
  });
});
