import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OutboxRecord } from '../src/app/delivery/outbox-record';
import { OutboxSender } from '../src/app/delivery/outbox-sender';
import { silentLogger } from '../src/app/ports/logger';
import { createMessageRenderer } from '../src/cards/outgoing-messages';
import { SendRateLimiter } from '../src/domain/delivery/send-rate-limiter';
import { systemClock } from '../src/infra/system-clock';
import { BackgroundLoop } from '../src/infra/background-loop';
import { BotFrameworkMessenger } from '../src/infra/bot-framework-messenger';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts } from '../test/app/delivery/delivery-fixtures';
import { ConnectorDouble } from '../test/support/connector-double';

export interface FanOutResult {
  readonly name: string;
  readonly recipients: number;
  readonly injectedTransientRate: number;
  readonly elapsedMs: number;
  /** What Teams' limits allow at best: recipients / global budget per second. */
  readonly floorMs: number;
  readonly ratio: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly connectorAnswers: Record<number, number>;
}

const RECIPIENTS = 200;
/** The app's budget per second that the connector double enforces, as Teams does. */
export const GLOBAL_PER_SECOND = 50;
const SEND_MARGIN_MS = 25;
/** The server's outbox loop pauses this long when it found nothing to do. */
const OUTBOX_IDLE_MS = 1000;

export interface FanOutOptions {
  /** How many people the notice goes to; 200 unless a test wants it small. */
  readonly recipients?: number;
  /** The seed of the injected faults, so repeated runs meet different fault patterns. */
  readonly seed?: number;
}

/** How often the benchmark looks whether every message has arrived (in memory, nearly free). */
const DONE_POLL_MS = 5;

/**
 * The 200-recipient fan-out in real time: the production sender (real timers, 50 sends in
 * flight, the same margin as the server) driven by the outbox loop as the server runs it (idle
 * pause of a second, woken when a retry falls due), on the embedded store, through the connector
 * double that enforces Teams' limits, optionally with injected 429/503. It is done when every
 * recipient has the message and no record is pending.
 */
export async function fanOut(
  name: string,
  injectedTransientRate: number,
  options: FanOutOptions = {},
): Promise<FanOutResult> {
  const recipients = options.recipients ?? RECIPIENTS;
  const seed = options.seed ?? 42;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-'));
  const store = await EmbeddedStore.open({ dataDir });
  const connector = await ConnectorDouble.start({
    globalPerSecond: GLOBAL_PER_SECOND,
    ...(injectedTransientRate > 0 ? { inject: { transientRate: injectedTransientRate, seed } } : {}),
  });
  try {
    const deps = { store, clock: systemClock };
    await knownPeople(deps, recipients, connector.url);
    const sender = new OutboxSender({
      ...deps,
      messenger: new BotFrameworkMessenger({}),
      renderer: createMessageRenderer('de'),
      limiter: new SendRateLimiter({ limit: GLOBAL_PER_SECOND, windowMs: 1000 }, undefined, SEND_MARGIN_MS),
      logger: silentLogger,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      instanceId: 'bench',
    });
    const loop = new BackgroundLoop({
      name: 'outbox',
      idleMs: OUTBOX_IDLE_MS,
      nextWorkInMs: () => sender.msUntilNextRetry(),
      logger: silentLogger,
      step: async (signal) => {
        const result = await sender.drainOnce(signal);
        return result.expanded + result.sent + result.retried + result.failed + result.finished > 0;
      },
    });
    const started = performance.now();
    await enqueue(store, `bench:${name}`, noticeDrafts(`bench:${name}`, recipients), systemClock.now().toISO()!);
    loop.start();
    let elapsedMs: number;
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, DONE_POLL_MS));
        if (connector.deliveredPerConversation().size < recipients) continue;
        const pending = await store.query<OutboxRecord>(COMMITTEE, {
          type: 'outbox',
          where: [{ field: 'status', op: '=', value: 'pending' }],
          limit: 1,
        });
        if (pending.length === 0) break;
      }
      elapsedMs = performance.now() - started;
    } finally {
      await loop.stop();
    }
    const perConversation = connector.deliveredPerConversation();
    const floorMs = (recipients / GLOBAL_PER_SECOND) * 1000;
    return {
      name,
      recipients,
      injectedTransientRate,
      elapsedMs: Math.round(elapsedMs),
      floorMs,
      ratio: Math.round((elapsedMs / floorMs) * 1000) / 1000,
      lost: recipients - perConversation.size,
      duplicated: [...perConversation.values()].reduce((sum, count) => sum + count - 1, 0),
      connectorAnswers: connector.requests(),
    };
  } finally {
    await connector.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
