import assert from 'node:assert/strict';
import path from 'node:path';
import { LINK_TYPE } from '../../../src/app/links/link-document';
import { DOCUMENT_TYPES, RETENTION_RULES } from '../../../src/app/privacy/retention-rules';
import {
  CALENDAR_LINK_DAYS_AFTER_SESSION,
  EXPORT_LINK_HOURS,
  LINK_KINDS,
  MINUTES_LINK_DAYS,
  REPORT_LINK_DAYS,
  type LinkKind,
} from '../../../src/domain/links/link-lifetime';
import { documentTypesIn, sourceFiles } from './document-types-in-source';

const SRC = path.resolve(__dirname, '../../../src');

describe('app/privacy/retention-rules: one row per document type', () => {
  const found = documentTypesIn(sourceFiles(SRC));

  it('has a row for every document type the code declares, writes or reads', () => {
    const types = new Set(found.map((entry) => entry.type));
    assert.ok(types.size >= 20, `the scan found only ${[...types].join(', ')}`);
    const missing = found.filter((entry) => !DOCUMENT_TYPES.includes(entry.type));
    assert.deepEqual(missing, [], 'a document type without a retention rule: add its row to RETENTION_RULES');
  });

  it('has no row for a type the code no longer knows, and one row per type', () => {
    const types = new Set(found.map((entry) => entry.type));
    assert.deepEqual(
      DOCUMENT_TYPES.filter((type) => !types.has(type)),
      [],
    );
    assert.equal(new Set(DOCUMENT_TYPES).size, DOCUMENT_TYPES.length);
  });

  it('rewrites the minutes before their versions, so a link served from the head is never behind them', () => {
    // Retention and erasure go through the rows in this order; a PDF link to the version the head
    // holds is served from the head alone (see minutesFile), so the head must lose a name first.
    assert.ok(DOCUMENT_TYPES.indexOf('minutes') >= 0);
    assert.ok(DOCUMENT_TYPES.indexOf('minutes') < DOCUMENT_TYPES.indexOf('minutesVersion'));
  });

  it('says for every row what it holds, how long it is kept and what happens then', () => {
    for (const rule of RETENTION_RULES) {
      for (const text of [rule.holds, rule.kept, rule.atEnd])
        assert.ok(text.trim().length > 3 && !text.includes('|') && !text.includes('\n'), `${rule.type}: ${text}`);
    }
  });

  it('notices a new type in each place the code can name one', () => {
    const sample = [
      "interface LinkDocument extends LeasedDocument { readonly type: 'link' | 'linkUse' }",
      "const KIND = 'tally'; interface TallyDocument extends Document { readonly type: typeof KIND }",
      "const draft = { id: 'x', committeeId, type: 'draftNote', text };",
      "await store.query(committeeId, { type: 'reminderMark', where: [] });",
      "await deps.store.queryAcrossCommittees({ type: 'sweepMark' });",
      "await store.query(committeeId, { type: ['pollMark', 'voteMark'] });",
      "await queryByType<A | B>(store, committeeId, { type: ['tallyMark'] });",
      "const card = { type: 'AdaptiveCard', body: [] }; interface Origin { readonly type: 'topic' }",
    ].join('\n');
    assert.deepEqual(
      documentTypesIn([{ name: 'sample.ts', text: sample }]).map((entry) => entry.type),
      ['link', 'linkUse', 'tally', 'draftNote', 'reminderMark', 'sweepMark', 'pollMark', 'voteMark', 'tallyMark'],
    );
  });

  it('says how long each kind of link lives, in the words and numbers of the link lifetimes', () => {
    const kept = RETENTION_RULES.find((rule) => rule.type === LINK_TYPE)!.kept;
    // A new kind of link does not compile here until its row's words are added.
    const words: Readonly<Record<LinkKind, string>> = {
      calendar: `calendar: ${CALENDAR_LINK_DAYS_AFTER_SESSION === 14 ? 'two weeks' : '?'} after the session ends`,
      minutes: `minutes and extract: ${MINUTES_LINK_DAYS} days after sending`,
      extract: `minutes and extract: ${MINUTES_LINK_DAYS} days after sending`,
      export: `export: ${EXPORT_LINK_HOURS} hours`,
      report: `status report (PDF and CSV): ${REPORT_LINK_DAYS} days`,
      reportCsv: `status report (PDF and CSV): ${REPORT_LINK_DAYS} days`,
    };
    for (const kind of LINK_KINDS) assert.ok(kept.includes(words[kind]), `${kind}: "${words[kind]}" not in "${kept}"`);
  });
});
