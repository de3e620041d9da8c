/**
 * Free text that people type reaches cards, PDFs, calendar files and logs. Every such field is
 * read by `checkText` against its row of TEXT_FIELDS, so that what is refused, and how long a
 * field may be, is decided in one place.
 *
 * A field is one line or several. One-line fields refuse every control character, tab and line
 * breaks included: nobody types one into a name or a place, and a carriage return in a place is
 * what would add properties to a calendar event. Multi-line fields keep line breaks (a Windows
 * `\r\n` becomes `\n`) and tabs, which pasted tables bring and which cards show as space and the
 * PDF prints as one; a lone carriage return and every other control character are refused there
 * too. Unicode's line and paragraph separators count as line breaks.
 */

/** How a field may be written: one line, or several. */
export interface TextFieldRule {
  readonly max: number;
  readonly lines: 'one' | 'many';
}

/**
 * Every free-text field a form or a chat line can store, with its limits. The limits keep cards
 * under Teams' message size; the card templates show them as `maxLength`.
 */
export const TEXT_FIELDS = {
  /** Set-up card. */
  committeeName: { max: 200, lines: 'one' },
  committeeShortName: { max: 30, lines: 'one' },
  timeZone: { max: 64, lines: 'one' },
  /** An institution: a seat's, a chair's (the set-up card's rotation, a session's chair), a submission's, an agreement's. */
  institution: { max: 150, lines: 'one' },
  /** Session edit form. */
  sessionPlace: { max: 200, lines: 'one' },
  onlineLink: { max: 500, lines: 'one' },
  /** The colleague named on an invitation ("name a colleague"), and who attended for a seat. */
  delegateName: { max: 120, lines: 'one' },
  attendeeName: { max: 120, lines: 'one' },
  /** The name of a person the secretariat adds to the roster without a Teams account. */
  personName: { max: 120, lines: 'one' },
  /** Topic submissions, by form or chat line. */
  topicTitle: { max: 200, lines: 'one' },
  topicDescription: { max: 4000, lines: 'many' },
  topicLink: { max: 500, lines: 'one' },
  /** Agenda items and the secretariat's decisions on submissions. */
  agendaTitle: { max: 200, lines: 'one' },
  presenter: { max: 150, lines: 'one' },
  declineReason: { max: 1000, lines: 'many' },
  /** Why the secretariat cancelled a session; the Outlook cancellation carries it. */
  cancellationReason: { max: 1000, lines: 'many' },
  /** Minutes items, their agreements, and the attendees' objections. */
  minutesSummary: { max: 4000, lines: 'many' },
  minutesResult: { max: 2000, lines: 'many' },
  agreementText: { max: 1000, lines: 'many' },
  objectionComment: { max: 1000, lines: 'many' },
  /** A note on an action item. */
  actionNote: { max: 1000, lines: 'many' },
  /** Temporary working groups. */
  workingGroupName: { max: 120, lines: 'one' },
  workingGroupMandate: { max: 2000, lines: 'many' },
  workingGroupMembers: { max: 1000, lines: 'many' },
} as const satisfies Readonly<Record<string, TextFieldRule>>;
export type TextField = keyof typeof TEXT_FIELDS;

/** Why a free-text field was refused. `markup` covers control characters too; its messages say so. */
export type TextProblemCode = 'invalid' | 'markup' | 'tooLong';

/** HTML tags and card template expressions: pasted markup, or an attempt to inject elements into cards others receive. */
const MARKUP = /<\/?[A-Za-z!?][^>]*>|\$\{/;
/** Any control character (C0, DEL, C1) and the Unicode line and paragraph separators. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** What a multi-line field refuses after its line breaks were normalised: all control characters but tab and line feed. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * Reads one optional free-text field of a form or chat line: trimmed, at most the field's
 * length, without control characters or markup. Absent or blank gives `undefined`; a refusal is
 * reported through `problem` with the field's limit, and gives `undefined` too.
 */
export function checkText(
  field: TextField,
  value: unknown,
  problem: (code: TextProblemCode, max: number) => void,
): string | undefined {
  const rule: TextFieldRule = TEXT_FIELDS[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problem('invalid', rule.max);
    return undefined;
  }
  const text =
    rule.lines === 'many'
      ? value
          .replace(/\r\n/g, '\n')
          .replace(/[\u2028\u2029]/g, '\n')
          .trim()
      : value.trim();
  if (text.length > rule.max) problem('tooLong', rule.max);
  else if ((rule.lines === 'many' ? CONTROL_BUT_LINES : ANY_CONTROL).test(text) || MARKUP.test(text))
    problem('markup', rule.max);
  else return text || undefined;
  return undefined;
}

/**
 * A name that Teams supplies (a display name from the member list or an activity, a team or
 * channel name): outside input like any typed text, but not the person's to correct, so it is
 * cleaned rather than refused. Control characters and line separators become spaces, runs of
 * space one space, and the result is trimmed and cut to `max` characters.
 */
export function plainName(value: string | undefined, max: number): string {
  return (value ?? '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}
