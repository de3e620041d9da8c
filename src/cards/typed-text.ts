import type { Translator } from '../i18n/translator';

/**
 * What a form shows again of what a person typed, when it comes back with problems: the text as
 * it was typed, never cut. A text over its field's limit is the server's to refuse, with the
 * field's limit in the problem and the text kept for the person to shorten.
 *
 * Clients differ: some let a person type only up to an input's `maxLength`, and a browser cuts a
 * pasted text at it without a word; others ignore it. A card's `maxLength` is therefore twice the
 * field's limit (`typingLimit`): a text a little too long reaches the server whole, is refused and
 * shown again, where the person sees what to shorten. Longer texts than that (a client that
 * ignores `maxLength`, or tampered data) cannot be shown again without risking a card Teams
 * refuses; such a field comes back empty and its problem says so (`tooLongLine`).
 */

/** How many characters a card lets a person type into a field whose limit is `max`. */
export function typingLimit(max: number): number {
  return max * 2;
}

/** Whether a typed value is too long to be shown again on its form. */
export function tooLongToShowAgain(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > typingLimit(max);
}

/**
 * A typed value as its form shows it again: the text as typed (a number as its digits), or empty
 * when there was none or it is too long to show again (`tooLongToShowAgain`). Plain text for an
 * input's value, not markdown.
 */
export function shownAgain(value: unknown, max: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || tooLongToShowAgain(value, max)) return '';
  return value;
}

/**
 * A field's "too long" problem line, and where its text was too long to be shown again, the
 * sentence that says so with how long it was: the field comes back empty then, and the person
 * must know why.
 */
export function tooLongLine(line: string, value: unknown, max: number, i18n: Translator): string {
  if (!tooLongToShowAgain(value, max)) return line;
  return `${line} ${i18n.t('typedInput.notShownAgain', { length: (value as string).length })}`;
}

/**
 * A whole number as a form's text input holds it: digits, in the range the field allows. Number
 * fields are text inputs, so that what a person typed ("zwanzig") reaches the server, which
 * refuses it on the form with the text kept, instead of a client dropping it unseen.
 */
export const WHOLE_NUMBER_PATTERN = '^\\s*\\d{1,4}\\s*$';
