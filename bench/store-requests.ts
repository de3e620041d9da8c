import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Activity } from 'botbuilder';
import type { ActorIdentity } from '../src/app/identify-actor';
import type { DocumentStore } from '../src/app/ports/document-store';
import { silentLogger } from '../src/app/ports/logger';
import { JOB_HANDLERS } from '../src/app/scheduling/job-handlers';
import { createSchedulerTick } from '../src/app/scheduling/scheduler-tick';
import { auditedStore } from '../src/app/audit/audited-store';
import { fixedClock } from '../src/domain/clock';
import { translator } from '../src/i18n/translator';
import { COMMANDS, COMMAND_REGISTRY, type CommandId } from '../src/domain/verb-registry';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { loadConfig } from '../src/server/config';
import { startGremiumServer } from '../src/server/gremium-server';
import { BotHarness } from '../test/support/bot-harness';
import { ConnectorDouble } from '../test/support/connector-double';
import { setUpCommittees } from './many-committees';
import { carriedCalendarToken } from './load-generator';
import { COMMITTEE, HOME, memberId, NOW, rsvpClick, SECRETARIAT, seedInvitedCommittee, TENANT } from './rsvp-answers';

/** The figures `npm run bench` writes under these keys; every one a count except `import5000Ms`. */
export interface StoreRequestFigures {
  readonly storeRequests: {
    /** Store requests of one member's click on their invitation card, through the real bot turn. */
    readonly rsvpClick: number;
    /** The most store requests any typed command makes, and which command that is. */
    readonly command: number;
    readonly commandName: string;
    /** Every command's count, for the table. */
    readonly perCommand: Readonly<Record<string, number>>;
  };
  readonly scheduler: {
    /** One scheduler tick with nothing due, once the once-per-process and daily parts ran. */
    readonly idleTickRequests: number;
    /** The same with a single committee: what shows it does not grow with committees. */
    readonly idleTickRequestsOneCommittee: number;
    /**
     * A process's first tick of the day (the once-per-process upgrade check and the daily
     * retention check with it), with all committees and with one.
     */
    readonly dailyTickRequests: number;
    readonly dailyTickRequestsOneCommittee: number;
    readonly committees: number;
    readonly sessionsPerCommittee: number;
  };
  readonly roster: {
    /** Connector requests (member list pages, channel list) and store requests of one import. */
    readonly import5000Requests: number;
    readonly import5000ConnectorRequests: number;
    readonly import5000StoreRequests: number;
    /** Wall time of the import on this machine; stated, never compared. */
    readonly import5000Ms: number;
    readonly members: number;
  };
}

export interface StoreRequestOptions {
  /** Committees of the idle scheduler tick (each set up with a planned year of three sessions). */
  readonly committees?: number;
  /** Members of the team whose roster is imported. */
  readonly members?: number;
}

/** The aims the counts must stay within. */
export const STORE_REQUEST_AIMS = { rsvpClick: 3, command: 6, idleTick: 3 } as const;

/**
 * Counts the store requests (reads, queries, writes, batches: every call on the DocumentStore
 * port) of the turns and background steps whose cost a city's IT department pays per click and
 * per minute, on the embedded store. Counts do not depend on the machine's load, so they are
 * exact figures, unlike times.
 */
export async function storeRequests(options: StoreRequestOptions = {}): Promise<StoreRequestFigures> {
  const committees = options.committees ?? 500;
  const members = options.members ?? 5000;
  const turns = await turnRequests();
  const [many, one] = [await schedulerTicks(committees), await schedulerTicks(1)];
  const roster = await rosterImport(members);
  return {
    storeRequests: turns,
    scheduler: {
      idleTickRequests: many.idle,
      idleTickRequestsOneCommittee: one.idle,
      dailyTickRequests: many.daily,
      dailyTickRequestsOneCommittee: one.daily,
      committees,
      sessionsPerCommittee: many.sessionsPerCommittee,
    },
    roster,
  };
}

