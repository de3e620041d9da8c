import { fail, ok, type Result } from '../result';
import { checkText, TEXT_FIELDS, type TextField } from '../text-input';
import { isWebLink } from '../web-link';

/** What the working group may feed in (Leipzig decision, section 4). */
export const SUBMISSION_KINDS = ['topic', 'practice', 'need'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_LIMITS = {
  title: TEXT_FIELDS.topicTitle.max,
  description: TEXT_FIELDS.topicDescription.max,
  institution: TEXT_FIELDS.institution.max,
  link: TEXT_FIELDS.topicLink.max,
  minutes: { min: 5, max: 180 },
} as const;

/** A submission's content as the submitter gave it, checked and trimmed. */
export interface SubmissionContent {
  readonly kind: SubmissionKind;
  readonly title: string;
  readonly description: string;
  readonly institution?: string;
  /** A link to a document (http or https only). */
  readonly link?: string;
  /** The time the submitter asks for at the session, in minutes. */
  readonly desiredMinutes?: number;
}

/** The form or chat line as it arrives: untrusted values. */
export interface SubmissionInput {
  readonly kind?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly institution?: unknown;
  readonly link?: unknown;
  readonly desiredMinutes?: unknown;
}

export type SubmissionField = keyof SubmissionInput;
export type SubmissionProblem =
  | { readonly field: SubmissionField; readonly code: 'required' | 'invalid' | 'markup' }
  | { readonly field: SubmissionField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: SubmissionField; readonly code: 'outOfRange'; readonly min: number; readonly max: number };

/**
 * Checks a submission: kind, a title of at most 200 characters, a description of at most 4,000,
 * optional institution, link and desired minutes. Every problem is listed at once, so the form
 * comes back with all of them; nothing is stored unless there are none.
 */
export function parseSubmission(input: SubmissionInput): Result<SubmissionContent, SubmissionProblem[]> {
  const problems: SubmissionProblem[] = [];
  const kind = (SUBMISSION_KINDS as readonly unknown[]).includes(input.kind)
    ? (input.kind as SubmissionKind)
    : undefined;
  if (!kind)
    problems.push({ field: 'kind', code: input.kind === undefined || input.kind === '' ? 'required' : 'invalid' });
  const title = text(input.title, 'title', 'topicTitle', problems);
  if (!title && !problems.some((problem) => problem.field === 'title'))
    problems.push({ field: 'title', code: 'required' });
  const description = text(input.description, 'description', 'topicDescription', problems);
  const institution = text(input.institution, 'institution', 'institution', problems);
  const link = text(input.link, 'link', 'topicLink', problems);
  if (link && !isWebLink(link)) problems.push({ field: 'link', code: 'invalid' });
  const desiredMinutes = minutes(input.desiredMinutes, problems);
  if (problems.length > 0 || !kind || !title) return fail(problems);
  return ok({
    kind,
    title,
    description: description ?? '',
    ...(institution ? { institution } : {}),
    ...(link ? { link } : {}),
    ...(desiredMinutes !== undefined ? { desiredMinutes } : {}),
  });
}

/**
 * What makes two titles "the same" for one person and session: case, spacing and trailing
 * punctuation do not count, so a repeated chat line is recognised.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .toLocaleLowerCase('de-DE')
    .replace(/\s+/g, ' ')
    .replace(/[.!?:;,\s]+$/, '')
    .trim();
}

function text(
  value: unknown,
  field: SubmissionField,
  checked: TextField,
  problems: SubmissionProblem[],
): string | undefined {
  return checkText(checked, value, (code, max) =>
    problems.push(code === 'tooLong' ? { field, code, max } : { field, code }),
  );
}

function minutes(value: unknown, problems: SubmissionProblem[]): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  const { min, max } = SUBMISSION_LIMITS.minutes;
  if (!Number.isInteger(number)) problems.push({ field: 'desiredMinutes', code: 'invalid' });
  else if (number < min || number > max) problems.push({ field: 'desiredMinutes', code: 'outOfRange', min, max });
  else return number;
  return undefined;
}
