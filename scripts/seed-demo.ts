import { seedLanguageChoices } from '../src/app/preferences/seed-language-choices';
import { seedCommittee } from '../src/app/seed-committee';
import { systemClock } from '../src/infra/system-clock';
import { loadConfig } from '../src/server/config';
import { openStore } from '../src/server/open-store';
import { kogDemo, kogDemoLanguages } from './demo/kog-demo';

/** The playground's connector when started with its default port. */
const DEFAULT_PLAYGROUND_SERVICE_URL = 'http://localhost:56150/_connector';

/**
 * `npm run seed:demo`: loads the demo committee into the configured store (the embedded one by
 * default), and German as the language of its people. Leaves an existing committee, and a
 * language a person chose, untouched. It only writes the store, so without a bot
 * registration (BOT_ID) it runs as the local bot it seeds for does: LOCAL_MODE=true.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...(process.env.BOT_ID?.trim() ? {} : { LOCAL_MODE: 'true' }), ...process.env });
  const store = await openStore(config);
  try {
    const outcome = await seedCommittee(
      { store, clock: systemClock },
      kogDemo(process.env.PLAYGROUND_SERVICE_URL ?? DEFAULT_PLAYGROUND_SERVICE_URL),
    );
    process.stdout.write(
      outcome === 'created'
        ? `Demo committee created in the ${config.store} store${config.store === 'embedded' ? ` (${config.dataDir})` : ''}.\n`
        : 'A committee already exists for the demo tenant; nothing was changed.\n',
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
