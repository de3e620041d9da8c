/**
 * HTML tags, card template expressions and control characters. Cards escape what they show, but
 * such text is never what a person meant to write: it is pasted markup or an attempt to inject
 * elements into cards other people receive, so it is refused with a message instead of stored.
 */
const MARKUP = /<\/?[A-Za-z!?][^>]*>|\$\{|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a free-text field was refused. */
export type TextProblemCode = 'invalid' | 'markup' | 'tooLong';

/**
 * Reads one optional free-text field of a form or chat line: trimmed, at most `max` characters,
 * without markup. Absent or blank gives `undefined`; a refusal is reported through `problem`.
 */
export function checkedText(value: unknown, max: number, problem: (code: TextProblemCode) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problem('invalid');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) problem('tooLong');
  else if (MARKUP.test(trimmed)) problem('markup');
  else return trimmed || undefined;
  return undefined;
}
