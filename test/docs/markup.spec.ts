import assert from 'node:assert/strict';
import { BENCH_TABLE_END, BENCH_TABLE_START } from '../../scripts/bench-table';
import { documentation, htmlOf } from './markdown-documents';

/** The only HTML allowed: the markers around the generated tables (lifetimes, measured figures). */
const MARKERS = ['<!-- retention-table:start -->', '<!-- retention-table:end -->', BENCH_TABLE_START, BENCH_TABLE_END];

describe('docs: plain Markdown', () => {
  for (const document of documentation()) {
    it(`${document.name} holds no HTML, so a placeholder such as <Name> is never swallowed as a tag`, () => {
      assert.deepEqual(
        htmlOf(document.text).filter((html) => !MARKERS.includes(html)),
        [],
      );
    });
  }

  it('finds a placeholder that a renderer would take for a tag', () => {
    assert.deepEqual(htmlOf('Schicken Sie <Name der Stellvertretung>.\n'), ['<Name der Stellvertretung>']);
  });
});
