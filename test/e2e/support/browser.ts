import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where the system Chromium is: `CHROMIUM_PATH`, or where Debian's package installs it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Headless Chromium from the system, never a downloaded build. Without it the end-to-end tests
 * fail (they never skip) and say how to install it.
 */
export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with "sudo apt-get install -y chromium" ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to an installed Chromium or Chrome.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
