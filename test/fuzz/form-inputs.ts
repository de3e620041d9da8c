import fc from 'fast-check';
import {
  SUBMISSION_KINDS,
  SUBMISSION_LIMITS,
  type SubmissionField,
  type SubmissionInput,
} from '../../src/domain/agenda/submission';
import { TEXT_FIELDS, type TextField, type TextProblemCode } from '../../src/domain/text-input';
import { anyValue } from './hostile-text';
import { plainWords } from './text-noise';

/** White space a form field may carry around its text; it is trimmed away. */
const padding = fc.constantFrom('', '', '', ' ', '  ', '\n', '\t', ' \r\n ');

/**
 * Free text within `max` characters once trimmed: words with umlauts and punctuation, now and
 * then exactly `max` characters long, with padding around it.
 */
export function plainText(max: number): fc.Arbitrary<string> {
  const words = plainWords(1, Math.min(40, Math.ceil(max / 4)))
    .map((text) => text.slice(0, max).trim())
    .filter((text) => text.length > 0);
  const filled = fc.constantFrom('x', 'ä', 'Jobcenter ').map((unit) => unit.repeat(max).slice(0, max).trim());
  return fc
    .tuple(
      max >= 1 ? fc.oneof({ weight: 5, arbitrary: words }, { weight: 1, arbitrary: filled }) : fc.constant(''),
      padding,
      padding,
    )
    .map(([text, before, after]) => `${before}${text}${after}`);
}

/** Text a field must refuse, with the one problem it must report. */
export function refusedText(max: number): fc.Arbitrary<{ value: unknown; code: TextProblemCode }> {
  return fc.oneof(
    fc.constantFrom('x', 'ü', 'Wort ').map((unit) => ({
      value: unit.repeat(max + 1 + unit.length).slice(0, max + 1 + unit.length),
      code: 'tooLong' as const,
    })),
    fc
      .tuple(
        plainWords(0, 3),
        fc.constantFrom(
          '<b>fett</b>',
          '<script>x</script>',
          '${$root.x}',
          '<at>Katrin</at>',
          '\u0007',
          '</p>',
          '<!-- -->',
        ),
      )
      .filter(([, markup]) => markup.length <= max)
      .map(([words, markup]) => ({
        value: `${words} ${markup}`.trim().length <= max ? `${words} ${markup}` : markup,
        code: 'markup' as const,
      })),
    fc
      .oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant(['Titel']))
      .map((value) => ({ value, code: 'invalid' as const })),
  );
}

/**
 * A generated submission form and what the check must say: accept it as given (`fault`
 * undefined), refuse exactly the one `fault`, or, for hostile values (`hostile`), anything the
 * property allows.
 */
export interface SubmissionCase {
  readonly input: SubmissionInput;
  readonly fault?: { readonly field: SubmissionField; readonly code: string };
  readonly hostile?: true;
}

/** An optional field: absent, empty, or valid. */
const optional = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | '' | null | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom<'' | null | undefined>(undefined, '', null) },
    { weight: 3, arbitrary: value },
  );

const link = fc.oneof(
  fc.webUrl({ validSchemes: ['https', 'http'] }).filter((url) => url.length <= SUBMISSION_LIMITS.link),
  fc.constantFrom(
    'https://www.arbeitsagentur.de/',
    'http://intranet.example/doc?id=7&v=2',
    ' https://example.org/a b ',
  ),
);

const desiredMinutes = fc.oneof(
  fc.integer({ min: SUBMISSION_LIMITS.minutes.min, max: SUBMISSION_LIMITS.minutes.max }),
  fc
    .integer({ min: SUBMISSION_LIMITS.minutes.min, max: SUBMISSION_LIMITS.minutes.max })
    .map((minutes) => ` ${minutes} `),
  fc.constantFrom(SUBMISSION_LIMITS.minutes.min, SUBMISSION_LIMITS.minutes.max, String(SUBMISSION_LIMITS.minutes.max)),
);

/** A form filled in as intended: every field within its limit. */
const validSubmission: fc.Arbitrary<SubmissionInput> = fc.record(
  {
    kind: fc.constantFrom(...SUBMISSION_KINDS),
    title: plainText(SUBMISSION_LIMITS.title),
    description: optional(plainText(SUBMISSION_LIMITS.description)),
    institution: optional(plainText(SUBMISSION_LIMITS.institution)),
    link: optional(link),
    desiredMinutes: optional(desiredMinutes),
  },
  { requiredKeys: ['kind', 'title'] },
);

