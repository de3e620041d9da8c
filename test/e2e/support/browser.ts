import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian, Ubuntu and most Linux distributions install Chromium or Chrome. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for a machine without a display, a GPU or an open network (no calls home at start). */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A Chromium to start and the flags it needs; `source` says where it was found, for messages. */
export interface ChromiumChoice {
  readonly executablePath: string;
  readonly args: readonly string[];
  readonly source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

/** Where to look; the defaults are the environment and the system, tests pass others. */
export interface ChromiumSearch {
  readonly env?: NodeJS.ProcessEnv;
  readonly systemPaths?: readonly string[];
}

/**
 * The Chromium the end-to-end tests drive, in this order: `CHROMIUM_PATH` when set, a system
 * Chromium when one is installed, else the headless Chromium that the npm dev dependency
 * `@sparticuz/chromium` carries inside its registry package (unpacked to the temp folder on first
 * use, about 2 s). So `npm ci && npm test` needs no browser on the machine and never downloads
 * one from elsewhere. A `CHROMIUM_PATH` that does not exist is an error, not a silent fallback.
 */
export async function findChromium({
  env = process.env,
  systemPaths = SYSTEM_CHROMIUM_PATHS,
}: ChromiumSearch = {}): Promise<ChromiumChoice> {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${configured}, but nothing is there. Unset it to use the Chromium that npm installed.`,
      );
    }
    return { executablePath: configured, args: QUIET_FLAGS, source: 'CHROMIUM_PATH' };
  }
  const system = systemPaths.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, args: QUIET_FLAGS, source: 'system' };
  const packaged = (await import('@sparticuz/chromium')).default;
  // Its own flags fit a machine without a display (software GL, one process); ours keep it quiet.
  const args = [...packaged.args.filter((flag) => !flag.startsWith('--headless')), ...QUIET_FLAGS];
  return { executablePath: await packaged.executablePath(), args: [...new Set(args)], source: 'npm' };
}

/** Headless Chromium as `findChromium` chooses it. */
export async function launchChromium(search: ChromiumSearch = {}): Promise<Browser> {
  const choice = await findChromium(search);
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: [...choice.args] });
}
