/**
 * Prints README's table of measured figures from `bench/results.json`, so that README quotes
 * only what a run of `npm run bench` wrote, with its spread: run the benchmark, then
 * `npm run bench:table` puts the table between README's markers (a test compares them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

/** A median with the least and most of the runs it was taken over. */
interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One latency comparison of `bench/rsvp-latency.ts`. */
interface LatencyFigures {
  readonly runs: number;
  readonly clients: number;
  readonly gremiumP99Ms: Spread;
  readonly echoP99Ms: Spread;
  readonly differenceMs: Spread;
  readonly ratioPerRun: Spread;
}

/** The part of `bench/results.json` the table shows. */
export interface BenchResults {
  readonly fanOutIdeal: {
    readonly cleanRatio: number;
    readonly faultRatio: number;
    readonly runs: number;
    readonly idealMs: Spread;
    readonly gremiumCleanMs: Spread;
    readonly gremiumFaultMs: Spread;
  };
  readonly startup: { readonly readyRatio: number; readonly gremiumMs: Spread; readonly echoMs: Spread };
  readonly memory: {
    readonly idleRssRatio: number;
    readonly soakGrowth: number;
    /** Growth of the heap in use after a full collection: what is kept, without garbage not yet collected. */
    readonly soakHeapGrowth: number;
    readonly idle: { readonly gremiumMb: Spread; readonly echoMb: Spread };
    readonly soak: {
      readonly turns: number;
      readonly warmUp: number;
      readonly rssAfterWarmUpMb: number;
      readonly rssAfterMb: number;
    };
  };
  readonly storeRequests: { readonly rsvpClick: number; readonly command: number; readonly commandName: string };
  readonly latency: {
    readonly cosmosAuthP99Ratio: number;
    readonly embeddedAuthP99Ratio: number;
    readonly cosmosAuth: LatencyFigures;
    readonly embeddedAuth: LatencyFigures;
  };
  readonly scheduler: {
    readonly idleTickRequests: number;
    readonly idleTickRequestsOneCommittee: number;
    readonly committees: number;
    readonly dueTickMs: number;
    readonly dueTick: { readonly manyCommitteesMsPerJob: Spread; readonly oneCommitteeMsPerJob: Spread };
  };
  readonly roster: {
    readonly import5000Requests: number;
    readonly import5000ConnectorRequests: number;
    readonly import5000StoreRequests: number;
    readonly import5000Ms: number;
  };
  readonly pdf: {
    readonly largestRenderMs: number;
    readonly cachedServeRatio: number;
    readonly cachedServe: { readonly cachedMs: Spread; readonly staticMs: Spread };
  };
}

const RESULTS = path.join(__dirname, '..', 'bench', 'results.json');
const README = path.join(__dirname, '..', 'README.md');
export const BENCH_TABLE_START = '<!-- bench-table:start -->';
export const BENCH_TABLE_END = '<!-- bench-table:end -->';

/** The figures written by the last `npm run bench` that was committed. */
export function committedResults(): BenchResults {
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
}

/** A number as German readers write it: „1,44“, „4.464“. */
function de(value: number, digits = 2): string {
  return value.toLocaleString('de-DE', { maximumFractionDigits: digits });
}

/** A time or size to the precision a reader needs: whole from 100 on, else one decimal. */
function amount(value: number): string {
  return de(value, Math.abs(value) >= 100 ? 0 : 1);
}

function spread(figures: Spread, unit: string): string {
  return `${amount(figures.median)} ${unit} (${amount(figures.min)}–${amount(figures.max)})`;
}

/** „≤ 1,10: erreicht“ or „… verfehlt“, by the figure and its aim. */
function aim(value: number, limit: number): string {
  const written = limit.toLocaleString('de-DE', { minimumFractionDigits: Number.isInteger(limit) ? 0 : 2 });
  return `≤ ${written}: ${value <= limit ? 'erreicht' : '**verfehlt**'}`;
}

function latencyRow(key: string, ratio: number, limit: number, figures: LatencyFigures): string {
  return (
    `| \`${key}\` | **${de(ratio)}** (Läufe ${de(figures.ratioPerRun.min)}–${de(figures.ratioPerRun.max)}): ` +
    `p99 ${spread(figures.gremiumP99Ms, 'ms')} gegen ${spread(figures.echoP99Ms, 'ms')}, ` +
    `${amount(figures.differenceMs.median)} ms mehr | ${aim(ratio, limit)} |`
  );
}

