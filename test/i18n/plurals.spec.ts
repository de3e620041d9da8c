import assert from 'node:assert/strict';
import { catalogueKeys, translator, type MessageKey } from '../../src/i18n/translator';
import { LOCALES } from '../../src/i18n/translator';

/** The raw message of a key: the translator returns it unchanged when given no parameters. */
function message(locale: (typeof LOCALES)[number], key: string): string {
  return translator(locale).t(key as MessageKey);
}

/** The names a message chooses its words by: `{count, plural, …}`. */
function pluralParameters(text: string): string[] {
  return [...text.matchAll(/\{(\w+), plural,/g)].map((match) => match[1]!);
}

/**
 * Placeholders that are counts of something, followed directly by the noun they count: these
 * must choose singular and plural ("1 Vereinbarung", "2 Vereinbarungen"). A limit or a value
 * that is never 1, and a count before a word that does not change ("3 offen", "… und 1 weitere",
 * "5 Min."), may stand as it is.
 */
const COUNT_NAMES =
  /\{(count|created|recipients|attendees|agreements|seats|total|invited|objected|days|hours|minutes)\} \p{L}/u;
const STANDS_AS_IT_IS: ReadonlySet<string> = new Set([
  'agenda.minutes', // an abbreviation: "1 Min.", "5 Min."
  'agenda.hours',
  'agenda.hoursMinutes',
  'topics.desiredMinutes',
  'submission.receipt.minutes',
  'delivery.moreFailures', // "… und 1 weitere", "… and 1 more"
  'roster.more',
  'actions.agenda.more',
  'statusReport.more',
  'rsvps.remind', // "Erinnern (1 ohne Antwort)"
  'agendaCard.total', // a duration, formatted before
]);

describe('i18n: plural forms', () => {
  it('chooses the words by the language’s plural rules, with # for the number', () => {
    const german = translator('de');
    const english = translator('en');
    assert.equal(german.t('actions.list.summary', { count: 1 }), '1 Aufgabe');
    assert.equal(german.t('actions.list.summary', { count: 2 }), '2 Aufgaben');
    assert.equal(german.t('actions.list.summary', { count: 0 }), '0 Aufgaben');
    assert.equal(english.t('actions.list.summary', { count: 1 }), '1 action item');
    assert.equal(english.t('actions.list.summary', { count: 0 }), '0 action items');
    assert.equal(
      german.t('callResult.people', { number: '2027/1', count: 1, deadline: 'Freitag' }),
      'Sitzung 2027/1: an 1 Mitglied der Arbeitsgruppe einzeln; für die Arbeitsgruppe ist kein Kanal und kein ' +
        'Gruppenchat eingerichtet („einrichten“). Anmeldeschluss: Freitag. Den Stand sehen Sie mit „zustellung“.',
    );
    assert.equal(
      english.t('minutesResult.approvedToPeople', { agreements: 1 }),
      'The results to the working group are queued for sending 1:1; 1 agreement is now an action item. ' +
        '"delivery" shows how far it got.',
    );
  });

  it('fills placeholders inside a chosen branch and reads a count written as text', () => {
    const german = translator('de');
    assert.equal(
      german.t('minutesResult.circulatedText', { recipients: 3, attendees: 1, deadline: 'Montag' }),
      'An 3 Personen, davon 1 teilnehmende Person, die bis Montag Einwand erheben kann. ' +
        'Den Stand sehen Sie mit „zustellung“.',
    );
    assert.equal(german.t('committee.sessionLengthValue', { hours: '1' }), '1 Stunde');
    assert.equal(german.t('committee.sessionLengthValue', { hours: '1,5' }), '1,5 Stunden');
  });

  it('leaves no count before a noun without its plural choice', () => {
    const bare = LOCALES.flatMap((locale) =>
      catalogueKeys(locale)
        .filter((key) => !STANDS_AS_IT_IS.has(key) && COUNT_NAMES.test(message(locale, key)))
        .map((key) => `${locale}:${key}: ${message(locale, key)}`),
    );
    assert.deepEqual(bare, []);
  });

  for (const locale of LOCALES) {
    it(`renders every message that takes a count with 0, 1 and 2 in ${locale}`, () => {
      const keys = catalogueKeys(locale).filter((key) => pluralParameters(message(locale, key)).length > 0);
      assert.ok(keys.length >= 30, `${keys.length} messages take a count`);
      const i18n = translator(locale);
      for (const key of keys) {
        const names = pluralParameters(message(locale, key));
        const others = [...message(locale, key).matchAll(/\{(\w+)\}/g)].map((match) => [match[1]!, 'Wert']);
        const render = (count: number) =>
          i18n.t(key as MessageKey, {
            ...Object.fromEntries(others),
            ...Object.fromEntries(names.map((name) => [name, count])),
          });
        const [zero, one, two] = [render(0), render(1), render(2)];
        for (const [count, text] of [
          [0, zero],
          [1, one],
          [2, two],
        ] as const) {
          assert.doesNotMatch(text, /plural|#|\{|\}/, `${locale}:${key} with ${count}: ${text}`);
          // The singular may say it in words („Die eingeladene Person erhält …“).
          if (count !== 1)
            assert.match(text, new RegExp(`\\b${count}\\b`), `${locale}:${key} with ${count} shows it: ${text}`);
        }
        assert.notEqual(one.replaceAll('1', '2'), two, `${locale}:${key}: 1 and 2 read alike: ${one}`);
      }
    });
  }
});
