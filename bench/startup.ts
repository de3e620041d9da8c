import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, spreadOf, startBotProcess, type BotKind, type Spread } from './bot-process';

export interface StartupResult {
  readonly starts: number;
  /** Gremium's median time to ready over the echo bot's. */
  readonly readyRatio: number;
  readonly gremiumMs: Spread;
  readonly echoMs: Spread;
}

/**
 * Cold start: the built bot started with `node dist/src/server/main.js` in local mode on an empty
 * embedded store in a fresh folder, from spawning the process until `/readyz` answers 200, against
 * the echo bot on the same stack started the same way. The two take turns, so both see the same
 * load on the machine; `starts` of each, the median compared.
 */
export async function startup(starts = 5): Promise<StartupResult> {
  await buildOnce();
  const times: Record<BotKind, number[]> = { gremium: [], echo: [] };
  for (let round = 0; round < starts; round += 1) {
    for (const kind of ['gremium', 'echo'] as const) times[kind].push(await coldStart(kind));
  }
  const gremiumMs = spreadOf(times.gremium);
  const echoMs = spreadOf(times.echo);
  return {
    starts,
    readyRatio: Math.round((gremiumMs.median / echoMs.median) * 1000) / 1000,
    gremiumMs,
    echoMs,
  };
}

async function coldStart(kind: BotKind): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `gremium-bench-start-${kind}-`));
  try {
    const bot = await startBotProcess(kind, { dataDir, logFile: path.join(dataDir, 'bot.log') });
    await bot.stop();
    return bot.readyMs;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
