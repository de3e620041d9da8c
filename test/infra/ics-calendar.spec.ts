import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CalendarEvent } from '../../src/app/ports/calendar';
import { GREMIUM_PRODUCT_ID, IcsCalendarWriter } from '../../src/infra/ics-calendar';
import { calendarProperty, eventProperty, parseICalendar, parseWithIcalJs, unescapeText } from '../support/ical';

/** Pieces of text that try to end a content line and start another, or to break a parameter. */
const LINE_BREAKERS = [
  '\r',
  '\n',
  '\r\n',
  '\n\r',
  '\r ',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\t',
  '\u0000',
  '\u001b',
  '\u007f',
  '"',
  ';',
  ':',
  ',',
  '\\',
  '\\n',
];
const INJECTED_PROPERTIES = [
  'ATTENDEE:mailto:jemand@example.org',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'END:VCALENDAR',
  'BEGIN:VALARM',
  'X-INJECTED:1',
  'UID:other@example.org',
  'RRULE:FREQ=DAILY',
];
/** Any text a field could hold, with line breakers and would-be properties mixed in. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LINE_BREAKERS),
      fc.constantFrom(...INJECTED_PROPERTIES),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

/** What a calendar app shows of a text the writer was given: line breaks as line feeds, tabs as spaces, no other control character. */
function shownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
}

const EVENT: CalendarEvent = {
  uid: 'session-2027-1.tenant-0a1b2c3d@gremium',
  sequence: 3,
  stampedAt: '2026-11-21T10:00:00.000Z',
  title: 'KOG – Sitzung 2027/1',
  description: 'Vorsitz: Oberbürgermeister der Stadt Leipzig',
  startsAt: '2027-03-11T13:00:00.000Z',
  endsAt: '2027-03-11T16:00:00.000Z',
  location: 'Neues Rathaus',
  url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
  cancelled: false,
};

