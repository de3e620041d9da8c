import assert from 'node:assert/strict';
import { documentation } from './markdown-documents';

/**
 * Whom each document is written for, as its first line must say. A new document needs a row,
 * so that nobody adds one without deciding who reads it.
 */
const READERS: Readonly<Record<string, readonly string[]>> = {
  'README.md': ['Geschäftsstellen', 'Mitglieder', 'Arbeitsgruppen'],
  'docs/benutzerhandbuch.md': ['Geschäftsstelle', 'Mitglieder', 'Stellvertretungen', 'Arbeitsgruppe'],
  'docs/datenschutz.md': ['Datenschutzbeauftragten'],
  'docs/operations.md': ['administrators'],
  'docs/security.md': ['reviewers'],
  'docs/architecture.md': ['developers'],
};

describe('docs: who each document is for', () => {
  for (const document of documentation()) {
    it(`${document.name} says in its first line, its title, who it is for`, () => {
      const readers = READERS[document.name];
      assert.ok(readers, `${document.name} has no readers in this test's table; add a row`);
      const firstLine = document.text.split('\n', 1)[0] ?? '';
      assert.match(firstLine, /^# /, 'the first line is the title');
      assert.match(firstLine, /\b(für|for)\b/, 'the title says for whom');
      for (const reader of readers) assert.ok(firstLine.includes(reader), `${firstLine} names no ${reader}`);
    });
  }
});
