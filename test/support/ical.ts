import ICAL from 'ical.js';

/** One content line of an iCalendar file: `NAME;PARAM=…:value`, after unfolding. */
export interface ContentLine {
  readonly name: string;
  readonly params: string;
  readonly value: string;
}

/**
 * Reads iCalendar text the way a calendar app does (RFC 5545 §3.1): CRLF line ends, folded lines
 * (CRLF followed by a space or tab) joined again. Fails on a bare LF, so a writer that breaks the
 * line format is caught here rather than in someone's calendar.
 */
export function parseICalendar(text: string): ContentLine[] {
  if (/(?<!\r)\n/.test(text)) throw new Error('iCalendar lines must end with CRLF');
  if (!text.endsWith('\r\n')) throw new Error('iCalendar text must end with CRLF');
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      let quoted = false;
      let colon = -1;
      for (let index = 0; index < line.length && colon < 0; index += 1) {
        if (line[index] === '"') quoted = !quoted;
        else if (line[index] === ':' && !quoted) colon = index;
      }
      if (colon < 0) throw new Error(`Content line without a value: ${line}`);
      const head = line.slice(0, colon);
      const semicolon = head.indexOf(';');
      return {
        name: semicolon < 0 ? head : head.slice(0, semicolon),
        params: semicolon < 0 ? '' : head.slice(semicolon + 1),
        value: line.slice(colon + 1),
      };
    });
}

/** The value of the one line named `name` inside the VEVENT; fails when there is none or several. */
export function eventProperty(lines: readonly ContentLine[], name: string): string {
  const begin = lines.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT');
  const end = lines.findIndex((line) => line.name === 'END' && line.value === 'VEVENT');
  const found = lines.slice(begin + 1, end).filter((line) => line.name === name);
  if (found.length !== 1) throw new Error(`Expected one ${name} in the VEVENT, found ${found.length}`);
  return found[0]!.value;
}

/** The value of the one line named `name` outside the VEVENT (METHOD, PRODID, …). */
export function calendarProperty(lines: readonly ContentLine[], name: string): string {
  const begin = lines.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT');
  const end = lines.findIndex((line) => line.name === 'END' && line.value === 'VEVENT');
  const found = [...lines.slice(0, begin), ...lines.slice(end + 1)].filter((line) => line.name === name);
  if (found.length !== 1) throw new Error(`Expected one ${name} in the VCALENDAR, found ${found.length}`);
  return found[0]!.value;
}

/** A TEXT value as an app shows it: `\n` a line break, `\,` `\;` `\\` the characters themselves. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_match, character: string) =>
    character === 'n' || character === 'N' ? '\n' : character,
  );
}

/** One component as an independent parser reads it: its properties' names and text values, and what it contains. */
export interface ParsedComponent {
  readonly name: string;
  /** Property names in file order, lower case as ical.js gives them. */
  readonly propertyNames: readonly string[];
  /** Each property's first value as text (dates in ical.js' ISO form). */
  readonly values: Readonly<Record<string, string>>;
  readonly components: readonly ParsedComponent[];
}

/**
 * Reads iCalendar text with ical.js, a parser independent of both the writer and the reader
 * above, the way a calendar app's library would: unfolding, unescaping and splitting lines by
 * itself. A test that only used our own reader could share its blind spots with the writer.
 */
export function parseWithIcalJs(text: string): ParsedComponent {
  const read = (component: ICAL.Component): ParsedComponent => {
    const properties = component.getAllProperties();
    return {
      name: component.name,
      propertyNames: properties.map((property) => property.name),
      values: Object.fromEntries(properties.map((property) => [property.name, String(property.getFirstValue())])),
      components: component.getAllSubcomponents().map(read),
    };
  };
  const parsed = ICAL.parse(text) as unknown[];
  if (Array.isArray(parsed[0])) throw new Error(`Expected one VCALENDAR, found ${parsed.length}`);
  return read(new ICAL.Component(parsed as ConstructorParameters<typeof ICAL.Component>[0]));
}
