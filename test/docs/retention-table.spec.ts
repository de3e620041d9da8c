import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { retentionTable } from '../../scripts/retention-table';
import { ROOT } from './markdown-documents';
import { rowsOf } from './markdown-table';

const START = '<!-- retention-table:start -->';
const END = '<!-- retention-table:end -->';

describe('docs: the lifetime table in docs/datenschutz.md', () => {
  it('is the table npm run retention:table prints from the retention rules', () => {
    const text = readFileSync(path.join(ROOT, 'docs', 'datenschutz.md'), 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    assert.ok(start >= 0 && end > start, `docs/datenschutz.md marks its table with ${START} and ${END}`);
    assert.deepEqual(
      rowsOf(text.slice(start + START.length, end)),
      rowsOf(retentionTable()),
      'run npm run retention:table and paste its output between the markers',
    );
  });

  it('compares cells, so a changed row is found', () => {
    const table = retentionTable();
    const changed = table.replace('24 hours after it was made', '48 hours after it was made');
    assert.notEqual(changed, table);
    assert.notDeepEqual(rowsOf(changed), rowsOf(table));
  });
});
