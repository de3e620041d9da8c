import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { playgroundConfigAs } from './playground-as';
import { freePort, PROJECT_ROOT, seedDemo, startBot, startPlayground, type RunningProcess } from './processes';

/** Where screenshots and logs of the end-to-end tests go. */
export const RESULTS = path.join(PROJECT_ROOT, 'test-results');

/** The two browser pages of a two-person end-to-end test, each on its playground's personal chat. */
export interface TwoPeople {
  /** Katrin Albers, the project's playground user and the demo's secretariat. */
  readonly secretariat: Page;
  /** The second person, in a playground run signed in as them. */
  readonly other: Page;
}

/**
 * Registers mocha hooks for an end-to-end test with two people against one bot on the seeded
 * demo committee: the bot process, two Agents Playground runs (the second signed in as
 * `otherUserId`) and a headless Chromium page on each. Everything is stopped and removed
 * afterwards; a failing test leaves a screenshot of both pages in test-results/. Read the pages
 * inside the tests, not at registration. `botEnvironment` adds to the bot's environment; it is
 * read when the bot starts, so it may name a server that a `before` hook registered earlier started.
 */
export function useTwoPlaygrounds(
  name: string,
  otherUserId: string,
  options: { readonly botEnvironment?: () => NodeJS.ProcessEnv } = {},
): TwoPeople {
  const pages = {} as { secretariat: Page; other: Page };
  let dataDir: string;
  let configDir: string;
  let bot: RunningProcess | undefined;
  const playgrounds: RunningProcess[] = [];
  let browser: Browser | undefined;
  const other = otherUserId.replace(/^29:/, '').split('-')[0]!;

  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), `gremium-e2e-${name}-`));
    configDir = await mkdtemp(path.join(os.tmpdir(), `gremium-e2e-${name}-${other}-`));
    const botPort = await freePort();
    const logFile = path.join(RESULTS, `e2e-${name}-bot.log`);
    const [katrinPort, otherPort] = [await freePort(), await freePort()];
    await seedDemo({ port: botPort, dataDir, logFile, playgroundPort: katrinPort });
    browser = await launchChromium();
    bot = await startBot({ port: botPort, dataDir, logFile, env: options.botEnvironment?.() ?? {} });
    playgrounds.push(
      await startPlayground({
        port: katrinPort,
        botPort,
        logFile: path.join(RESULTS, `e2e-${name}-playground-katrin.log`),
      }),
    );
    playgrounds.push(
      await startPlayground({
        port: otherPort,
        botPort,
        logFile: path.join(RESULTS, `e2e-${name}-playground-${other}.log`),
        cwd: await playgroundConfigAs(otherUserId, configDir),
      }),
    );
    pages.secretariat = await openPersonalChat(browser, katrinPort);
    pages.other = await openPersonalChat(browser, otherPort);
  });

  after(async () => {
    await browser?.close();
    for (const playground of playgrounds) await playground.stop();
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(configDir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const [who, page] of [
      ['secretariat', pages.secretariat],
      [other, pages.other],
    ] as const) {
      await page?.screenshot({
        path: path.join(RESULTS, `failed-${name}-${who}-${this.currentTest.title.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
    }
  });

  return pages;
}

async function openPersonalChat(from: Browser, port: number): Promise<Page> {
  const page = await from.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  return page;
}

/** Types a line into the open chat's compose box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator('[role="textbox"][contenteditable="true"]').click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}
