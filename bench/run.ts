import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fanOut } from './fan-out';

/**
 * `npm run bench`: every benchmark in one process, printed and written to bench/results.json.
 * Each figure is a ratio against what the limits allow (or a baseline measured in the same run),
 * never an absolute time, so results compare across machines.
 */
async function main(): Promise<void> {
  const baseline = await fanOut('fan-out, no injected failures (baseline)', 0);
  const injected = await fanOut('fan-out, 10 % injected 429/503', 0.1);
  const results = {
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    fanOut: [baseline, injected].map((result) => ({ ...result, ratioToBaseline: Math.round((result.elapsedMs / baseline.elapsedMs) * 1000) / 1000 })),
  };
  for (const result of results.fanOut) {
    process.stdout.write(
      `${result.name}: ${result.recipients} recipients in ${result.elapsedMs} ms; floor ${result.floorMs} ms; ` +
        `ratio ${result.ratio.toFixed(3)} (vs baseline ${result.ratioToBaseline.toFixed(3)}); lost ${result.lost}; duplicated ${result.duplicated}; ` +
        `connector answered ${JSON.stringify(result.connectorAnswers)}\n`,
    );
  }
  const file = path.join(__dirname, 'results.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
