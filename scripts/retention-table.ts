/**
 * Prints the README's retention table (section "Data protection") from the retention rules the
 * daily run follows, so that the table and the run cannot drift apart: change a row in
 * `src/app/privacy/retention-rules.ts`, run `npm run retention:table`, paste the output.
 */
import { RETENTION_RULES, type RetentionRule } from '../src/app/privacy/retention-rules';

/** The rules as a Markdown table, one row per document type, in the order of the rules. */
export function retentionTable(rules: readonly RetentionRule[] = RETENTION_RULES): string {
  const header = [
    '| Document type | Personal data it holds | Kept | Then (daily retention run) | Cosmos DB time to live |',
    '|---|---|---|---|---|',
  ];
  const rows = rules.map(
    (rule) => `| \`${rule.type}\` | ${rule.holds} | ${rule.kept} | ${rule.atEnd} | ${rule.timeToLive ?? '–'} |`,
  );
  return [...header, ...rows].join('\n');
}

if (require.main === module) process.stdout.write(`${retentionTable()}\n`);
