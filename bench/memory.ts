import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../src/cards/verbs';
import { fixedClock } from '../src/domain/clock';
import { EmbeddedStore } from '../src/infra/embedded-store';
import {
  buildOnce,
  spreadOf,
  startBotProcess,
  startNodeOptions,
  type BotKind,
  type BotProcess,
  type BotProcessOptions,
  type Spread,
} from './bot-process';
import {
  COMMITTEE,
  memberId,
  NOW,
  rsvpClick,
  SECRETARIAT,
  seedInvitedCommittee,
  SESSION,
  startConnectorStandIn,
  TENANT,
} from './rsvp-answers';

const MB = 1024 * 1024;
const CHOICES = ['inPerson', 'online', 'declined', 'delegate'] as const;

export interface IdleRssResult {
  readonly starts: number;
  /** Gremium's median RSS after start and one `hilfe` over the echo bot's. */
  readonly idleRssRatio: number;
  /** RSS in MiB, the median and spread of the starts. */
  readonly gremiumMb: Spread;
  readonly echoMb: Spread;
}

/**
 * Memory held at rest: each built bot started as its own process (local mode, a fresh embedded
 * store), sent one `hilfe` over HTTP, and its RSS read from /proc once the answer is back. The two
 * take turns; `starts` of each, the medians compared.
 */
export async function idleRss(starts = 3): Promise<IdleRssResult> {
  await buildOnce();
  const sizes: Record<BotKind, number[]> = { gremium: [], echo: [] };
  const connector = await startConnectorStandIn();
  try {
    for (let round = 0; round < starts; round += 1) {
      for (const kind of ['gremium', 'echo'] as const) {
        sizes[kind].push(
          await withBot(kind, undefined, {}, async (bot) => {
            const before = connector.calls();
            await post(bot.url, helpMessage(connector.url, 0));
            if (connector.calls() === before) throw new Error(`${kind} did not answer "hilfe"`);
            return (await bot.rssBytes()) / MB;
          }),
        );
      }
    }
  } finally {
    await connector.close();
  }
  const gremiumMb = spreadOf(sizes.gremium);
  const echoMb = spreadOf(sizes.echo);
  return { starts, idleRssRatio: Math.round((gremiumMb.median / echoMb.median) * 1000) / 1000, gremiumMb, echoMb };
}

export interface SoakOptions {
  readonly turns: number;
  readonly warmUp: number;
  /** Members of the seeded committee, who click their invitations. */
  readonly members: number;
  /** Node options for the bot before its script; `npm start`'s (startNodeOptions) unless given. */
  readonly nodeArgs?: readonly string[];
  /**
   * Investigation only: heap snapshots written here after the warm-up and at the end (compare them
   * in Chrome's DevTools, Memory tab). Writing one takes a few hundred MiB that the process keeps,
   * so a run with snapshots says what the heap holds, never what `soakGrowth` is.
   */
  readonly snapshotsDir?: string;
  /** Investigation only: a full collection before every sample's heap figures, not only at the two readings. */
  readonly collectEverySample?: boolean;
}

export const FULL_SOAK: SoakOptions = { turns: 10_000, warmUp: 1_000, members: 50 };

export interface SoakResult {
  readonly turns: number;
  readonly warmUp: number;
  /** (RSS after the turns − RSS after the warm-up) / RSS after the warm-up. */
  readonly soakGrowth: number;
  readonly rssAfterWarmUpMb: number;
  readonly rssAfterMb: number;
  /** The most RSS seen, sampled every SAMPLE_EVERY turns. */
  readonly rssPeakMb: number;
  /**
   * The RSS samples' least-squares line over the `turns` (warm-up reading included), as growth
   * over all of them relative to RSS after the warm-up: the trend of the garbage collector's saw
   * tooth, where `soakGrowth` compares two points of it.
   */
  readonly rssTrendGrowth: number;
  /**
   * (JavaScript heap in use after a full collection at the end − the same after the warm-up) /
   * the same after the warm-up: what the turns left behind that is still reachable. Each
   * collection is forced right after the RSS reading at that point, so it does not touch that.
   */
  readonly heapGrowth: number;
  readonly heapAfterWarmUpMb: number;
  readonly heapAfterMb: number;
  /** The bot's node options (`npm start`'s unless the run was given others). */
  readonly nodeArgs: readonly string[];
  /** Turns answered other than with 200 (or, for card clicks, without a card). */
  readonly failed: number;
  readonly turnsByKind: Readonly<Record<string, number>>;
  /** Every SAMPLE_EVERY turns from the start (warm-up included). */
  readonly samples: readonly SoakSample[];
}

/**
 * One reading during the soak, in MiB: RSS from /proc and the bot's own process.memoryUsage(),
 * without a collection (so the heap figures include garbage not yet collected) unless `collected`.
 */
export interface SoakSample {
  readonly turn: number;
  readonly rssMb: number;
  /** Anonymous (heaps, malloc) and file-backed (node binary, native modules) parts of the RSS. */
  readonly rssAnonMb: number;
  readonly rssFileMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly externalMb: number;
  readonly collected: boolean;
}

