import { seedLanguageChoices } from '../src/app/preferences/seed-language-choices';
import { systemClock } from '../src/infra/system-clock';
import { loadConfig } from '../src/server/config';
import { openStore } from '../src/server/open-store';
import { seedDemoCommittees } from './demo/demo-committees';
import { kogDemoLanguages } from './demo/kog-demo';

/** The playground's connector when started with its default port. */
const DEFAULT_PLAYGROUND_SERVICE_URL = 'http://localhost:56150/_connector';

/**
 * `npm run seed:demo`: loads the demo's two committees into the configured store (the embedded
 * one by default), the KOG in its team and the Steuerungsgruppe Integration in the playground's
 * group chat, and German as the language of their people. Leaves an existing committee, and a
 * language or committee a person chose, untouched. It only writes the store, so without a bot
 * registration (BOT_ID) it runs as the local bot it seeds for does: LOCAL_MODE=true.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...(process.env.BOT_ID?.trim() ? {} : { LOCAL_MODE: 'true' }), ...process.env });
  const store = await openStore(config);
  try {
    const outcomes = await seedDemoCommittees(
      { store, clock: systemClock },
      process.env.PLAYGROUND_SERVICE_URL ?? DEFAULT_PLAYGROUND_SERVICE_URL,
    );
    const where = `the ${config.store} store${config.store === 'embedded' ? ` (${config.dataDir})` : ''}`;
    for (const { shortName, outcome } of outcomes)
      process.stdout.write(
        outcome === 'created'
          ? `Demo committee ${shortName} created in ${where}.\n`
          : `The demo committee ${shortName} exists already; nothing was changed.\n`,
      );
    const languages = await seedLanguageChoices({ store, clock: systemClock }, kogDemoLanguages());
    if (languages > 0) process.stdout.write(`German chosen for ${languages} demo people.\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
