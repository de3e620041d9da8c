import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_TABLE_END, BENCH_TABLE_START, benchTable, committedResults } from '../../scripts/bench-table';
import { ROOT } from './markdown-documents';
import { rowsOf } from './markdown-table';

describe('docs: the table of measured figures in README.md', () => {
  it('is the table npm run bench:table makes from the committed bench/results.json', () => {
    const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = text.indexOf(BENCH_TABLE_START);
    const end = text.indexOf(BENCH_TABLE_END);
    assert.ok(start >= 0 && end > start, `README.md marks its table with ${BENCH_TABLE_START} and ${BENCH_TABLE_END}`);
    assert.deepEqual(
      rowsOf(text.slice(start + BENCH_TABLE_START.length, end)),
      rowsOf(benchTable(committedResults())),
      'run npm run bench, then npm run bench:table',
    );
  });

  it('names every key of the benchmark with its figure, so a changed figure is found', () => {
    const results = committedResults();
    const rows = rowsOf(benchTable(results));
    const keys = rows.slice(1).map(([key]) => key);
    assert.deepEqual(keys, [
      '`fanOutIdeal.cleanRatio`',
      '`fanOutIdeal.faultRatio`',
      '`startup.readyRatio`',
      '`memory.idleRssRatio`',
      '`memory.soakGrowth`',
      '`storeRequests.rsvpClick`',
      '`storeRequests.command`',
      '`latency.cosmosAuthP99Ratio`',
      '`latency.embeddedAuthP99Ratio`',
      '`scheduler.idleTickRequests`',
      '`scheduler.dueTickMs`',
      '`roster.import5000Requests`',
      '`pdf.largestRenderMs`',
      '`pdf.cachedServeRatio`',
    ]);
    const changed = {
      ...results,
      storeRequests: { ...results.storeRequests, rsvpClick: results.storeRequests.rsvpClick + 1 },
    };
    assert.notDeepEqual(rowsOf(benchTable(changed)), rows);
  });
});
