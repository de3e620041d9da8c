import assert from 'node:assert/strict';
import { germanBreaches } from '../../src/i18n/glossary';
import { documentation, proseOf, type MarkdownDocument } from './markdown-documents';

/**
 * Words that would speak of how the project is made instead of of Gremium: its tracker, the
 * people and tools writing it, its working copies. The documentation describes the software only.
 */
const ABOUT_THE_MAKING: readonly RegExp[] = [
  /\bissues?\b/i,
  /\bpull requests?\b/i,
  /\btickets?\b/i,
  /\bworktrees?\b/i,
  /\bintegrators?\b/i,
  /\bhelpers?\b/i,
  /\bassistants?\b/i,
  /\bLLMs?\b/,
  /\bClaude\b/,
  /(^|\s)#\d+\b/m,
];

/** The German documents, each reduced to its German prose. */
function germanProse(): Array<{ readonly name: string; readonly prose: string }> {
  const german = (document: MarkdownDocument): string | undefined => {
    if (document.name === 'README.md') return document.text.split(/^## In English$/m, 1)[0];
    if (document.name === 'docs/benutzerhandbuch.md') return document.text;
    // The lifetime table is generated from the source, in English.
    if (document.name === 'docs/datenschutz.md') {
      return document.text.replace(/<!-- retention-table:start -->[\s\S]*<!-- retention-table:end -->/, '');
    }
    return undefined;
  };
  return documentation().flatMap((document) => {
    const text = german(document);
    return text === undefined ? [] : [{ name: document.name, prose: proseOf(text) }];
  });
}

describe('docs: wording', () => {
  for (const document of documentation()) {
    it(`${document.name} speaks of Gremium, not of how it is made`, () => {
      const found = ABOUT_THE_MAKING.flatMap((pattern) => document.text.match(pattern)?.[0] ?? []);
      assert.deepEqual(found, []);
    });
  }

  it('the German documents are all checked', () => {
    assert.deepEqual(
      germanProse().map((document) => document.name),
      ['README.md', 'docs/benutzerhandbuch.md', 'docs/datenschutz.md'],
    );
  });

  for (const { name, prose } of germanProse()) {
    // The glossary of the locale files (src/i18n/glossary.ts) holds the documents too: one rule, in one place.
    it(`${name} uses the committee's German terms`, () => {
      const found = germanBreaches(prose).map(({ thing, found: term }) => `„${term}“ for ${thing}`);
      assert.deepEqual(found, []);
    });

    it(`${name} writes dates as a reader reads them, not as ISO dates`, () => {
      assert.deepEqual(prose.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], []);
    });
  }

  it('finds a term that is not ours, and an ISO date, in prose but not in code', () => {
    const prose = proseOf('Die Version vom 2027-05-20.\n\n`sondersitzung 2027-05-20`\n');
    assert.deepEqual(
      germanBreaches(prose).map((breach) => breach.found),
      ['version', '2027-05-20'],
    );
    assert.deepEqual(prose.match(/\b\d{4}-\d{2}-\d{2}\b/g), ['2027-05-20']);
  });
});
