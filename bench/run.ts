import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fanOut } from './fan-out';
import { rsvpAnswers } from './rsvp-answers';

/**
 * `npm run bench`: every benchmark in one process, printed and written to bench/results.json.
 * Each benchmark comes with a ratio against what the limits allow or against a baseline measured
 * in the same run, so results compare across machines; absolute times (the RSVP latencies) are
 * printed beside it for this machine only. Exits non-zero when the RSVP run lost, duplicated or
 * miscounted an answer or met an error.
 */
async function main(): Promise<void> {
  const baseline = await fanOut('fan-out, no injected failures (baseline)', 0);
  const injected = await fanOut('fan-out, 10 % injected 429/503', 0.1);
  const rsvp = await rsvpAnswers(200);
  const results = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    fanOut: [baseline, injected].map((result) => ({ ...result, ratioToBaseline: Math.round((result.elapsedMs / baseline.elapsedMs) * 1000) / 1000 })),
    rsvpAnswers: rsvp,
  };
  for (const result of results.fanOut) {
    process.stdout.write(
      `${result.name}: ${result.recipients} recipients in ${result.elapsedMs} ms; floor ${result.floorMs} ms; ` +
        `ratio ${result.ratio.toFixed(3)} (vs baseline ${result.ratioToBaseline.toFixed(3)}); lost ${result.lost}; duplicated ${result.duplicated}; ` +
        `connector answered ${JSON.stringify(result.connectorAnswers)}\n`,
    );
  }
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
  const file = path.join(__dirname, 'results.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
  if (!rsvp.ok) {
    process.stderr.write('RSVP benchmark: answers were lost, duplicated, miscounted or answered with an error\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
