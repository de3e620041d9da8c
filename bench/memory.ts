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
  /** Node options for the bot, before its script. */
  readonly nodeArgs?: readonly string[];
  /**
   * Investigation only: load heap-probe.ts into the bot and, at every sample, force a full
   * collection and read its heap from inside; with `snapshotsDir`, also write heap snapshots
   * after the warm-up and at the end. Forced collections change the RSS figures, so a probed run
   * says what the memory is made of, never what `soakGrowth` is.
   */
  readonly probe?: { readonly snapshotsDir?: string; readonly collect?: boolean };
}

export const FULL_SOAK: SoakOptions = { turns: 10_000, warmUp: 1_000, members: 50 };

export interface SoakResult {
  readonly turns: number;
  readonly warmUp: number;
  /** (RSS after the turns − RSS after the warm-up) / RSS after the warm-up. */
  readonly soakGrowth: number;
  readonly rssAfterWarmUpMb: number;
  readonly rssAfterMb: number;
  /** The most RSS seen, sampled every 500 turns. */
  readonly rssPeakMb: number;
  /** Turns answered other than with 200 (or, for card clicks, without a card). */
  readonly failed: number;
  readonly turnsByKind: Readonly<Record<string, number>>;
  /** RSS every SAMPLE_EVERY turns from the start (warm-up included); in a probed run, heap figures beside it. */
  readonly samples: readonly SoakSample[];
}

/** One reading during the soak, in MiB; the heap figures only in a probed run, after a full collection. */
export interface SoakSample {
  readonly turn: number;
  /** Before the collection, as an unprobed run would read it. */
  readonly rssMb: number;
  /** Anonymous and file-backed parts of the RSS (from /proc), read after the probe. */
  readonly rssAnonMb?: number;
  readonly rssFileMb?: number;
  readonly rssAfterGcMb?: number;
  readonly heapUsedMb?: number;
  readonly heapTotalMb?: number;
  readonly externalMb?: number;
  readonly arrayBuffersMb?: number;
}

const SAMPLE_EVERY = 500;

/**
 * Whether memory grows with use: the built bot as its own process, background work on, a committee
 * with `members` invited to a session; then one turn after the other, in a fixed mix: typed
 * commands (`hilfe`, `sitzungen` by members, `tagesordnung` and `zusagen` by the secretariat),
 * invitation answers (changing each time), and agenda edits (items moved up and down on the
 * secretariat's agenda card, each with the revision its last answer carried). RSS is read after
 * `warmUp` turns and again after `turns` more.
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
    const started = { nodeArgs: options.nodeArgs ?? [], probe: options.probe !== undefined };
    return await withBot('gremium', dataDir, started, async (bot) => {
      const turns = mixedTurns(connector.url, options.members, revision);
      const counts: Record<string, number> = {};
      const samples: SoakSample[] = [];
      let failed = 0;
      let peak = 0;
      const sample = async (turn: number, snapshot?: string) => {
        const rss = await bot.rssBytes();
        peak = Math.max(peak, rss);
        if (!bot.probe) return samples.push({ turn, rssMb: mb(rss) });
        const dir = options.probe?.snapshotsDir;
        const collect = options.probe?.collect !== false;
        const reply = await bot.probe(
          snapshot && dir ? { kind: 'snapshot', dir, label: `${snapshot}-${turn}` } : { kind: 'usage', collect },
        );
        const status = await readFile(`/proc/${bot.child.pid}/status`, 'utf8');
        const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
        return samples.push({
          turn,
          rssMb: mb(rss),
          rssAnonMb: mb(kib('RssAnon') * 1024),
          rssFileMb: mb(kib('RssFile') * 1024),
          ...(collect ? { rssAfterGcMb: mb(reply.usage.rss) } : {}),
          heapUsedMb: mb(reply.usage.heapUsed),
          heapTotalMb: mb(reply.usage.heapTotal),
          externalMb: mb(reply.usage.external),
          arrayBuffersMb: mb(reply.usage.arrayBuffers),
        });
      };
      const run = async (count: number, offset: number) => {
        for (let index = 0; index < count; index += 1) {
          const turn = turns.next(offset + index);
          counts[turn.kind] = (counts[turn.kind] ?? 0) + 1;
          const answer = await post(bot.url, turn.body);
          if (!answer.ok) failed += 1;
          else turn.answered?.(answer.json);
          const done = offset + index + 1;
          if (done % SAMPLE_EVERY === 0 && index !== count - 1) await sample(done);
        }
      };
      await run(options.warmUp, 0);
      const afterWarmUp = await bot.rssBytes();
      await sample(options.warmUp, 'warm');
      await run(options.turns, options.warmUp);
      const after = await bot.rssBytes();
      await sample(options.warmUp + options.turns, 'end');
      peak = Math.max(peak, after, afterWarmUp);
      return {
        turns: options.turns,
        warmUp: options.warmUp,
        soakGrowth: Math.round(((after - afterWarmUp) / afterWarmUp) * 10_000) / 10_000,
        rssAfterWarmUpMb: mb(afterWarmUp),
        rssAfterMb: mb(after),
        rssPeakMb: mb(peak),
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
