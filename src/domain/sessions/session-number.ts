/**
 * A session's number as people read and type it. Regular sessions are numbered `2027/1`,
 * `2027/2`, … in the order of the year's terms; extra sessions (Sondersitzungen) `2027/S1`,
 * `2027/S2`, … in the order they were added. The two series never meet, so an extra session
 * added before its year is planned cannot take the number planning gives a regular session.
 */
export interface SessionNumber {
  readonly year: number;
  readonly sequence: number;
  readonly extra: boolean;
}

const EXTRA_MARK = 'S';

/** `2027/1` or `2027/S1`. */
export function formatSessionNumber(number: SessionNumber): string {
  return `${number.year}/${number.extra ? EXTRA_MARK : ''}${number.sequence}`;
}

/**
 * A session typed as `2027/1` or `2027/S1` (spaces around the parts and a lower-case `s` are
 * forgiven); anything else is not a session number.
 */
export function parseSessionNumber(text: string): SessionNumber | undefined {
  const match = /^(\d{4})\s*\/\s*(s\s*)?(\d{1,2})$/i.exec(text.trim());
  if (!match) return undefined;
  const sequence = Number(match[3]);
  return sequence >= 1 ? { year: Number(match[1]), sequence, extra: match[2] !== undefined } : undefined;
}

/** The running numbers of the extra sessions of `year` among `numbers`. */
export function extraSequencesOf(numbers: readonly string[], year: number): number[] {
  return numbers
    .map(parseSessionNumber)
    .filter((number): number is SessionNumber => number?.extra === true && number.year === year)
    .map((number) => number.sequence);
}
