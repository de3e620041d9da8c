import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCommand } from '../../src/bot/command-parser';
import { parseTopicLine } from '../../src/bot/topic-line-parser';
import { escapeMarkdown } from '../../src/cards/escape-markdown';
import { parseSubmission, SUBMISSION_KINDS, SUBMISSION_LIMITS } from '../../src/domain/agenda/submission';
import { COMMANDS } from '../../src/domain/permissions';
import { checkText, TEXT_FIELDS, type TextField } from '../../src/domain/text-input';
import { checkProperty } from './fuzz-runs';

/** Pieces people paste into Teams, or an attacker types: markup, entities, mentions, expressions. */
const HOSTILE_PIECES = [
  '<at>Gremium</at>', '<at>Katrin Albers</at>', '<p>', '</div>', '<script>alert(1)</script>', '&nbsp;', '&amp;', '&lt;b&gt;', '&#39;', '&quot;', '&unknown;',
  '${1+1}', '${$root.x}', '{{x}}', '[x](https://evil.example)', '**', '# ', '\n', '\r\n', '\t', '\u0000', '\u200b', '\u202e', '😀', 'ß', 'İ', '–', '—', ' - ',
  'thema:', 'praxis:', 'topic:', 'need:', 'hilfe', 'sitzungen planen', 'themen 2027/1', '/', '!', '?', '.', '__proto__', 'constructor', '{"type":"Action.OpenUrl"}',
];

/** Text of every kind: any unicode, hostile pieces interleaved, and rarely very long. */
const chatText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 1, max: 3000 })).map(([piece, times]) => piece.repeat(times)) },
);

/** What a card field may hold after tampering: any JSON-ish value. */
const anyValue = fc.oneof(chatText, fc.anything(), fc.constant(undefined), fc.constant(null), fc.integer(), fc.double(), fc.string({ unit: 'binary', minLength: 4000, maxLength: 5000 }));

