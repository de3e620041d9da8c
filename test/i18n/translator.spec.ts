import assert from 'node:assert/strict';
import { catalogueKeys, resolveLocale, translator } from '../../src/i18n/translator';
import { formatDateTime, formatSessionRange } from '../../src/i18n/format-date';

describe('i18n', () => {
  it('has every key in both languages', () => {
    const german = catalogueKeys('de');
    const english = catalogueKeys('en');
    assert.deepEqual(
      german.filter((key) => !english.includes(key)),
      [],
      'keys missing in en.json',
    );
    assert.deepEqual(
      english.filter((key) => !german.includes(key)),
      [],
      'keys missing in de.json',
    );
  });

  it('has no empty message', () => {
    for (const locale of ['de', 'en'] as const) {
      const i18n = translator(locale);
      for (const key of catalogueKeys(locale)) assert.notEqual(i18n.t(key as never).trim(), '', `${locale}:${key}`);
    }
  });

  it('speaks German by default and English to en-* clients', () => {
    assert.equal(resolveLocale('en-US', 'de'), 'en');
    assert.equal(resolveLocale('en-GB', 'de'), 'en');
    assert.equal(resolveLocale('de-DE', 'en'), 'de');
    assert.equal(resolveLocale('fr-FR', 'de'), 'de');
    assert.equal(resolveLocale(undefined, 'de'), 'de');
  });

  it('fills placeholders', () => {
    assert.equal(translator('de').t('help.committee', { name: 'KOG' }), 'Gremium: KOG');
  });

  it('renders session times in the committee time zone and the reader language', () => {
    const start = '2027-03-12T13:00:00Z';
    const end = '2027-03-12T16:00:00Z';
    assert.equal(
      formatSessionRange(start, end, 'Europe/Berlin', translator('de')),
      'Freitag, 12. März 2027, 14:00–17:00 Uhr',
    );
    assert.equal(
      formatSessionRange(start, end, 'Europe/Berlin', translator('en')),
      'Friday, 12 March 2027, 14:00–17:00',
    );
  });

  it('follows daylight saving time', () => {
    assert.equal(
      formatDateTime('2027-07-01T12:00:00Z', 'Europe/Berlin', translator('de')),
      'Donnerstag, 1. Juli 2027, 14:00 Uhr',
    );
    assert.equal(
      formatDateTime('2027-01-01T12:00:00Z', 'Europe/Berlin', translator('de')),
      'Freitag, 1. Januar 2027, 13:00 Uhr',
    );
  });
});
