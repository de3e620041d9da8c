import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { committeeResolution } from './committee-resolution';
import { fanOut } from './fan-out';
import { fanOutIdeal } from './fan-out-ideal';
import { FULL_SOAK, idleRss, soak, type SoakOptions } from './memory';
import { oparlRefresh } from './oparl-refresh';
import { pdfLoad } from './pdf-load';
import { pdfServe } from './pdf-serve';
import { rsvpAnswers } from './rsvp-answers';
import { FULL_LATENCY, rsvpLatency } from './rsvp-latency';
import { schedulerDueTicks } from './scheduler-due';
import { startup } from './startup';
import { storeRequests } from './store-requests';

/**
 * The soak's size: BENCH_SOAK_TURNS and BENCH_SOAK_WARMUP make a shorter run; 10,000 after 1,000 unless set.
 * For looking into memory only: BENCH_SOAK_NODE_OPTIONS replaces `npm start`'s node options (empty:
 * none), BENCH_SOAK_SNAPSHOTS names a folder for heap snapshots after the warm-up and at the end.
 */
function soakSize(): SoakOptions {
  const count = (name: string, fallback: number) => {
    const text = process.env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, got "${text}"`);
    return value;
  };
  return {
    ...FULL_SOAK,
    turns: count('BENCH_SOAK_TURNS', FULL_SOAK.turns),
    warmUp: count('BENCH_SOAK_WARMUP', FULL_SOAK.warmUp),
    ...(process.env.BENCH_SOAK_NODE_OPTIONS !== undefined
      ? { nodeArgs: process.env.BENCH_SOAK_NODE_OPTIONS.split(/\s+/).filter(Boolean) }
      : {}),
    ...(process.env.BENCH_SOAK_SNAPSHOTS ? { snapshotsDir: process.env.BENCH_SOAK_SNAPSHOTS } : {}),
  };
}

/**
 * The latency benchmark's size: BENCH_LATENCY_RUNS, BENCH_LATENCY_CLICKS (per run),
 * BENCH_LATENCY_CLIENTS and BENCH_LATENCY_WARMUP (per run); 5 runs of 320 clicks by 32 clients after 64 unless set.
 */
function latencySize() {
  const count = (name: string, fallback: number, least: number) => {
    const text = process.env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < least)
      throw new Error(`${name} must be a whole number of at least ${least}, got "${text}"`);
    return value;
  };
  return {
    ...FULL_LATENCY,
    runs: count('BENCH_LATENCY_RUNS', FULL_LATENCY.runs, 1),
    clicks: count('BENCH_LATENCY_CLICKS', FULL_LATENCY.clicks, 1),
    clients: count('BENCH_LATENCY_CLIENTS', FULL_LATENCY.clients, 1),
    warmUp: count('BENCH_LATENCY_WARMUP', FULL_LATENCY.warmUp, 0),
  };
}

/**
 * `npm run bench`: every benchmark in one process, printed and written to bench/results.json.
 * Each benchmark comes with a ratio against what the limits allow or against a baseline measured
 * in the same run, so results compare across machines; absolute times (the RSVP latencies) are
 * printed beside it for this machine only. Exits non-zero when the RSVP run lost, duplicated or
 * miscounted an answer or met an error, when a click or a PDF download failed (a download
 * refused with 503 is an answer, not a failure), or when a turn of the memory soak was not answered.
 * The start-up and memory figures build the project first and run the built bot and an echo bot as
 * processes of their own.
 */
async function main(): Promise<void> {
  const baseline = await fanOut('fan-out, no injected failures (baseline)', 0);
  const injected = await fanOut('fan-out, 10 % injected 429/503', 0.1);
  const ideal = await fanOutIdeal({ recipients: 200, runs: 5 });
  const rsvp = await rsvpAnswers(200);
  const loadBefore = os.loadavg()[0]!;
  const pdf = await pdfLoad();
  const oparl = await oparlRefresh();
  const committees = await committeeResolution();
  const counts = await storeRequests();
  const due = await schedulerDueTicks();
  // The built bot and the echo bot, each as its own process: start-up, memory at rest, memory over use.
  const loadBeforeProcesses = os.loadavg()[0]!;
  const started = await startup(5);
  const idle = await idleRss(5);
  const soaked = await soak(soakSize());
  const served = await pdfServe();
  // RSVP clicks with token validation on both bots, each its own process, the clients in a third.
  const loadBeforeLatency = os.loadavg()[0]!;
  const latencyOptions = latencySize();
  const embeddedAuth = await rsvpLatency('embedded', latencyOptions);
  const cosmosAuth = await rsvpLatency('cosmos', latencyOptions);
  const loadAfterLatency = os.loadavg()[0]!;
  const results = {
    machine: { node: process.version, cpus: os.cpus().length },
    fanOut: [baseline, injected].map((result) => ({
      ...result,
      ratioToBaseline: Math.round((result.elapsedMs / baseline.elapsedMs) * 1000) / 1000,
    })),
    fanOutIdeal: ideal,
    rsvpAnswers: rsvp,
    pdfLoad: { ...pdf, loadAverageBefore: Math.round(loadBefore * 100) / 100 },
    pdf: {
      ...pdf.pdf,
      largestRenderMs: served.largestRenderMs,
      largestRenderMaxMs: served.largestRenderMaxMs,
      cachedServeMs: served.cachedServeMs.median,
      cachedServeRatio: served.cachedServeRatio,
      cachedServe: {
        requests: served.requests,
        pdfBytes: served.pdfBytes,
        staticBytes: served.staticBytes,
        cachedMs: served.cachedServeMs,
        staticMs: served.staticServeMs,
      },
    },
    startup: { ...started, loadAverageBefore: Math.round(loadBeforeProcesses * 100) / 100 },
    memory: {
      idleRssRatio: idle.idleRssRatio,
      soakGrowth: soaked.soakGrowth,
      soakHeapGrowth: soaked.heapGrowth,
      soakRssTrendGrowth: soaked.rssTrendGrowth,
      idle,
      soak: soaked,
    },
    latency: {
      cosmosAuthP99Ratio: cosmosAuth.p99Ratio,
      embeddedAuthP99Ratio: embeddedAuth.p99Ratio,
      cosmosAuth,
      embeddedAuth,
      loadAverageBefore: Math.round(loadBeforeLatency * 100) / 100,
      loadAverageAfter: Math.round(loadAfterLatency * 100) / 100,
    },
    oparl,
    committees,
    storeRequests: counts.storeRequests,
    scheduler: { ...counts.scheduler, dueTickMs: due.dueTickMs, dueTick: due.dueTick },
    roster: counts.roster,
  };
  for (const result of results.fanOut) {
    process.stdout.write(
      `${result.name}: ${result.recipients} recipients in ${result.elapsedMs} ms; floor ${result.floorMs} ms; ` +
        `ratio ${result.ratio.toFixed(3)} (vs baseline ${result.ratioToBaseline.toFixed(3)}); lost ${result.lost}; duplicated ${result.duplicated}; ` +
        `connector answered ${JSON.stringify(result.connectorAnswers)}\n`,
    );
  }
  /** A median with its spread: „4464 ms (4398–4789)“. */
  const spread = (figures: { median: number; min: number; max: number }, unit = 'ms') =>
    `${figures.median} ${unit} (${figures.min}–${figures.max})`;
  process.stdout.write(
    `${ideal.name}, median of ${ideal.runs} rounds (min–max):\n` +
      `  ideal sender, bursts of 50 per second, no faults: ${spread(ideal.idealMs)}; ` +
      `connector answered ${JSON.stringify(ideal.connectorAnswers.ideal)}\n` +
      `  ideal sender with the same faults (for comparison): ${spread(ideal.idealFaultMs)}; ` +
      `connector answered ${JSON.stringify(ideal.connectorAnswers.idealFault)}\n` +
      `  Gremium, no faults: ${spread(ideal.gremiumCleanMs)}; ratio ${ideal.cleanRatio.toFixed(3)}; ` +
      `connector answered ${JSON.stringify(ideal.connectorAnswers.gremiumClean)}\n` +
      `  Gremium, ${ideal.injectedTransientRate * 100} % injected 429/503: ${spread(ideal.gremiumFaultMs)}; ` +
      `ratio to the ideal sender without faults ${ideal.faultRatio.toFixed(3)}; ` +
      `connector answered ${JSON.stringify(ideal.connectorAnswers.gremiumFault)}\n` +
      `  lost ${ideal.lost}; duplicated ${ideal.duplicated}\n`,
  );
  const latency = (figures: typeof rsvp.gremium) =>
    `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms (all ${figures.requests} in ${figures.wallMs} ms; errors ${figures.errors}, logged ${figures.loggedErrors})`;
  process.stdout.write(
    `${rsvp.name} [${rsvp.auth}]:\n` +
      `  Gremium RSVP invoke: ${latency(rsvp.gremium)}\n` +
      `  echo bot, same stack: ${latency(rsvp.echo)}\n` +
      `  ratio Gremium/echo: p50 ${rsvp.ratioP50.toFixed(3)}, p99 ${rsvp.ratioP99.toFixed(3)}\n` +
      `  stored ${rsvp.stored} of ${rsvp.members}; lost ${rsvp.lost}; duplicated ${rsvp.duplicated}; unexpected ${rsvp.unexpected}; ` +
      `tally ${rsvp.tallyExact ? 'exact' : 'WRONG'} ${JSON.stringify(rsvp.tally)}${rsvp.tallyExact ? '' : ` expected ${JSON.stringify(rsvp.expectedTally)}`}\n`,
  );
  const downloads = (figures: NonNullable<typeof pdf.baseline.downloads>) =>
    `; downloads ${figures.ok} served, ${figures.busy} busy (503), ${figures.superseded} superseded (410), ${figures.errors} failed, ` +
    `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`;
  const phase = (figures: typeof pdf.baseline) =>
    `click p50 ${figures.clicks.p50Ms} ms, p99 ${figures.clicks.p99Ms} ms` +
    (figures.downloads ? downloads(figures.downloads) : '') +
    (figures.renders !== undefined ? `; ${figures.renders} renders` : '');
  const { options, rendering } = pdf;
  process.stdout.write(
    `${pdf.name} (${pdf.pdf.bytes} bytes; ${rendering.threads} render thread(s), queue ${rendering.queue}; ` +
      `load average before ${loadBefore.toFixed(2)}):\n` +
      `  no downloads (the same saves): ${phase(pdf.baseline)}\n` +
      `  with ${options.pdfPerSecond} downloads/s, ${options.versionsPerSecond} new versions/s: ` +
      `${phase(pdf.underLoad)}\n` +
      `  ratio of click p99: ${pdf.clickP99Ratio.toFixed(3)}\n` +
      `  old way for comparison, ${options.mainThreadPdfPerSecond} downloads/s each rendered on the main thread: ` +
      `${phase(pdf.mainThreadUncached)}; ratio ${pdf.mainThreadUncached.clickP99Ratio?.toFixed(3)}\n` +
      `  largest minutes: render ${pdf.pdf.largestRenderMs} ms (slowest of five ${pdf.pdf.largestRenderMaxMs} ms, ` +
      `on a worker under load ${pdf.pdf.workerLongestRenderMs} ms)\n`,
  );
  process.stdout.write(
    `${oparl.name} (${oparl.objects} objects):\n` +
      `  first refresh ${oparl.firstMs} ms (every minutes extract rendered once); unchanged ${oparl.unchangedMs} ms; ` +
      `quiet loop round ${oparl.quietRoundMs} ms; ratio ${oparl.quietRatio.toFixed(3)}\n` +
      `  list page of 25 meetings ${oparl.listPageMs} ms, one meeting ${oparl.objectMs} ms; ratio ${oparl.listPageRatio.toFixed(1)}\n`,
  );
  const resolution = (figures: typeof committees.one) =>
    `${figures.requests} store requests, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`;
  process.stdout.write(
    `${committees.name}:\n` +
      `  a person in one committee: ${resolution(committees.one)}\n` +
      `  a person in ten, one chosen: ${resolution(committees.tenCurrent)}; p99 ratio ${committees.p99Ratio.toFixed(3)}\n` +
      `  a person in ten, one named in the command: ${resolution(committees.tenNamed)}\n` +
      `  a person in ten, none chosen (choice card): ${resolution(committees.tenUndecided)}\n`,
  );
  process.stdout.write(
    `store requests (counts, the same on every machine):\n` +
      `  one RSVP click: ${counts.storeRequests.rsvpClick}\n` +
      `  most of any typed command: ${counts.storeRequests.command} (${counts.storeRequests.commandName})\n` +
      `  idle scheduler tick: ${counts.scheduler.idleTickRequests} with ${counts.scheduler.committees} committees, ` +
      `${counts.scheduler.idleTickRequestsOneCommittee} with one; the day's first tick ` +
      `${counts.scheduler.dailyTickRequests} and ${counts.scheduler.dailyTickRequestsOneCommittee}\n` +
      `  importing a team of ${counts.roster.members}: ${counts.roster.import5000Requests} requests ` +
      `(${counts.roster.import5000ConnectorRequests} connector, ${counts.roster.import5000StoreRequests} store) ` +
      `in ${counts.roster.import5000Ms} ms\n`,
  );
  process.stdout.write(
    `a due job fired by the scheduler (${due.dueTick.kind}), ms per job (min–max):\n` +
      `  ${due.dueTick.committees} committees: ${spread(due.dueTick.manyCommitteesMsPerJob)}; ` +
      `one committee: ${spread(due.dueTick.oneCommitteeMsPerJob)}; ratio ${due.dueTickMs.toFixed(3)}\n`,
  );
  process.stdout.write(
    `built bot against the echo bot, each its own process (load average before ${loadBeforeProcesses.toFixed(2)}):\n` +
      `  cold start until ready, ${started.starts} each: Gremium ${spread(started.gremiumMs, 'ms')}, ` +
      `echo ${spread(started.echoMs, 'ms')}; ratio ${started.readyRatio.toFixed(3)}\n` +
      `  RSS after start and one "hilfe", ${idle.starts} each: Gremium ${spread(idle.gremiumMb, 'MiB')}, ` +
      `echo ${spread(idle.echoMb, 'MiB')}; ratio ${idle.idleRssRatio.toFixed(3)}\n` +
      `  RSS over ${soaked.turns} mixed turns after ${soaked.warmUp}: ${soaked.rssAfterWarmUpMb} → ${soaked.rssAfterMb} MiB ` +
      `(peak ${soaked.rssPeakMb}); growth ${(soaked.soakGrowth * 100).toFixed(2)} %, trend ` +
      `${(soaked.rssTrendGrowth * 100).toFixed(2)} %; heap in use after a full collection ${soaked.heapAfterWarmUpMb} → ` +
      `${soaked.heapAfterMb} MiB (${(soaked.heapGrowth * 100).toFixed(2)} %); node ${soaked.nodeArgs.join(' ')}; ` +
      `failed turns ${soaked.failed}; ${JSON.stringify(soaked.turnsByKind)}\n` +
      `  largest minutes rendered in ${served.largestRenderMs} ms (${served.pdfBytes} bytes); served from the cache ` +
      `${spread(served.cachedServeMs, 'ms')}, a static 1 MB file ${spread(served.staticServeMs, 'ms')} ` +
      `(median of ${served.requests} each); ratio ${served.cachedServeRatio.toFixed(3)}\n`,
  );
  const clicked = (figures: typeof cosmosAuth) =>
    `  ${figures.store} store: Gremium p99 ${spread(figures.gremiumP99Ms)}, echo p99 ${spread(figures.echoP99Ms)}; ` +
    `ratio ${figures.p99Ratio.toFixed(3)} (per run ${figures.ratioPerRun.min.toFixed(3)}–` +
    `${figures.ratioPerRun.max.toFixed(3)}); difference ${spread(figures.differenceMs)}; ` +
    `p50 ${figures.gremiumP50Ms.median} ms against ${figures.echoP50Ms.median} ms; ` +
    `errors ${figures.errors.gremium}/${figures.errors.echo}, logged ${figures.loggedErrors.gremium}/` +
    `${figures.loggedErrors.echo}; lost ${figures.lost}; duplicated ${figures.duplicated}; ` +
    `without a token refused ${figures.unsignedRefused.gremium && figures.unsignedRefused.echo ? 'by both' : 'NOT by both'}\n`;
  process.stdout.write(
    `RSVP clicks, ${embeddedAuth.clients} clients at once, tokens checked by both bots, each bot and the clients ` +
      `their own process; median of ${embeddedAuth.runs} runs of ${embeddedAuth.clicksPerRun} clicks (min–max), ` +
      `load average ${loadBeforeLatency.toFixed(2)} before, ${loadAfterLatency.toFixed(2)} after:\n` +
      clicked(embeddedAuth) +
      clicked(cosmosAuth),
  );
  const file = path.join(__dirname, 'results.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
  if (!ideal.ok || baseline.lost + baseline.duplicated + injected.lost + injected.duplicated > 0) {
    process.stderr.write('fan-out benchmark: messages were lost or duplicated\n');
    process.exitCode = 1;
  }
  if (!pdf.ok) {
    process.stderr.write('PDF benchmark: a click failed, or a download failed other than with 503\n');
    process.exitCode = 1;
  }
  if (soaked.failed > 0) {
    process.stderr.write(`memory soak: ${soaked.failed} turns were not answered with 200\n`);
    process.exitCode = 1;
  }
  for (const figures of [embeddedAuth, cosmosAuth]) {
    if (!figures.ok) {
      process.stderr.write(
        `latency benchmark on the ${figures.store} store: a click failed, a bot logged an error, an answer was ` +
          'lost or duplicated, the connector was called, or a click without a token was not refused\n',
      );
      process.exitCode = 1;
    }
  }
  if (!rsvp.ok) {
    process.stderr.write('RSVP benchmark: answers were lost, duplicated, miscounted or answered with an error\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