/** The table of every figure the benchmark writes under its keys, in German, with spreads and aims. */
export function benchTable(results: BenchResults): string {
  const { fanOutIdeal: fan, startup, memory, storeRequests, latency, scheduler, roster, pdf } = results;
  const soak = memory.soak;
  return [
    '| Kennzahl | Messung: Median (kleinster–größter Lauf) | Ziel |',
    '|---|---|---|',
    `| \`fanOutIdeal.cleanRatio\` | **${de(fan.cleanRatio)}**: ${spread(fan.gremiumCleanMs, 'ms')} gegen ` +
      `${spread(fan.idealMs, 'ms')} | ${aim(fan.cleanRatio, 1.1)} |`,
    `| \`fanOutIdeal.faultRatio\` | **${de(fan.faultRatio)}**: mit 10 % 429/503 ${spread(fan.gremiumFaultMs, 'ms')} | ` +
      `${aim(fan.faultRatio, 1.5)} |`,
    `| \`startup.readyRatio\` | **${de(startup.readyRatio)}**: ${spread(startup.gremiumMs, 'ms')} gegen ` +
      `Echo-Bot ${spread(startup.echoMs, 'ms')} | ${aim(startup.readyRatio, 1.5)} |`,
    `| \`memory.idleRssRatio\` | **${de(memory.idleRssRatio)}**: ${spread(memory.idle.gremiumMb, 'MiB')} gegen ` +
      `${spread(memory.idle.echoMb, 'MiB')} | ${aim(memory.idleRssRatio, 1.5)} |`,
    `| \`memory.soakGrowth\` | **${de(memory.soakGrowth, 3)}**: ${de(soak.rssAfterWarmUpMb, 1)} → ` +
      `${de(soak.rssAfterMb, 1)} MiB, ein Lauf; Heap nach Bereinigung ` +
      `+${de(memory.soakHeapGrowth * 100, 1)} % | ` +
      `${aim(memory.soakGrowth, 0.1)} |`,
    `| \`storeRequests.rsvpClick\` | **${storeRequests.rsvpClick}** | ` + `${aim(storeRequests.rsvpClick, 3)} |`,
    `| \`storeRequests.command\` | **${storeRequests.command}** (\`${storeRequests.commandName}\`) | ` +
      `${aim(storeRequests.command, 6)} |`,
    latencyRow('latency.cosmosAuthP99Ratio', latency.cosmosAuthP99Ratio, 2.5, latency.cosmosAuth),
    latencyRow('latency.embeddedAuthP99Ratio', latency.embeddedAuthP99Ratio, 1.5, latency.embeddedAuth),
    `| \`scheduler.idleTickRequests\` | **${scheduler.idleTickRequests}** (${de(scheduler.committees)} Gremien), ` +
      `${scheduler.idleTickRequestsOneCommittee} (eines) | ${aim(scheduler.idleTickRequests, 3)} |`,
    `| \`scheduler.dueTickMs\` | **${de(scheduler.dueTickMs)}**: ${spread(scheduler.dueTick.manyCommitteesMsPerJob, 'ms')} ` +
      `gegen ${spread(scheduler.dueTick.oneCommitteeMsPerJob, 'ms')} | ${aim(scheduler.dueTickMs, 1.5)} |`,
    `| \`roster.import5000Requests\` | **${de(roster.import5000Requests)}** (${roster.import5000ConnectorRequests} ` +
      `Teams, ${roster.import5000StoreRequests} Ablage), \`import5000Ms\` ${de(roster.import5000Ms, 0)} | genannt |`,
    `| \`pdf.largestRenderMs\` | **${de(pdf.largestRenderMs, 0)} ms** | genannt |`,
    `| \`pdf.cachedServeRatio\` | **${de(pdf.cachedServeRatio)}**: ${spread(pdf.cachedServe.cachedMs, 'ms')} gegen ` +
      `${spread(pdf.cachedServe.staticMs, 'ms')} | ${aim(pdf.cachedServeRatio, 2)} |`,
  ].join('\n');
}

/** README with the table between its markers replaced by `table`. */
export function withBenchTable(readme: string, table: string): string {
  const start = readme.indexOf(BENCH_TABLE_START);
  const end = readme.indexOf(BENCH_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BENCH_TABLE_START} … ${BENCH_TABLE_END}`);
  return `${readme.slice(0, start + BENCH_TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** Writes the table into README, laid out by the project's formatter as `npm run lint` expects. */
async function main(): Promise<void> {
  const text = withBenchTable(readFileSync(README, 'utf8'), benchTable(committedResults()));
  const options = (await resolveConfig(README)) ?? {};
  writeFileSync(README, await format(text, { ...options, filepath: README }));
  process.stdout.write('README.md: table of measured figures written from bench/results.json\n');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