const SAMPLE_EVERY = 500;

/**
 * Whether memory grows with use: the built bot as its own process, started as `npm start` starts
 * it, background work on, a committee with `members` invited to a session; then one turn after
 * the other, in a fixed mix: typed commands (`hilfe`, `sitzungen` by members, `tagesordnung` and
 * `zusagen` by the secretariat), invitation answers (changing each time), and agenda edits (items
 * moved up and down on the secretariat's agenda card, each with the revision its last answer
 * carried). RSS is read after `warmUp` turns and again after `turns` more.
 *
 * RSS follows V8's heap, which grows with garbage until a full collection and then drops, a saw
 * tooth of tens of MiB; two readings land anywhere on it. So the bot also carries heap-probe.ts
 * (`--expose-gc`, an IPC channel): right after each of the two readings it collects fully and
 * reports the heap still in use, which grows only if the turns leave something reachable behind;
 * and RSS is sampled every SAMPLE_EVERY turns for its trend.
 */
export async function soak(options: SoakOptions = FULL_SOAK): Promise<SoakResult> {
  await buildOnce();
  const connector = await startConnectorStandIn();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-soak-'));
  try {
    const store = await EmbeddedStore.open({ dataDir });
    let revision: number;
    try {
      revision = await seedInvitedCommittee(store, { store, clock: fixedClock(NOW) }, options.members);
    } finally {
      await store.close();
    }
    const nodeArgs = options.nodeArgs ?? startNodeOptions();
    return await withBot('gremium', dataDir, { nodeArgs, probe: true }, async (bot) => {
      const turns = mixedTurns(connector.url, options.members, revision);
      const counts: Record<string, number> = {};
      const samples: SoakSample[] = [];
      let failed = 0;
      const sample = async (turn: number, collect: boolean): Promise<SoakSample> => {
        const rss = await bot.rssBytes();
        const reply = await bot.probe!({ kind: 'usage', collect });
        const status = await readFile(`/proc/${bot.child.pid}/status`, 'utf8');
        const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
        const taken = {
          turn,
          rssMb: mb(rss),
          rssAnonMb: mb(kib('RssAnon') * 1024),
          rssFileMb: mb(kib('RssFile') * 1024),
          heapUsedMb: mb(reply.usage.heapUsed),
          heapTotalMb: mb(reply.usage.heapTotal),
          externalMb: mb(reply.usage.external),
          collected: collect,
        };
        samples.push(taken);
        return taken;
      };
      const reading = async (turn: number, label: string) => {
        const taken = await sample(turn, true);
        if (options.snapshotsDir) await bot.probe!({ kind: 'snapshot', dir: options.snapshotsDir, label });
        return taken;
      };
      const run = async (count: number, offset: number) => {
        for (let index = 0; index < count; index += 1) {
          const turn = turns.next(offset + index);
          counts[turn.kind] = (counts[turn.kind] ?? 0) + 1;
          const answer = await post(bot.url, turn.body);
          if (!answer.ok) failed += 1;
          else turn.answered?.(answer.json);
          const done = offset + index + 1;
          if (done % SAMPLE_EVERY === 0 && index !== count - 1) {
            await sample(done, options.collectEverySample ?? false);
          }
        }
      };
      await run(options.warmUp, 0);
      const afterWarmUp = await reading(options.warmUp, `after-warm-up-${options.warmUp}`);
      await run(options.turns, options.warmUp);
      const after = await reading(options.warmUp + options.turns, `after-${options.warmUp + options.turns}`);
      const growth = (from: number, to: number) => Math.round(((to - from) / from) * 10_000) / 10_000;
      const soaked = samples.filter((taken) => taken.turn >= options.warmUp);
      const slope = leastSquaresSlope(soaked.map((taken) => [taken.turn, taken.rssMb]));
      return {
        turns: options.turns,
        warmUp: options.warmUp,
        soakGrowth: growth(afterWarmUp.rssMb, after.rssMb),
        rssAfterWarmUpMb: afterWarmUp.rssMb,
        rssAfterMb: after.rssMb,
        rssPeakMb: Math.max(...samples.map((taken) => taken.rssMb)),
        rssTrendGrowth: Math.round(((slope * options.turns) / afterWarmUp.rssMb) * 10_000) / 10_000,
        heapGrowth: growth(afterWarmUp.heapUsedMb, after.heapUsedMb),
        heapAfterWarmUpMb: afterWarmUp.heapUsedMb,
        heapAfterMb: after.heapUsedMb,
        nodeArgs,
        failed,
        turnsByKind: counts,
        samples,
      };
    });
  } finally {
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Turn {
  readonly kind: string;
  readonly body: string;
  /** Reads what the next turns need (the agenda's revision) from the answer's body. */
  readonly answered?: (json: unknown) => void;
}

/** The soak's fixed mix of turns, the n-th of which is always the same kind. */
function mixedTurns(serviceUrl: string, members: number, revision: number): { next: (n: number) => Turn } {
  const member = (n: number) => memberId(n % members);
  const click = (n: number, shift: number): Turn => ({
    kind: 'rsvpClick',
    body: rsvpClick(serviceUrl, member(n), n % members, revision, CHOICES[(n + shift) % CHOICES.length]!),
  });
  const command = (n: number, person: string, text: string): Turn => ({
    kind: 'command',
    body: message(serviceUrl, person, n, text),
  });
  const agenda = agendaEdits(serviceUrl);
  const kinds: ((n: number) => Turn)[] = [
    (n) => click(n, 0),
    (n) => command(n, member(n), 'hilfe'),
    (n) => click(n, 1),
    (n) => command(n, member(n), 'sitzungen'),
    (n) => agenda(n),
    (n) => command(n, SECRETARIAT, n % 2 === 0 ? 'tagesordnung' : 'zusagen'),
  ];
  return { next: (n) => kinds[n % kinds.length]!(n) };
}

/**
 * The secretariat's agenda edits, each from the card the last one answered with: two items added
 * through the item form, then those two moved up and down past each other for good, so the agenda
 * does not grow with the turns.
 */
function agendaEdits(serviceUrl: string): (n: number) => Turn {
  const session = { committeeId: COMMITTEE, sessionId: SESSION };
  let added = 0;
  let save: Record<string, unknown> | undefined;
  let move: Record<string, unknown> | undefined;
  return (n) => {
    if (move && added >= 2) {
      return {
        kind: 'agendaEdit',
        body: invoke(serviceUrl, SECRETARIAT, n, VERBS.agendaMove, move),
        answered: (json) => (move = actionData(json, VERBS.agendaMove)),
      };
    }
    if (save) {
      const item = { title: `Bericht ${added + 1}`, presenter: 'Geschäftsstelle', minutes: '20', kind: 'information' };
      return {
        kind: 'agendaEdit',
        body: invoke(serviceUrl, SECRETARIAT, n, VERBS.agendaItemSave, { ...save, ...item }),
        answered: (json) => {
          save = undefined;
          added += 1;
          move = actionData(json, VERBS.agendaMove);
        },
      };
    }
    return {
      kind: 'agendaForm',
      body: invoke(serviceUrl, SECRETARIAT, n, VERBS.agendaItemForm, session),
      answered: (json) => (save = actionData(json, VERBS.agendaItemSave)),
    };
  };
}

/** The data of the first action with `verb` anywhere in an invoke's answer, or undefined. */
function actionData(json: unknown, verb: string): Record<string, unknown> | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const node = json as { verb?: unknown; data?: unknown };
  if (node.verb === verb && node.data && typeof node.data === 'object') return node.data as Record<string, unknown>;
  for (const value of Object.values(json)) {
    const found = actionData(value, verb);
    if (found) return found;
  }
  return undefined;
}

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The slope of the least-squares line through some points (0 for fewer than two). */
export function leastSquaresSlope(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

async function withBot<T>(
  kind: BotKind,
  dataDir: string | undefined,
  started: Pick<BotProcessOptions, 'nodeArgs' | 'probe'>,
  work: (bot: BotProcess) => Promise<T>,
): Promise<T> {
  const folder = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), `gremium-bench-rss-${kind}-`)));
  try {
    const bot = await startBotProcess(kind, {
      ...started,
      dataDir: folder,
      logFile: path.join(folder, `${kind}.log`),
    });
    try {
      return await work(bot);
    } finally {
      await bot.stop();
    }
  } finally {
    if (!dataDir) await rm(folder, { recursive: true, force: true });
  }
}

