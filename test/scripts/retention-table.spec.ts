import assert from 'node:assert/strict';
import { DOCUMENT_TYPES, RETENTION_RULES } from '../../src/app/privacy/retention-rules';
import { retentionTable } from '../../scripts/retention-table';

describe('scripts/retention-table', () => {
  it('prints one Markdown row per document type, with the texts of its rule', () => {
    const lines = retentionTable().split('\n');
    assert.equal(lines.length, 2 + DOCUMENT_TYPES.length);
    for (const [index, rule] of RETENTION_RULES.entries()) {
      const cells = lines[index + 2]!.split(' | ');
      assert.equal(cells.length, 5, lines[index + 2]);
      assert.deepEqual(cells.slice(0, 4), [`| \`${rule.type}\``, rule.holds, rule.kept, rule.atEnd]);
    }
  });
});
