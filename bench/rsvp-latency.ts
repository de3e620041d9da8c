import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../src/app/ports/document-store';
import { sessionDocumentId } from '../src/app/sessions/session-document';
import { fixedClock } from '../src/domain/clock';
import type { RsvpChoice } from '../src/domain/sessions/rsvp';
import { EmbeddedStore } from '../src/infra/embedded-store';
import {
  botFrameworkClaims,
  newSigningKey,
  signToken,
  startOpenIdMetadataServer,
  type OpenIdMetadataServer,
  type SigningKey,
} from '../test/support/bot-framework-keys';
import { buildOnce, spreadOf, startBotProcess, type BotKind, type BotProcess, type Spread } from './bot-process';
import { startCosmosServer, type CosmosServer } from './cosmos-server';
import type { LoadJob, LoadReport, LoadRequest } from './load-generator';
import {
  checkAnswers,
  memberId,
  percentile,
  rsvpClick,
  seedInvitedCommittee,
  startConnectorStandIn,
  TENANT,
} from './rsvp-answers';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const LOAD_GENERATOR = path.join(PROJECT_ROOT, 'dist/bench/load-generator.js');
/** The registration both bots validate tokens for. */
const BOT_ID = '0b0b0b0b-0000-4000-8000-0000000000b0';
/** Both bots answer a click with a card that says so (Gremium's refusals do not). */
const SAVED = 'Ihre Antwort ist gespeichert';
const CHOICES = ['inPerson', 'online', 'declined', 'delegate'] as const satisfies readonly RsvpChoice[];

export type LatencyStore = 'embedded' | 'cosmos';

export interface RsvpLatencyOptions {
  /** Runs of each bot, taking turns; each figure is the median over them. */
  readonly runs: number;
  /** Measured clicks per run, each by another member (so the committee has this many). */
  readonly clicks: number;
  /** Clients sending at once, each its next click when its last was answered. */
  readonly clients: number;
  /** Clicks sent before each run's measured ones, the same way, not timed. */
  readonly warmUp: number;
  /** Token validation on (a deployment's registration) or local mode without it, for comparison. */
  readonly auth: boolean;
}

/**
 * Five runs of 160 clicks by 32 clients (five each): the p99 of a run is its second slowest click.
 * More clicks mostly lengthen the Cosmos DB part, whose emulator scans its whole container for
 * every query, so its time grows with every answer stored.
 */
export const FULL_LATENCY: RsvpLatencyOptions = { runs: 5, clicks: 160, clients: 32, warmUp: 64, auth: true };

export interface RsvpLatencyResult {
  readonly name: string;
  readonly store: LatencyStore;
  readonly auth: string;
  readonly runs: number;
  readonly clicksPerRun: number;
  readonly clients: number;
  readonly warmUpPerRun: number;
  /** Gremium's median p99 over the echo bot's median p99. */
  readonly p99Ratio: number;
  /** Each run's p99 in ms: median and spread over the runs. */
  readonly gremiumP99Ms: Spread;
  readonly echoP99Ms: Spread;
  /** Gremium's p99 minus the echo bot's, run by run (the pairs that ran one after the other). */
  readonly differenceMs: Spread;
  /** Gremium's p99 over the echo bot's, run by run. */
  readonly ratioPerRun: Spread;
  readonly gremiumP50Ms: Spread;
  readonly echoP50Ms: Spread;
  /** Clicks answered other than 200 with the answer card, or failed; warm-ups included. */
  readonly errors: { readonly gremium: number; readonly echo: number };
  /** Lines the bots logged at level error or above. */
  readonly loggedErrors: { readonly gremium: number; readonly echo: number };
  /** After every Gremium run, members whose answer is not stored as sent, and documents beyond one each. */
  readonly lost: number;
  readonly duplicated: number;
  /** Calls to the Bot Framework connector: an answer goes back in the invoke response, so none. */
  readonly connectorCalls: number;
  /** Members whose card showed a calendar link, which their clicks then carried back (all of them). */
  readonly calendarLinksShown: number;
  /** Whether each bot refused a click without a token with 401 (with `auth`; without, it accepts it). */
  readonly unsignedRefused: { readonly gremium: boolean; readonly echo: boolean };
  readonly ok: boolean;
}

