import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCommand } from '../../src/bot/command-parser';
import { parseTopicLine } from '../../src/bot/topic-line-parser';
import { escapeMarkdown } from '../../src/cards/escape-markdown';
import { parseSubmission, SUBMISSION_KINDS, SUBMISSION_LIMITS } from '../../src/domain/agenda/submission';
import { COMMANDS } from '../../src/domain/permissions';
import { checkText, TEXT_FIELDS } from '../../src/domain/text-input';
import { commandArgumentMax } from '../../src/domain/verb-registry';
import { commandLine } from './command-lines';
import { freeText, submission } from './form-inputs';
import { checkProperty, PathCount } from './fuzz-runs';
import { textToShow } from './markdown-text';
import { topicLine } from './topic-lines';

const MARKUP = /<\/?[A-Za-z!?][^>]*>|\$\{|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** What a one-line field may never hold: any control character, tab and line breaks included. */
const ONE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const MARKDOWN_SIGNIFICANT = /[\\`*_{}[\]()<>#|~!]/;

describe('fuzz: text parsers', () => {
  it('reads any chat line as a known command with a short argument, or as none, without throwing', async () => {
    const paths = new PathCount('chat line parsed as a command');
    await checkProperty(
      'text parsers',
      fc.property(commandLine, ({ text, expected }) => {
        const parsed = parseCommand(text);
        if (expected !== undefined) assert.deepEqual(parsed ?? null, expected, JSON.stringify(text));
        if (!paths.took(parsed !== undefined)) return;
        assert.ok((COMMANDS as readonly string[]).includes(parsed!.command));
        assert.ok(parsed!.argument.length <= commandArgumentMax(parsed!.command), parsed!.argument);
        assert.equal(parsed!.argument, parsed!.argument.trim());
        assert.doesNotMatch(parsed!.argument, /<[^>]*>/);
      }),
      2500,
      paths,
    );
    assert.equal(parseCommand(undefined), undefined);
  });

  it('reads a command word with any trailing argument exactly as typed, inside the HTML Teams sends', async () => {
    await checkProperty(
      'text parsers',
      fc.property(
        fc.constantFrom('themen', 'Tagesordnung', 'agenda', 'PROTOKOLL'),
        fc.stringMatching(/^[0-9a-z/-]{1,40}$/),
        (word, argument) => {
          assert.deepEqual(parseCommand(`<p><b>${word}</b>&nbsp; ${argument}</p>`), {
            command: parseCommand(word)!.command,
            argument,
          });
        },
      ),
      500,
    );
  });

  it('reads any chat line as a topic line of a known kind with trimmed parts, or as none, without throwing', async () => {
    const paths = new PathCount('chat line read as a topic line');
    await checkProperty(
      'text parsers',
      fc.property(topicLine, ({ text, expected }) => {
        const line = parseTopicLine(text);
        if (expected !== undefined) assert.deepEqual(line ?? null, expected, JSON.stringify(text));
        if (!paths.took(line !== undefined) || line === undefined) return;
        assert.ok((SUBMISSION_KINDS as readonly string[]).includes(line.kind));
        assert.equal(line.title, line.title.trim());
        assert.equal(line.description, line.description.trim());
        // Decoding entities and removing mention tags only ever shortens the line.
        assert.ok(line.title.length + line.description.length <= text.length);
        assert.doesNotMatch(`${line.title}${line.description}`, /<at>/i);
      }),
      2500,
      paths,
    );
    assert.equal(parseTopicLine(undefined), undefined);
  });

  it('splits a topic line into exactly the title and description that were typed', async () => {
    const part = fc
      .stringMatching(/^[A-Za-zÄÖÜäöüß0-9][A-Za-zÄÖÜäöüß0-9 ,.?!()/-]{0,60}[A-Za-zÄÖÜäöüß0-9]$/)
      .filter((text) => !/\s[-–—]\s|[–—]/.test(text));
    await checkProperty(
      'text parsers',
      fc.property(
        fc.constantFrom('thema', 'Praxis', 'BEDARF', 'topic', 'practice', 'need'),
        part,
        part,
        fc.constantFrom(' – ', ' - ', '—', ' — '),
        (word, title, description, divider) => {
          const line = parseTopicLine(`${word}: ${title}${divider}${description}`);
          assert.deepEqual(line && { title: line.title, description: line.description }, { title, description });
        },
      ),
      500,
    );
  });

  it('accepts a submission only within every limit and without markup, listing every problem otherwise', async () => {
    const paths = new PathCount('submission accepted');
    await checkProperty(
      'text parsers',
      fc.property(submission, ({ input: fields, fault, hostile }) => {
        const result = parseSubmission(fields);
        if (!paths.took(result.ok) || !result.ok) {
          assert.ok(!result.ok && result.error.length > 0, 'a refusal without a problem');
          for (const problem of result.error)
            assert.ok(
              Object.keys(SUBMISSION_LIMITS).includes(problem.field) ||
                problem.field === 'kind' ||
                problem.field === 'desiredMinutes',
              problem.field,
            );
          assert.ok(hostile || fault, `a valid form was refused: ${JSON.stringify(result.error)}`);
          // One broken field is reported as exactly that field's problem, and nothing else.
          if (fault)
            assert.deepEqual(
              result.error.map(({ field, code }) => ({ field, code })),
              [fault],
            );
          return;
        }
        assert.ok(!fault, `accepted although ${fault?.field} is ${fault?.code}`);
        const content = result.value;
        assert.ok(content.title.length > 0 && content.title.length <= SUBMISSION_LIMITS.title);
        assert.ok(content.description.length <= SUBMISSION_LIMITS.description);
        assert.ok((content.institution ?? '').length <= SUBMISSION_LIMITS.institution);
        assert.ok((content.link ?? '').length <= SUBMISSION_LIMITS.link);
        for (const text of [content.title, content.description, content.institution ?? ''])
          assert.doesNotMatch(text, MARKUP);
        if (content.desiredMinutes !== undefined)
          assert.ok(
            content.desiredMinutes >= SUBMISSION_LIMITS.minutes.min &&
              content.desiredMinutes <= SUBMISSION_LIMITS.minutes.max,
          );
        if (hostile) return;
        // A form filled in as intended is stored as typed, only trimmed.
        const given = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
        assert.deepEqual(content, {
          kind: fields.kind,
          title: given(fields.title),
          description: given(fields.description) ?? '',
          ...(given(fields.institution) ? { institution: given(fields.institution) } : {}),
          ...(given(fields.link) ? { link: given(fields.link) } : {}),
          ...(fields.desiredMinutes !== undefined && fields.desiredMinutes !== null && fields.desiredMinutes !== ''
            ? { desiredMinutes: Number(fields.desiredMinutes) }
            : {}),
        });
      }),
      2000,
      paths,
    );
  });

  it('gives any free-text field back trimmed, within its limit and free of markup and control characters, or reports exactly one problem', async () => {
    const paths = new PathCount('free text given back');
    await checkProperty(
      'text parsers',
      fc.property(freeText, ({ field, value, expected }) => {
        const problems: string[] = [];
        const text = checkText(field, value, (code) => problems.push(code));
        assert.ok(problems.length <= 1);
        if (expected === 'accepted') assert.equal(text, (value as string).trim());
        else if (expected === 'absent') assert.deepEqual([text, problems], [undefined, []]);
        else if (expected !== undefined) assert.deepEqual([text, problems], [undefined, [expected]]);
        if (!paths.took(text !== undefined) || text === undefined) return;
        assert.deepEqual(problems, []);
        assert.ok(text.length > 0 && text.length <= TEXT_FIELDS[field].max);
        assert.equal(text, text.trim());
        assert.doesNotMatch(text, MARKUP);
        assert.doesNotMatch(text, /\r/, 'no carriage return, in any field');
        if (TEXT_FIELDS[field].lines === 'one') assert.doesNotMatch(text, ONE_LINE_CONTROL);
      }),
      2000,
      paths,
    );
  });

  it('leaves no markdown-significant character unescaped, and changes nothing else', async () => {
    const paths = new PathCount('text with markdown escaped', 'passed through unchanged');
    await checkProperty(
      'text parsers',
      fc.property(textToShow, (text) => {
        const escaped = escapeMarkdown(text);
        paths.took(escaped !== text);
        // Every backslash pair is one escaped character; what remains must be plain.
        assert.doesNotMatch(escaped.replace(/\\[^]/g, ''), MARKDOWN_SIGNIFICANT);
        assert.doesNotMatch(escaped, /(^|\n)\s*[-+]\s/);
        assert.doesNotMatch(escaped, /(^|\n)\s*\d+\.\s/);
        // Dropping the escapes gives back exactly the text: nothing is lost or added.
        assert.equal(escaped.replace(/\\([^])/g, '$1'), text);
      }),
      1500,
      paths,
    );
  });
});
