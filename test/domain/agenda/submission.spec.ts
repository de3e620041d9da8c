import { strict as assert } from 'node:assert';
import { parseSubmission, SUBMISSION_LIMITS, titleKey } from '../../../src/domain/agenda/submission';

describe('parseSubmission', () => {
  const valid = { kind: 'topic', title: 'Ausbildungsabbrüche', description: 'Zahlen aus den Kammern' };

  it('accepts a topic with title and description, trimmed', () => {
    const result = parseSubmission({
      ...valid,
      title: '  Ausbildungsabbrüche  ',
      institution: ' IHK ',
      link: 'https://example.org/a.pdf',
      desiredMinutes: '20',
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        kind: 'topic',
        title: 'Ausbildungsabbrüche',
        description: 'Zahlen aus den Kammern',
        institution: 'IHK',
        link: 'https://example.org/a.pdf',
        desiredMinutes: 20,
      },
    });
  });

  it('takes a title of exactly 200 characters and a description of exactly 4,000', () => {
    const result = parseSubmission({
      ...valid,
      title: 'T'.repeat(SUBMISSION_LIMITS.title),
      description: 'D'.repeat(SUBMISSION_LIMITS.description),
    });
    assert.equal(result.ok, true);
  });

  it('refuses one character more, naming the limit', () => {
    const result = parseSubmission({ ...valid, title: 'T'.repeat(201), description: 'D'.repeat(4001) });
    assert.deepEqual(result, {
      ok: false,
      error: [
        { field: 'title', code: 'tooLong', max: 200 },
        { field: 'description', code: 'tooLong', max: 4000 },
      ],
    });
  });

  it('refuses an empty or blank title and an unknown kind', () => {
    assert.deepEqual(parseSubmission({ kind: 'topic', title: '   ' }), {
      ok: false,
      error: [{ field: 'title', code: 'required' }],
    });
    assert.deepEqual(parseSubmission({ kind: 'rumour', title: 'x' }), {
      ok: false,
      error: [{ field: 'kind', code: 'invalid' }],
    });
    assert.deepEqual(parseSubmission({ title: 'x' }), { ok: false, error: [{ field: 'kind', code: 'required' }] });
  });

  it('refuses HTML, template expressions and control characters as markup', () => {
    for (const title of [
      '<script>alert(1)</script>',
      'Hallo <b>Welt</b>',
      '${title}',
      'a\u0007b',
      '<img src=x onerror=y>',
    ]) {
      assert.deepEqual(
        parseSubmission({ ...valid, title }),
        { ok: false, error: [{ field: 'title', code: 'markup' }] },
        title,
      );
    }
    assert.deepEqual(parseSubmission({ ...valid, description: 'Siehe {"type":"Action.OpenUrl"} ${x}' }), {
      ok: false,
      error: [{ field: 'description', code: 'markup' }],
    });
  });

  it('keeps ordinary text with comparison signs, braces, line breaks and markdown characters', () => {
    const result = parseSubmission({
      ...valid,
      title: 'Jugendliche < 25 Jahre & > 3 Monate {Bestand}',
      description: 'Zeile 1\nZeile 2 **fett** [x](y)',
    });
    assert.equal(result.ok, true);
  });

  it('refuses a link that is not http(s), tampered types and minutes out of range', () => {
    assert.deepEqual(parseSubmission({ ...valid, link: 'javascript:alert(1)' }), {
      ok: false,
      error: [{ field: 'link', code: 'invalid' }],
    });
    assert.deepEqual(parseSubmission({ ...valid, title: { evil: true } }), {
      ok: false,
      error: [{ field: 'title', code: 'invalid' }],
    });
    assert.deepEqual(parseSubmission({ ...valid, desiredMinutes: '500' }), {
      ok: false,
      error: [{ field: 'desiredMinutes', code: 'outOfRange', min: 5, max: 180 }],
    });
    assert.deepEqual(parseSubmission({ ...valid, desiredMinutes: 'viel' }), {
      ok: false,
      error: [{ field: 'desiredMinutes', code: 'invalid' }],
    });
  });
});

describe('titleKey', () => {
  it('treats case, spacing and trailing punctuation as the same title', () => {
    assert.equal(titleKey('  Ausbildungs  Abbrüche. '), titleKey('ausbildungs abbrüche'));
    assert.notEqual(titleKey('Ausbildungsabbrüche'), titleKey('Ausbildungsabbrüche 2027'));
  });
});