async function post(url: string, body: string): Promise<{ ok: boolean; json: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  if (!response.ok) return { ok: false, json: undefined };
  try {
    return { ok: true, json: text ? JSON.parse(text) : undefined };
  } catch {
    return { ok: false, json: undefined };
  }
}

function helpMessage(serviceUrl: string, index: number): string {
  return message(serviceUrl, memberId(index), index, 'hilfe');
}

/** A typed message in the person's 1:1 chat with the bot, as Teams POSTs it. */
function message(serviceUrl: string, personId: string, index: number, text: string): string {
  return JSON.stringify({
    ...activityBase(serviceUrl, personId, index),
    type: 'message',
    text,
    textFormat: 'plain',
  });
}

/** A card's Action.Execute click in the person's 1:1 chat. */
function invoke(serviceUrl: string, personId: string, index: number, verb: string, data: object): string {
  return JSON.stringify({
    ...activityBase(serviceUrl, personId, index),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `1:card-${index}`,
    value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } } },
  });
}

function activityBase(serviceUrl: string, personId: string, index: number) {
  return {
    id: `soak-${index}-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'de-DE',
    from: { id: `29:${personId}`, aadObjectId: personId, name: 'Bench' },
    recipient: { id: '28:gremium-bench', name: 'Gremium' },
    conversation: { id: `a:${personId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}