/** The store, counting every request that goes through it. */
export function countingStore(store: DocumentStore): { readonly store: DocumentStore; count(): number } {
  let requests = 0;
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close' || property === 'ping') return value;
      return (...args: unknown[]) => {
        requests += 1;
        if (process.env.BENCH_TRACE)
          process.stderr.write(`${String(property)} ${JSON.stringify(args.slice(0, 2)).slice(0, 160)}\n`);
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: counted, count: () => requests };
}

export async function withStore<T>(work: (store: EmbeddedStore, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-requests-'));
  const store = await EmbeddedStore.open({ dataDir });
  try {
    return await work(store, dataDir);
  } finally {
    await store.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Personal-chat activity of a person of the benchmark's committee. */
function personal(aadObjectId: string, name: string, index: number): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    locale: 'de-DE',
    from: { id: `29:bench-${index}`, aadObjectId, name },
    recipient: { id: '28:gremium-bench', name: 'Gremium' },
    conversation: { id: `a:bench-${index}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
  };
}

/**
 * The bot's public address, set as in every deployment: with it, cards carry links (a calendar, the
 * minutes, a report, a data export), and issuing them is part of what a turn costs.
 */
const PUBLIC_BASE_URL = 'https://gremium.example.org';

/** What each command reads after its word in the benchmark: the invited session, the planned year. */
const ARGUMENTS: Partial<Record<CommandId, string>> = {
  sessions: '2027',
  planSessions: '2027',
  callForTopics: '2027/1',
  topics: '2027/1',
  agenda: '2027/1',
  publishAgenda: '2027/1',
  invite: '2027/1',
  rsvps: '2027/1',
  attendance: '2027/1',
  minutes: '2027/1',
  circulateMinutes: '2027/1',
  approveMinutes: '2027/1',
  statusReport: '2027',
};

/**
 * A committee of 20 seats with 2027 planned and session 2027/1 invited, half of the members
 * answered. One member's click on the invitation, and every typed command by the secretariat (who
 * may use each), each counted in its own turn. Each person wrote to the bot before, as they have
 * when an invitation reached their personal chat, so the chat is known.
 */
async function turnRequests(): Promise<StoreRequestFigures['storeRequests']> {
  return withStore(async (inner) => {
    const clock = fixedClock(NOW);
    const revision = await seedInvitedCommittee(inner, { store: inner, clock }, 20);
    const counted = countingStore(inner);
    const bot = new BotHarness({ store: counted.store, clock }, undefined, PUBLIC_BASE_URL);
    const clickOf = (index: number, choice: 'inPerson' | 'online', calendarToken?: string) => ({
      ...(JSON.parse(
        rsvpClick('https://smba.example/emea/', memberId(index), index, revision, choice, undefined, calendarToken),
      ) as object),
      serviceUrl: 'https://smba.example/emea/',
    });
    for (let index = 0; index < 10; index += 1) await bot.send(clickOf(index, 'inPerson'));
    const clicker = 12;
    await bot.send({ ...personal(memberId(clicker), `Mitglied ${clicker}`, clicker), type: 'message', text: 'hilfe' });
    // The card as the member sees it: the one their last click was answered with, calendar link and all.
    const shown = carriedCalendarToken(await bot.send(clickOf(clicker, 'inPerson')));
    const before = counted.count();
    await bot.send(clickOf(clicker, 'online', shown));
    const rsvpClickRequests = counted.count() - before;

    const secretariat = personal(SECRETARIAT, 'Geschäftsstelle', 9999);
    await bot.send({ ...secretariat, type: 'message', text: 'hilfe' });
    const t = translator('de');
    const perCommand: Record<string, number> = {};
    for (const command of COMMANDS) {
      const word = t.t(`commands.${command}.word`);
      const argument = ARGUMENTS[command];
      const text =
        argument && (COMMAND_REGISTRY[command] as { takesArgument?: boolean }).takesArgument
          ? `${word} ${argument}`
          : word;
      const start = counted.count();
      if (process.env.BENCH_TRACE) process.stderr.write(`--- ${text}\n`);
      await bot.send({ ...secretariat, type: 'message', text });
      perCommand[command] = counted.count() - start;
    }
    const [commandName, command] = Object.entries(perCommand).reduce((most, entry) =>
      entry[1] > most[1] ? entry : most,
    );
    return { rsvpClick: rsvpClickRequests, command, commandName, perCommand };
  });
}

/**
 * The server's scheduler step over `committees` committees, each set up and with a planned year
 * of three sessions, at a moment when nothing is due: the first tick (the once-per-process
 * upgrade and the daily retention check with it) and a later one the same day.
 */
async function schedulerTicks(
  committees: number,
): Promise<{ readonly daily: number; readonly idle: number; readonly sessionsPerCommittee: number }> {
  return withStore(async (inner) => {
    const clock = fixedClock(NOW);
    const deps = { store: inner, clock };
    const identity: ActorIdentity = { tenantId: TENANT, aadObjectId: SECRETARIAT, displayName: 'Geschäftsstelle' };
    const sessions = await setUpCommittees(deps, identity, committees);
    const counted = countingStore(inner);
    const parts = {
      deps: { store: auditedStore(counted.store, clock), clock },
      logger: silentLogger,
      instanceId: 'bench',
      jobHandlers: JOB_HANDLERS,
    };
    // The first tick schedules each committee's retention job, due at once: let them all run.
    const tick = createSchedulerTick(parts);
    while (await tick());
    const before = counted.count();
    if (await tick()) throw new Error('a job was due in the idle tick');
    const idle = counted.count() - before;
    // A process's first tick of the day: the upgrade check and the retention check with it.
    const start = counted.count();
    if (process.env.BENCH_TRACE) process.stderr.write(`--- first tick of a process, ${committees} committees\n`);
    if (await createSchedulerTick(parts)()) throw new Error('a job was due in the first tick');
    const daily = counted.count() - start;
    if (process.env.BENCH_TRACE) process.stderr.write(`--- end of the first tick\n`);
    return { daily, idle, sessionsPerCommittee: sessions };
  });
}

/**
 * The bot installed in the committee's team of `members` people: the installation event is POSTed
 * to the real server (local mode), which reads the member list page by page from the connector
 * double and imports it. Counts the connector's requests and the store's.
 */
async function rosterImport(members: number): Promise<StoreRequestFigures['roster']> {
  return withStore(async (inner, dataDir) => {
    const clock = fixedClock(NOW);
    await seedInvitedCommittee(inner, { store: inner, clock }, 1);
    const connector = await ConnectorDouble.start({ globalPerSecond: 1_000_000 });
    for (let index = 0; index < members; index += 1)
      connector.addMember(HOME.id, {
        id: `29:member-${index}`,
        aadObjectId: `0d0d0d0d-0000-4000-8000-${String(index).padStart(12, '0')}`,
        name: `Mitglied ${index}`,
      });
    const counted = countingStore(inner);
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOCAL_MODE: 'true' });
    const server = await startGremiumServer({
      config,
      store: counted.store,
      clock,
      logger: silentLogger,
      background: false,
    });
    try {
      const installation = {
        type: 'installationUpdate',
        action: 'add',
        id: 'bench-installation',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:bench-secretariat', aadObjectId: SECRETARIAT, name: 'Geschäftsstelle' },
        recipient: { id: '28:gremium-bench', name: 'Gremium' },
        conversation: { id: HOME.id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        channelData: {
          tenant: { id: TENANT },
          team: { id: HOME.id, name: HOME.title },
          channel: { id: HOME.id, name: 'Allgemein' },
        },
      };
      const storeBefore = counted.count();
      const start = performance.now();
      const response = await fetch(`${server.http.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(installation),
      });
      await response.text();
      const ms = performance.now() - start;
      if (response.status >= 300) throw new Error(`installation answered ${response.status}`);
      const stored = await inner.query(COMMITTEE, { type: 'person' });
      if (stored.length < members) throw new Error(`imported ${stored.length} of ${members}`);
      const connectorRequests = Object.values(connector.requests()).reduce((sum, count) => sum + count, 0);
      const storeRequestCount = counted.count() - storeBefore;
      return {
        import5000Requests: connectorRequests + storeRequestCount,
        import5000ConnectorRequests: connectorRequests,
        import5000StoreRequests: storeRequestCount,
        import5000Ms: Math.round(ms),
        members,
      };
    } finally {
      await server.stop(5000);
      await connector.close();
    }
  });
}

if (require.main === module) {
  storeRequests()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