/**
 * RSVP clicks against the built Gremium and the echo bot, each its own process started from the
 * build output as `npm start` starts it, Gremium with its background loops on; the clients in a
 * load-generator process of their own. With `auth`, both bots are registered as a deployment is
 * (BOT_ID, single tenant) and validate the signed token of every request against a local https
 * stand-in of the Bot Framework's OpenID metadata endpoint, trusted through NODE_EXTRA_CA_CERTS;
 * Gremium then runs exactly its production checks. Gremium's store is the embedded SQLite file or
 * Cosmos DB (`@vercel/cosmosdb-server` over https in this process), seeded before it starts with
 * a committee whose members are invited to a session.
 *
 * First every member answers once on each bot (not timed); then `runs` rounds, each bot in turn
 * (which goes first alternates): a warm-up of `warmUp` clicks, then `clicks` timed clicks by every
 * member, `clients` at a time. Every click changes the member's answer, so each writes; after each
 * Gremium run the store must hold every member's latest answer, once.
 */
export async function rsvpLatency(
  store: LatencyStore,
  options: RsvpLatencyOptions = FULL_LATENCY,
): Promise<RsvpLatencyResult> {
  if (options.runs < 1 || options.clicks < 1 || options.clients < 1 || options.warmUp < 0)
    throw new Error(`the latency benchmark needs a run, a click and a client: ${JSON.stringify(options)}`);
  await buildOnce();
  const folder = await mkdtemp(path.join(os.tmpdir(), `gremium-bench-latency-${store}-`));
  const dataDir = path.join(folder, 'data');
  const signing = newSigningKey('bench-key');
  let keepLogs = true;
  const cleanUp: Array<() => Promise<unknown>> = [
    async () => {
      if (keepLogs) process.stderr.write(`latency benchmark on ${store}: the bots' logs are kept in ${folder}\n`);
      else await rm(folder, { recursive: true, force: true });
    },
  ];
  try {
    const connector = await startConnectorStandIn();
    cleanUp.unshift(connector.close);
    const metadata = options.auth ? await startOpenIdMetadataServer([signing]) : undefined;
    if (metadata) cleanUp.unshift(metadata.close);
    const cosmos = store === 'cosmos' ? await startCosmosServer() : undefined;
    if (cosmos) cleanUp.unshift(cosmos.close);
    const trusted = path.join(folder, 'trusted.pem');
    await writeFile(trusted, [metadata?.certificate, cosmos?.certificate].filter(Boolean).join('\n'));
    const opened = await storeOpener(store, dataDir, cosmos);
    cleanUp.unshift(opened.close);

    const now = new Date().toISOString();
    const year = new Date().getUTCFullYear() + 1;
    const sessionId = sessionDocumentId(year, 1);
    const deps = async () => ({ store: await opened.open(), clock: fixedClock(now) });
    const seeding = await deps();
    const revision = await seedInvitedCommittee(seeding.store, seeding, options.clicks, year);
    await opened.release(seeding.store);

    const env = botEnvironment(options.auth, metadata, trusted, store, cosmos, dataDir);
    const bots = {} as Record<BotKind, BotProcess>;
    for (const kind of ['gremium', 'echo'] as const) {
      const logFile = path.join(folder, `${kind}.log`);
      bots[kind] = await startBotProcess(kind, { dataDir, logFile, env }).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${(await readFile(logFile, 'utf8').catch(() => '')).slice(-2000)}`);
      });
      cleanUp.unshift(bots[kind].stop);
    }
    const generator = await startLoadGenerator();
    cleanUp.unshift(generator.stop);

    /** Each member's calendar link as their card shows it, once Gremium has answered them. */
    const shownLinks: Array<string | undefined> = [];
    const requests = (round: string, count: number, choiceOf: (index: number) => RsvpChoice): LoadRequest[] => {
      const tokens = Array.from({ length: options.clients }, () =>
        options.auth ? `Bearer ${botFrameworkToken(signing, connector.url)}` : undefined,
      );
      return Array.from({ length: count }, (_, index) => {
        const body = JSON.parse(
          rsvpClick(connector.url, memberId(index), index, revision, choiceOf(index), sessionId, shownLinks[index]),
        ) as Record<string, unknown>;
        body.id = `latency-${round}-${index}`;
        const authorization = tokens[index % options.clients];
        return { body: JSON.stringify(body), ...(authorization ? { authorization } : {}) };
      });
    };
    // Each member's answers in turn all differ: first (i+3), then per run warm-up (i+2r+1) and measured (i+2r).
    const choice = (shift: number) => (index: number) => CHOICES[(index + shift) % CHOICES.length]!;
    const job = (kind: BotKind, warmUp: LoadRequest[], measured: LoadRequest[]): LoadJob => ({
      url: bots[kind].url,
      clients: options.clients,
      warmUp,
      measured,
      expectText: SAVED,
    });

    // Proof that the tokens are checked: the same click without one is refused by both.
    const unsignedRefused: Record<BotKind, boolean> = { gremium: false, echo: false };
    for (const kind of options.auth ? (['gremium', 'echo'] as const) : []) {
      const [unsigned] = requests(`unsigned-${kind}`, 1, choice(0));
      const status = await statusOfPost(bots[kind].url, unsigned!.body);
      unsignedRefused[kind] = status === 401;
    }

    const errors: Record<BotKind, number> = { gremium: 0, echo: 0 };
    const p99: Record<BotKind, number[]> = { gremium: [], echo: [] };
    const p50: Record<BotKind, number[]> = { gremium: [], echo: [] };
    let lost = 0;
    let duplicated = 0;
    const connectorBefore = connector.calls();
    const count = (kind: BotKind, report: LoadReport) => {
      const failed = report.warmUpErrors.length + report.samples.filter((sample) => sample.error).length;
      const first = report.warmUpErrors[0] ?? report.samples.find((sample) => sample.error)?.error;
      if (first) process.stderr.write(`latency benchmark, ${kind} on ${store}: ${failed} errors; first: ${first}\n`);
      errors[kind] += failed;
    };
    const check = async (choiceOf: (index: number) => RsvpChoice) => {
      const checking = await deps();
      try {
        const sent = Array.from({ length: options.clicks }, (_, index) => choiceOf(index));
        const found = await checkAnswers(checking, sent, sessionId);
        lost += found.lost + found.unexpected;
        duplicated += found.duplicated;
      } finally {
        await opened.release(checking.store);
      }
    };

    // Every member answers once, not timed; from then on each clicks the card Gremium answered with,
    // which carries its calendar link back, as a card in Teams does.
    for (const kind of ['gremium', 'echo'] as const) {
      const first = await generator.run(job(kind, [], requests(`first-${kind}`, options.clicks, choice(3))));
      count(kind, first);
      if (kind === 'gremium') first.samples.forEach((sample, index) => (shownLinks[index] = sample.calendarToken));
    }
    for (let run = 0; run < options.runs; run += 1) {
      const order: BotKind[] = run % 2 === 0 ? ['gremium', 'echo'] : ['echo', 'gremium'];
      for (const kind of order) {
        const warmUp = requests(`warm-${run}-${kind}`, Math.min(options.warmUp, options.clicks), choice(2 * run + 1));
        const measured = requests(`run-${run}-${kind}`, options.clicks, choice(2 * run));
        const report = await generator.run(job(kind, warmUp, measured));
        count(kind, report);
        const times = report.samples.map((sample) => sample.ms).sort((a, b) => a - b);
        p99[kind].push(percentile(times, 99));
        p50[kind].push(percentile(times, 50));
        if (kind === 'gremium') await check(choice(2 * run));
      }
    }
    const connectorCalls = connector.calls() - connectorBefore;
    const calendarLinksShown = shownLinks.filter(Boolean).length;
    await generator.stop();
    for (const kind of ['gremium', 'echo'] as const) await bots[kind].stop();
    const loggedErrors = {
      gremium: await errorLines(path.join(folder, 'gremium.log')),
      echo: await errorLines(path.join(folder, 'echo.log')),
    };

    const ok =
      errors.gremium + errors.echo + loggedErrors.gremium + loggedErrors.echo + lost + duplicated + connectorCalls ===
        0 &&
      calendarLinksShown === options.clicks &&
      (!options.auth || (unsignedRefused.gremium && unsignedRefused.echo));
    keepLogs = !ok;
    const gremiumP99Ms = spreadOf(p99.gremium);
    const echoP99Ms = spreadOf(p99.echo);
    return {
      name: `RSVP clicks, ${options.clients} clients at once, ${store} store`,
      store,
      auth: options.auth
        ? 'token validation on both bots (BOT_ID, signed tokens, local OpenID metadata over https)'
        : 'local mode (LOCAL_MODE=true, no token validation)',
      runs: options.runs,
      clicksPerRun: options.clicks,
      clients: options.clients,
      warmUpPerRun: Math.min(options.warmUp, options.clicks),
      p99Ratio: Math.round((gremiumP99Ms.median / echoP99Ms.median) * 1000) / 1000,
      gremiumP99Ms,
      echoP99Ms,
      differenceMs: spreadOf(p99.gremium.map((ms, run) => ms - p99.echo[run]!)),
      ratioPerRun: ratioSpread(p99.gremium.map((ms, run) => ms / p99.echo[run]!)),
      gremiumP50Ms: spreadOf(p50.gremium),
      echoP50Ms: spreadOf(p50.echo),
      errors,
      loggedErrors,
      lost,
      duplicated,
      connectorCalls,
      calendarLinksShown,
      unsignedRefused,
      ok,
    };
  } finally {
    for (const step of cleanUp) await step().catch(() => undefined);
  }
}

/**
 * Both bots get the same environment. With `auth`, a deployment's registration (no LOCAL_MODE),
 * whose signing keys come from the stand-in over https; the stand-in's and the Cosmos server's
 * certificates are trusted through NODE_EXTRA_CA_CERTS, as a deployment trusts its roots.
 */
function botEnvironment(
  auth: boolean,
  metadata: OpenIdMetadataServer | undefined,
  trusted: string,
  store: LatencyStore,
  cosmos: CosmosServer | undefined,
  dataDir: string,
): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    NODE_EXTRA_CA_CERTS: trusted,
    PUBLIC_BASE_URL: 'https://gremium.example.org',
    ...(auth && metadata
      ? {
          LOCAL_MODE: '',
          BOT_ID,
          BOT_PASSWORD: 'not-used-by-the-benchmark',
          BOT_TYPE: 'SingleTenant',
          BOT_TENANT_ID: TENANT,
          BOT_OPENID_METADATA_URL: metadata.url,
        }
      : { LOCAL_MODE: 'true', BOT_ID: '' }),
    ...(cosmos
      ? { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'gremium' }
      : { STORE: 'embedded' }),
  };
}

/** A token as the Bot Framework signs one for a request to this bot, valid for an hour. */
function botFrameworkToken(signing: SigningKey, serviceUrl: string): string {
  return signToken(signing, botFrameworkClaims(BOT_ID, serviceUrl));
}

/**
 * The store the bot will open, from this process: the embedded file is opened for each use and
 * closed again (the bot holds it meanwhile); Cosmos DB is one client for the whole benchmark.
 */
async function storeOpener(store: LatencyStore, dataDir: string, cosmos: CosmosServer | undefined) {
  if (store === 'cosmos') {
    const client = await cosmos!.connect('gremium');
    return {
      open: async (): Promise<DocumentStore> => client,
      release: async () => undefined,
      close: () => client.close(),
    };
  }
  return {
    open: (): Promise<DocumentStore> => EmbeddedStore.open({ dataDir }),
    release: (opened: DocumentStore) => opened.close(),
    close: async () => undefined,
  };
}

/** The load generator as a process of its own, run from the build output; one job at a time. */
async function startLoadGenerator(): Promise<{
  run: (job: LoadJob) => Promise<LoadReport>;
  stop: () => Promise<void>;
}> {
  const child: ChildProcess = fork(LOAD_GENERATOR, [], { cwd: PROJECT_ROOT, execArgv: [], stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = () => reject(new Error('the load generator exited during a job'));
        child.once('exit', onExit);
        child.once('message', (message: { ok: boolean; report?: LoadReport; error?: string }) => {
          child.off('exit', onExit);
          if (message.ok) resolve(message.report!);
          else reject(new Error(`load generator: ${message.error}`));
        });
        child.send(job);
      }),
    stop: async () => {
      if (child.connected) child.disconnect();
      if (child.exitCode === null && child.signalCode === null) await exited;
    },
  };
}

/**
 * The status a POST without a token is answered with, on a connection of its own: a kept-alive
 * one from the readiness checks may be closed by the bot at that very moment.
 */
function statusOfPost(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const request = http.request(`${url}/api/messages`, { method: 'POST', agent: false, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Lines of a bot's pino log at level error (50) or above. */
async function errorLines(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  let errors = 0;
  for (const line of text.split('\n')) {
    const level = /"level":(\d+)/.exec(line)?.[1];
    if (level !== undefined && Number(level) >= 50) {
      if (errors === 0) process.stderr.write(`bot logged: ${line.slice(0, 600)}\n`);
      errors += 1;
    }
  }
  return errors;
}

/** Like spreadOf, to three decimals: ratios near 1 need them. */
function ratioSpread(values: readonly number[]): Spread {
  const spread = spreadOf(values.map((value) => value * 1000));
  const thousandth = (value: number) => Math.round(value) / 1000;
  return { median: thousandth(spread.median), min: thousandth(spread.min), max: thousandth(spread.max) };
}
