import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  dateAndTimeInputs,
  formatDate,
  formatDateTime,
  formatDay,
  formatDeadline,
  formatDueDate,
  formatLocalDate,
  formatSessionRange,
  formatTimestamp,
} from '../../src/i18n/format-date';
import { catalogueKeys, LOCALES, translator, type MessageKey } from '../../src/i18n/translator';

const BERLIN = 'Europe/Berlin';
const de = translator('de');
const en = translator('en');

describe('i18n: one way to write each date and deadline', () => {
  describe('formatDeadline', () => {
    it('writes a deadline stored as the midnight that ends its day as that day, 24:00', () => {
      // The topic deadline of session 2027/1: the end of Thursday 21 January 2027 in Berlin.
      assert.equal(formatDeadline('2027-01-21T23:00:00.000Z', BERLIN, de), 'Donnerstag, 21. Januar 2027, 24:00 Uhr');
      assert.equal(formatDeadline('2027-01-21T23:00:00.000Z', BERLIN, en), 'Thursday, 21 January 2027, end of day');
      assert.equal(formatDeadline('2027-01-22T00:00:00.000Z', 'UTC', de), 'Donnerstag, 21. Januar 2027, 24:00 Uhr');
    });

    it('counts the day in the committee’s calendar across a daylight-saving change', () => {
      // Clocks go forward in the night to Sunday 28 March 2027: that day has 23 hours.
      assert.equal(formatDeadline('2027-03-28T22:00:00.000Z', BERLIN, de), 'Sonntag, 28. März 2027, 24:00 Uhr');
      assert.equal(formatDeadline('2027-03-27T23:00:00.000Z', BERLIN, de), 'Samstag, 27. März 2027, 24:00 Uhr');
      // Clocks go back in the night to Sunday 31 October 2027: that day has 25 hours.
      assert.equal(formatDeadline('2027-10-31T23:00:00.000Z', BERLIN, en), 'Sunday, 31 October 2027, end of day');
      assert.equal(formatDeadline('2027-10-30T22:00:00.000Z', BERLIN, en), 'Saturday, 30 October 2027, end of day');
    });

    it('writes any other deadline as its moment, and a moment just before midnight as it is', () => {
      assert.equal(formatDeadline('2027-01-28T08:00:00.000Z', BERLIN, de), 'Donnerstag, 28. Januar 2027, 09:00 Uhr');
      assert.equal(formatDeadline('2027-01-28T08:00:00.000Z', BERLIN, en), 'Thursday, 28 January 2027, 09:00');
      assert.equal(formatDeadline('2027-01-21T22:59:00.000Z', BERLIN, de), 'Donnerstag, 21. Januar 2027, 23:59 Uhr');
      assert.equal(formatDeadline('2027-01-21T23:00:01.000Z', BERLIN, de), 'Freitag, 22. Januar 2027, 00:00 Uhr');
    });

    it('writes a due date kept as a calendar day exactly as the deadline at the end of that day', () => {
      assert.equal(formatDueDate('2027-01-21', de), formatDeadline('2027-01-21T23:00:00.000Z', BERLIN, de));
      assert.equal(formatDueDate('2027-03-28', en), formatDeadline('2027-03-28T22:00:00.000Z', BERLIN, en));
      assert.equal(formatDueDate('2027-06-30', de), 'Mittwoch, 30. Juni 2027, 24:00 Uhr');
    });
  });

  it('writes the other kinds one way each, in the reader’s language and the committee’s time zone', () => {
    const at = '2027-03-12T13:00:00.000Z';
    assert.equal(formatDateTime(at, BERLIN, de), 'Freitag, 12. März 2027, 14:00 Uhr');
    assert.equal(formatDateTime(at, BERLIN, en), 'Friday, 12 March 2027, 14:00');
    assert.equal(formatDate(at, BERLIN, de), 'Freitag, 12. März 2027');
    assert.equal(formatDay(at, BERLIN, de), '12.03.2027');
    assert.equal(formatDay(at, BERLIN, en), '12 March 2027');
    assert.equal(formatLocalDate('2027-05-20', de), '20.05.2027');
    assert.equal(formatLocalDate('2027-05-20', en), '20 May 2027');
    assert.equal(formatTimestamp('2027-03-12T13:00:05.000Z', BERLIN, de), '12.03.2027, 14:00:05 Uhr');
    assert.equal(formatTimestamp('2027-03-12T13:00:05.000Z', BERLIN, en), '12 March 2027, 14:00:05');
    assert.equal(
      formatSessionRange(at, '2027-03-12T16:00:00.000Z', BERLIN, de),
      'Freitag, 12. März 2027, 14:00–17:00 Uhr',
    );
    assert.deepEqual(dateAndTimeInputs(at, BERLIN), { date: '2027-03-12', time: '14:00' });
  });

  describe('the locale files', () => {
    /** What only the formatter may write: date patterns, and the words for a day's last moment. */
    const DATE_PATTERN = /yyyy|LLLL|cccc|MMM|dd\.MM|HH:mm|24:00|end of day|Ende des Tages|Mitternacht|midnight/;

    it('name date patterns and the end of a day only under "dates", where the formatter reads them', () => {
      const elsewhere = LOCALES.flatMap((locale) =>
        catalogueKeys(locale)
          .filter((key) => !key.startsWith('dates.'))
          .map((key) => [key, translator(locale).t(key as MessageKey)] as const)
          .filter(([, text]) => DATE_PATTERN.test(text))
          .map(([key, text]) => `${locale}:${key}: ${text}`),
      );
      assert.deepEqual(elsewhere, []);
    });

    it('hold every kind of date the formatter writes, in both languages', () => {
      for (const locale of LOCALES) {
        const keys = catalogueKeys(locale).filter((key) => key.startsWith('dates.'));
        assert.deepEqual(
          keys,
          [
            'dates.date',
            'dates.dateTime',
            'dates.day',
            'dates.endOfDay',
            'dates.sessionRange',
            'dates.time',
            'dates.timeSpan',
            'dates.timestamp',
          ],
          locale,
        );
      }
    });
  });

  describe('the sources', () => {
    const ROOT = path.resolve(__dirname, '../../src');
    const FORMATTER = path.join(ROOT, 'i18n', 'format-date.ts');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
      });

    it('write no date but through the formatter: no card or route reads luxon, nothing formats a date itself', () => {
      const shown = ['cards', 'bot', 'app', 'server'].flatMap((layer) => files(path.join(ROOT, layer)));
      const offenders = shown.flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const rel = path.relative(ROOT, file);
        const found: string[] = [];
        if (
          /\.toFormat\(|\.toLocaleString\(|\.toLocaleDateString\(|\.toLocaleTimeString\(|Intl\.DateTimeFormat/.test(
            text,
          )
        )
          found.push(`${rel}: formats a date itself`);
        if (/(cards|bot)\//.test(rel) && /from 'luxon'/.test(text)) found.push(`${rel}: reads luxon`);
        return found;
      });
      assert.deepEqual(offenders, []);
      assert.ok(
        readFileSync(FORMATTER, 'utf8').includes('toFormat('),
        'the formatter itself is where dates are written',
      );
    });
  });
});