describe('infra/ics-calendar', () => {
  const writer = new IcsCalendarWriter();
  const write = (overrides: Partial<CalendarEvent> = {}) => parseICalendar(writer.write({ ...EVENT, ...overrides }));

  it('publishes a confirmed event with the stable UID and the revision as SEQUENCE', () => {
    const lines = write();
    assert.equal(calendarProperty(lines, 'VERSION'), '2.0');
    assert.equal(calendarProperty(lines, 'PRODID'), GREMIUM_PRODUCT_ID);
    assert.equal(calendarProperty(lines, 'METHOD'), 'PUBLISH');
    assert.equal(eventProperty(lines, 'UID'), EVENT.uid);
    assert.equal(eventProperty(lines, 'SEQUENCE'), '3');
    assert.equal(eventProperty(lines, 'STATUS'), 'CONFIRMED');
    assert.equal(eventProperty(lines, 'DTSTAMP'), '20261121T100000Z');
    assert.equal(eventProperty(lines, 'DTSTART'), '20270311T130000Z');
    assert.equal(eventProperty(lines, 'DTEND'), '20270311T160000Z');
    assert.equal(unescapeText(eventProperty(lines, 'SUMMARY')), 'KOG – Sitzung 2027/1');
    assert.equal(unescapeText(eventProperty(lines, 'DESCRIPTION')), EVENT.description);
    assert.equal(eventProperty(lines, 'URL'), EVENT.url);
    assert.deepEqual(
      lines.filter((line) => line.name === 'BEGIN' || line.name === 'END').map((line) => `${line.name}:${line.value}`),
      ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR'],
    );
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED under the same UID, with a higher SEQUENCE', () => {
    const lines = write({ cancelled: true, sequence: 4 });
    assert.equal(calendarProperty(lines, 'METHOD'), 'CANCEL');
    assert.equal(eventProperty(lines, 'STATUS'), 'CANCELLED');
    assert.equal(eventProperty(lines, 'UID'), EVENT.uid);
    assert.equal(eventProperty(lines, 'SEQUENCE'), '4');
  });

  it('writes the UTC instants across both daylight-saving changes, whatever zone the process runs in', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // 01:30 CET to 04:30 CEST: Berlin moves its clocks from 02:00 to 03:00 on 28 March 2027.
      const spring = write({ startsAt: '2027-03-28T00:30:00Z', endsAt: '2027-03-28T02:30:00Z' });
      assert.equal(eventProperty(spring, 'DTSTART'), '20270328T003000Z');
      assert.equal(eventProperty(spring, 'DTEND'), '20270328T023000Z');
      // 14:00 CEST on 28 October, 14:00 CET on 4 November: the same wall time, an hour apart in UTC.
      assert.equal(
        eventProperty(write({ startsAt: '2027-10-28T14:00:00+02:00', endsAt: '2027-10-28T17:00:00+02:00' }), 'DTSTART'),
        '20271028T120000Z',
      );
      assert.equal(
        eventProperty(write({ startsAt: '2027-11-04T14:00:00+01:00', endsAt: '2027-11-04T17:00:00+01:00' }), 'DTSTART'),
        '20271104T130000Z',
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    const place = 'Neues Rathaus, Raum 259; 2. OG\nMartin-Luther-Ring 4 \\ Eingang B';
    const lines = write({
      location: place,
      title: 'KOG, Sitzung; 2027/1',
      description: 'Erste Zeile\nZweite, dritte; vierte',
    });
    assert.equal(
      eventProperty(lines, 'LOCATION'),
      'Neues Rathaus\\, Raum 259\\; 2. OG\\nMartin-Luther-Ring 4 \\\\ Eingang B',
    );
    assert.equal(unescapeText(eventProperty(lines, 'LOCATION')), place);
    assert.equal(unescapeText(eventProperty(lines, 'SUMMARY')), 'KOG, Sitzung; 2027/1');
    assert.equal(unescapeText(eventProperty(lines, 'DESCRIPTION')), 'Erste Zeile\nZweite, dritte; vierte');
  });

  it('folds long lines so that they unfold to the original text', () => {
    const description = `Vorsitz: Oberbürgermeister der Stadt Leipzig\nOnline-Teilnahme: ${EVENT.url}`;
    const text = writer.write({ ...EVENT, description });
    assert.ok(
      text.split('\r\n').every((line) => [...line].length <= 75),
      'a line is longer than 75 characters',
    );
    assert.equal(unescapeText(eventProperty(parseICalendar(text), 'DESCRIPTION')), description);
  });

  it('leaves out what the event does not have, and names an organizer only with an address', () => {
    const bare = write({ description: undefined, location: undefined, url: undefined });
    for (const name of ['DESCRIPTION', 'LOCATION', 'URL', 'ORGANIZER'])
      assert.ok(!bare.some((line) => line.name === name), name);
    const organized = write({ organizer: { name: 'Geschäftsstelle KOG', email: 'kog@leipzig.de' } });
    assert.match(eventProperty(organized, 'ORGANIZER'), /^mailto:kog@leipzig\.de$/i);
    assert.match(organized.find((line) => line.name === 'ORGANIZER')!.params, /CN="Geschäftsstelle KOG"/);
  });

  it('writes the same version of an event as the same file', () => {
    assert.equal(writer.write(EVENT), writer.write({ ...EVENT }));
  });

  it('fails with a message naming the event when the event cannot be written', () => {
    assert.throws(
      () => writer.write({ ...EVENT, url: 'keine Adresse' }),
      /Could not write calendar event session-2027-1\.tenant-0a1b2c3d@gremium: url must match/,
    );
    assert.throws(
      () => writer.write({ ...EVENT, startsAt: 'morgen' }),
      /session-2027-1\.tenant-0a1b2c3d@gremium has an invalid startsAt: "morgen"/,
    );
    assert.throws(() => writer.write({ ...EVENT, endsAt: EVENT.startsAt }), /ends before it starts/);
  });

  it('writes exactly its own properties in one event, whatever text a field holds (ical.js reads it back)', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        hostileText,
        hostileText,
        hostileText,
        fc.boolean(),
        (title, description, location, urlPath, organizer, cancelled) => {
          const event: CalendarEvent = {
            ...EVENT,
            title,
            description,
            location,
            url: `https://meet.example.org/${urlPath}`,
            organizer: { name: organizer, email: 'kog@leipzig.de' },
            cancelled,
          };
          const text = writer.write(event);
          assert.doesNotMatch(text, /\r(?!\n)|(?<!\r)\n/, 'every line ends with CRLF and nowhere else');
          // Unfolded (a line break followed by a space or tab continues the line), no line holds a control character or separator.
          assert.doesNotMatch(
            text.replace(/\r\n[ \t]/g, '').replace(/\r\n/g, ''),
            /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/,
            'no control character or separator inside a line',
          );

          const calendar = parseWithIcalJs(text);
          assert.equal(calendar.name, 'vcalendar');
          assert.deepEqual([...calendar.propertyNames].sort(), [
            'calscale',
            'method',
            'prodid',
            'version',
            'x-published-ttl',
          ]);
          assert.deepEqual(
            calendar.components.map((component) => component.name),
            ['vevent'],
            'exactly one VEVENT and nothing else',
          );
          const [vevent] = calendar.components;
          // `ics` leaves out a text that is empty once cleaned.
          const texts = { summary: title, description, location };
          const written = Object.entries(texts)
            .filter(([, value]) => shownText(value) !== '')
            .map(([name]) => name);
          assert.deepEqual(
            [...vevent!.propertyNames].sort(),
            ['dtend', 'dtstamp', 'dtstart', 'organizer', 'sequence', 'status', 'uid', 'url', ...written].sort(),
          );
          assert.deepEqual(vevent!.components, []);
          assert.equal(vevent!.values.uid, EVENT.uid);
          assert.equal(vevent!.values.status, cancelled ? 'CANCELLED' : 'CONFIRMED');
          for (const [name, value] of Object.entries(texts))
            assert.equal(vevent!.values[name] ?? '', shownText(value), name);
          assert.equal(vevent!.values.organizer?.toLowerCase(), 'mailto:kog@leipzig.de');
        },
      ),
      { seed: 20270211, numRuns: 500 },
    );
  });

  describe('a subscribed calendar (writeFeed)', () => {
    const second: CalendarEvent = {
      ...EVENT,
      uid: 'session-2027-2.tenant-0a1b2c3d@gremium',
      startsAt: '2027-06-10T12:00:00.000Z',
      endsAt: '2027-06-10T15:00:00.000Z',
      cancelled: true,
      modifiedAt: '2026-12-01T08:00:00.000Z',
    };

    it('publishes every event in one calendar, a cancelled one as cancelled, with its name and hourly polling', () => {
      const text = writer.writeFeed('Gremium – Sitzungen', [EVENT, second]);
      const calendar = parseWithIcalJs(text);
      assert.equal(calendar.values.method, 'PUBLISH');
      assert.equal(calendar.values['x-wr-calname'], 'Gremium – Sitzungen');
      assert.equal(calendar.values['refresh-interval'], 'PT1H');
      assert.equal(calendar.values['x-published-ttl'], 'PT1H');
      const lines = parseICalendar(text);
      const refresh = lines.findIndex((line) => line.name === 'REFRESH-INTERVAL');
      assert.equal(lines[refresh]!.params, 'VALUE=DURATION');
      assert.ok(refresh < lines.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT'), 'in the header');
      const [first, cancelled] = calendar.components;
      assert.deepEqual(
        calendar.components.map((component) => component.values.uid),
        [EVENT.uid, second.uid],
      );
      assert.equal(first!.values.status, 'CONFIRMED');
      assert.equal(first!.values['last-modified'], undefined, 'only when given');
      assert.equal(cancelled!.values.status, 'CANCELLED');
      assert.equal(cancelled!.values['last-modified'], '2026-12-01T08:00:00Z');
    });

    it('writes a calendar without events when there are none', () => {
      const calendar = parseWithIcalJs(writer.writeFeed('Gremium – Sitzungen', []));
      assert.deepEqual(calendar.components, []);
      assert.equal(calendar.values['refresh-interval'], 'PT1H');
    });

    it('keeps every event its own, whatever text the name and the events hold (ical.js reads it back)', () => {
      fc.assert(
        fc.property(hostileText, hostileText, hostileText, (name, title, description) => {
          const text = writer.writeFeed(name, [{ ...EVENT, title, description }, second]);
          assert.doesNotMatch(text, /\r(?!\n)|(?<!\r)\n/, 'every line ends with CRLF and nowhere else');
          const calendar = parseWithIcalJs(text);
          assert.deepEqual(
            calendar.components.map((component) => component.values.uid),
            [EVENT.uid, second.uid],
          );
          assert.equal(calendar.values['x-wr-calname'] ?? '', shownText(name).replace(/\n/g, ' '));
          assert.equal(calendar.components[0]!.values.description ?? '', shownText(description));
        }),
        { numRuns: 200 },
      );
    });
  });
});