const MARKUP = /<\/?[A-Za-z!?][^>]*>|\$\{|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** What a one-line field may never hold: any control character, tab and line breaks included. */
const ONE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const FIELDS = Object.keys(TEXT_FIELDS) as TextField[];
const MARKDOWN_SIGNIFICANT = /[\\`*_{}[\]()<>#|~!]/;

describe('fuzz: text parsers', () => {
  it('reads any chat line as a known command with a short argument, or as none, without throwing', async () => {
    await checkProperty(
      'text parsers',
      fc.property(chatText, (text) => {
        const parsed = parseCommand(text);
        if (parsed === undefined) return;
        assert.ok((COMMANDS as readonly string[]).includes(parsed.command));
        assert.ok(parsed.argument.length <= 40, parsed.argument);
        assert.equal(parsed.argument, parsed.argument.trim());
        assert.doesNotMatch(parsed.argument, /<[^>]*>/);
      }),
      2500,
    );
    assert.equal(parseCommand(undefined), undefined);
  });

  it('reads a command word with any trailing argument exactly as typed, inside the HTML Teams sends', async () => {
    await checkProperty(
      'text parsers',
      fc.property(fc.constantFrom('themen', 'Tagesordnung', 'agenda', 'PROTOKOLL'), fc.stringMatching(/^[0-9a-z/-]{1,40}$/), (word, argument) => {
        assert.deepEqual(parseCommand(`<p><b>${word}</b>&nbsp; ${argument}</p>`), { command: parseCommand(word)!.command, argument });
      }),
      500,
    );
  });

  it('reads any chat line as a topic line of a known kind with trimmed parts, or as none, without throwing', async () => {
    await checkProperty(
      'text parsers',
      fc.property(chatText, (text) => {
        const line = parseTopicLine(text);
        if (line === undefined) return;
        assert.ok((SUBMISSION_KINDS as readonly string[]).includes(line.kind));
        assert.equal(line.title, line.title.trim());
        assert.equal(line.description, line.description.trim());
        // Decoding entities and removing mention tags only ever shortens the line.
        assert.ok(line.title.length + line.description.length <= text.length);
        assert.doesNotMatch(`${line.title}${line.description}`, /<at>/i);
      }),
      2500,
    );
    assert.equal(parseTopicLine(undefined), undefined);
  });

  it('splits a topic line into exactly the title and description that were typed', async () => {
    const part = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9][A-Za-zÄÖÜäöüß0-9 ,.?!()/-]{0,60}[A-Za-zÄÖÜäöüß0-9]$/).filter((text) => !/\s[-–—]\s|[–—]/.test(text));
    await checkProperty(
      'text parsers',
      fc.property(fc.constantFrom('thema', 'Praxis', 'BEDARF', 'topic', 'practice', 'need'), part, part, fc.constantFrom(' – ', ' - ', '—', ' — '), (word, title, description, divider) => {
        const line = parseTopicLine(`${word}: ${title}${divider}${description}`);
        assert.deepEqual(line && { title: line.title, description: line.description }, { title, description });
      }),
      500,
    );
  });

  it('accepts a submission only within every limit and without markup, listing every problem otherwise', async () => {
    const input = fc.record(
      { kind: fc.oneof(fc.constantFrom(...SUBMISSION_KINDS), anyValue), title: anyValue, description: anyValue, institution: anyValue, link: fc.oneof(fc.webUrl(), anyValue), desiredMinutes: fc.oneof(fc.integer({ min: -10, max: 300 }), anyValue) },
      { requiredKeys: [] },
    );
    await checkProperty(
      'text parsers',
      fc.property(input, (fields) => {
        const result = parseSubmission(fields);
        if (!result.ok) {
          assert.ok(result.error.length > 0);
          for (const problem of result.error) assert.ok(Object.keys(SUBMISSION_LIMITS).includes(problem.field) || problem.field === 'kind' || problem.field === 'desiredMinutes', problem.field);
          return;
        }
        const content = result.value;
        assert.ok(content.title.length > 0 && content.title.length <= SUBMISSION_LIMITS.title);
        assert.ok(content.description.length <= SUBMISSION_LIMITS.description);
        assert.ok((content.institution ?? '').length <= SUBMISSION_LIMITS.institution);
        assert.ok((content.link ?? '').length <= SUBMISSION_LIMITS.link);
        for (const text of [content.title, content.description, content.institution ?? '']) assert.doesNotMatch(text, MARKUP);
        if (content.desiredMinutes !== undefined) assert.ok(content.desiredMinutes >= SUBMISSION_LIMITS.minutes.min && content.desiredMinutes <= SUBMISSION_LIMITS.minutes.max);
      }),
      2000,
    );
  });

  it('gives any free-text field back trimmed, within its limit and free of markup and control characters, or reports exactly one problem', async () => {
    await checkProperty(
      'text parsers',
      fc.property(anyValue, fc.constantFrom(...FIELDS), (value, field) => {
        const problems: string[] = [];
        const text = checkText(field, value, (code) => problems.push(code));
        assert.ok(problems.length <= 1);
        if (text === undefined) return;
        assert.deepEqual(problems, []);
        assert.ok(text.length > 0 && text.length <= TEXT_FIELDS[field].max);
        assert.equal(text, text.trim());
        assert.doesNotMatch(text, MARKUP);
        assert.doesNotMatch(text, /\r/, 'no carriage return, in any field');
        if (TEXT_FIELDS[field].lines === 'one') assert.doesNotMatch(text, ONE_LINE_CONTROL);
      }),
      2000,
    );
  });

  it('leaves no markdown-significant character unescaped', async () => {
    await checkProperty(
      'text parsers',
      fc.property(chatText, (text) => {
        const escaped = escapeMarkdown(text);
        // Every backslash pair is one escaped character; what remains must be plain.
        assert.doesNotMatch(escaped.replace(/\\[^]/g, ''), MARKDOWN_SIGNIFICANT);
        assert.doesNotMatch(escaped, /(^|\n)\s*[-+]\s/);
      }),
      1500,
    );
  });
});
