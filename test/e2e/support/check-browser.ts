import { findChromium, launchChromium } from './browser';

/**
 * Starts and stops the Chromium the end-to-end tests would use and says which one it is; exits
 * with 1 when none starts. CI runs it before the tests to decide whether a fallback is needed.
 */
async function main(): Promise<void> {
  const choice = await findChromium();
  const browser = await launchChromium();
  const version = browser.version();
  await browser.close();
  process.stdout.write(`Chromium ${version} from ${choice.source}: ${choice.executablePath}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`No Chromium could be started: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