/** What breaks one field, with the problem the check must report for it. */
const FAULTS: { readonly [field in SubmissionField]: fc.Arbitrary<{ value: unknown; code: string }> } = {
  kind: fc.oneof(
    fc.constantFrom('', undefined).map((value) => ({ value, code: 'required' })),
    fc.constantFrom('Thema', 'TOPIC', 'topics', 'idea', 1, null, true).map((value) => ({ value, code: 'invalid' })),
  ),
  title: fc.oneof(
    fc.constantFrom('', '   ', '\n', undefined, null).map((value) => ({ value, code: 'required' })),
    refusedText(SUBMISSION_LIMITS.title),
  ),
  description: refusedText(SUBMISSION_LIMITS.description),
  institution: refusedText(SUBMISSION_LIMITS.institution),
  link: fc.oneof(
    fc
      .constantFrom(
        'javascript:alert(1)',
        'ftp://example.org/a',
        'www.example.org',
        'example',
        'data:text/html,x',
        'file:///etc/passwd',
      )
      .map((value) => ({ value, code: 'invalid' })),
    refusedText(SUBMISSION_LIMITS.link),
  ),
  desiredMinutes: fc.oneof(
    fc.constantFrom(0, 4, 181, 999, -5, '4', '1000').map((value) => ({ value, code: 'outOfRange' })),
    fc.constantFrom(1.5, 'eine Stunde', '12a', '1e2', NaN, true, {}).map((value) => ({ value, code: 'invalid' })),
  ),
};

/** A valid form with exactly one field broken. */
const oneFault: fc.Arbitrary<SubmissionCase> = fc
  .tuple(validSubmission, fc.constantFrom(...(Object.keys(FAULTS) as SubmissionField[])))
  .chain(([input, field]) =>
    FAULTS[field].map(({ value, code }) => ({ input: { ...input, [field]: value }, fault: { field, code } })),
  );

/** Any values at all in any of the fields. */
const hostileSubmission: fc.Arbitrary<SubmissionCase> = fc
  .record(
    {
      kind: fc.oneof(fc.constantFrom(...SUBMISSION_KINDS), anyValue),
      title: anyValue,
      description: anyValue,
      institution: anyValue,
      link: fc.oneof(fc.webUrl(), anyValue),
      desiredMinutes: fc.oneof(fc.integer({ min: -10, max: 300 }), anyValue),
    },
    { requiredKeys: [] },
  )
  .map((input) => ({ input, hostile: true as const }));

/** Mostly forms filled in as intended, then forms with one fault, then any values. */
export const submission: fc.Arbitrary<SubmissionCase> = fc.oneof(
  { weight: 5, arbitrary: validSubmission.map((input) => ({ input })) },
  { weight: 3, arbitrary: oneFault },
  { weight: 2, arbitrary: hostileSubmission },
);

/**
 * A free-text field, its value, and what the check must say: `accepted` (the trimmed text),
 * `absent` (no text, no problem), one `problem`, or, for hostile values, anything allowed.
 */
export type FreeTextCase =
  | { readonly field: TextField; readonly value: unknown; readonly expected: 'accepted' | 'absent' }
  | { readonly field: TextField; readonly value: unknown; readonly expected: TextProblemCode }
  | { readonly field: TextField; readonly value: unknown; readonly expected?: undefined };

const textField = fc.constantFrom(...(Object.keys(TEXT_FIELDS) as TextField[]));

/** Mostly text within its field's limit, then absent, refused and hostile values. */
export const freeText: fc.Arbitrary<FreeTextCase> = fc.oneof(
  {
    weight: 5,
    arbitrary: textField.chain((field) =>
      plainText(TEXT_FIELDS[field].max).map((value) => ({ field, value, expected: 'accepted' as const })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(undefined, null, '', '  ', '\n\t'), textField)
      .map(([value, field]) => ({ field, value, expected: 'absent' as const })),
  },
  {
    weight: 2,
    arbitrary: textField.chain((field) =>
      refusedText(TEXT_FIELDS[field].max).map(({ value, code }) => ({ field, value, expected: code })),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(anyValue, textField).map(([value, field]) => ({ field, value })),
  },
);
