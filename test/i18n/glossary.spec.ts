import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { englishBreaches, germanBreaches, type GlossaryBreach } from '../../src/i18n/glossary';
import de from '../../src/i18n/locales/de.json';
import en from '../../src/i18n/locales/en.json';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every string value of a JSON document, each with the path that leads to it. */
function stringsOf(node: unknown, prefix = ''): Array<readonly [string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (Array.isArray(node)) return node.flatMap((child, index) => stringsOf(child, `${prefix}[${index}]`));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) => stringsOf(child, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, ...parts), 'utf8')) as unknown;
}

/** The command lists' titles and descriptions of the Teams manifest (German) and its English file. */
function manifestTexts(): { german: Array<readonly [string, string]>; english: Array<readonly [string, string]> } {
  const manifest = readJson('appPackage', 'manifest.json') as { bots: Array<{ commandLists: unknown }> };
  const german = manifest.bots.flatMap((bot, index) => stringsOf(bot.commandLists, `bots[${index}].commandLists`));
  const localized = readJson('appPackage', 'en.json') as Record<string, unknown>;
  const english = Object.entries(localized)
    .filter(([key, value]) => key.startsWith('bots[') && typeof value === 'string')
    .map(([key, value]) => [key, value as string] as const);
  return { german, english };
}

/** Text written into the card templates themselves (most of their text comes from the locale files). */
function cardTemplateTexts(): Array<readonly [string, string]> {
  const directory = path.join(ROOT, 'adaptiveCards');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => stringsOf(readJson('adaptiveCards', file), file));
}

function report(breaches: Array<readonly [string, GlossaryBreach]>): string {
  return breaches.map(([where, breach]) => `${where}: „${breach.found}“ (${breach.thing})`).join('\n');
}

function germanFindings(texts: Array<readonly [string, string]>): Array<readonly [string, GlossaryBreach]> {
  return texts.flatMap(([where, text]) => germanBreaches(text).map((breach) => [where, breach] as const));
}

function englishFindings(texts: Array<readonly [string, string]>): Array<readonly [string, GlossaryBreach]> {
  return texts.flatMap(([where, text]) => englishBreaches(text).map((breach) => [where, breach] as const));
}

describe('glossary', () => {
  describe('finds the terms it forbids', () => {
    it('inside compounds', () => {
      assert.equal(germanBreaches('Die Tagesordnungsversion 2 ist raus.')[0]?.found, 'tagesordnungsversion');
      assert.equal(germanBreaches('Alle Empfängerinnen')[0]?.found, 'empfängerinnen');
      assert.equal(germanBreaches('Einspruchsfrist läuft')[0]?.found, 'einspruchsfrist');
      assert.equal(germanBreaches('Die Vorsitzende eröffnet')[0]?.found, 'vorsitzende');
    });

    it('but not in the words it prescribes', () => {
      assert.deepEqual(germanBreaches('Die Teilnehmenden erhalten die Fassung 2.'), []);
      assert.deepEqual(germanBreaches('Themenanmeldungen bis zum Anmeldeschluss; Themenanmeldung gespeichert.'), []);
      assert.deepEqual(germanBreaches('Die Empfangenden und die Sitzungsleitung'), []);
    });

    it('a reply to an invitation called „Anmeldung“', () => {
      assert.equal(germanBreaches('Ihre Anmeldung zur Sitzung')[0]?.found, 'anmeldung');
      assert.equal(germanBreaches('Teilnehmer')[0]?.found, 'teilnehmer');
    });

    it('but not a word in another sense: the sign-in to Teams, what the secretariat is responsible for', () => {
      assert.deepEqual(
        germanBreaches('Gremium erkennt Sie an Ihrer Anmeldung in Teams und an der Teams-Anmeldung.'),
        [],
      );
      assert.deepEqual(germanBreaches('Nur Anmeldungen über Entra ID.'), []);
      assert.deepEqual(germanBreaches('Dafür ist die Geschäftsstelle verantwortlich.'), []);
      assert.equal(germanBreaches('Ihre Anmeldung in Teams und Ihre Anmeldung zur Sitzung').length, 1);
      assert.equal(germanBreaches('Sie ist die Geschäftsstelle.').length, 1);
    });

    it('phrases: a calque for midnight, ISO dates in prose, „Sie sind die Geschäftsstelle“', () => {
      assert.equal(germanBreaches('bis Donnerstag, Ende des Tages')[0]?.found, 'Ende des Tages');
      assert.equal(germanBreaches('z. B. „sondersitzung 2027-05-20“')[0]?.found, '2027-05-20');
      assert.equal(germanBreaches('Sie sind jetzt die Geschäftsstelle.')[0]?.found, 'sind jetzt die Geschäftsstelle');
      assert.deepEqual(germanBreaches('bis Donnerstag, 21. Januar 2027, 24:00 Uhr'), []);
    });
  });

  it('is kept by every German message', () => {
    const findings = germanFindings(stringsOf(de));
    assert.equal(findings.length, 0, report(findings));
  });

  it('is kept by every English message', () => {
    const findings = englishFindings(stringsOf(en));
    assert.equal(findings.length, 0, report(findings));
  });

  it("is kept by the manifest's command lists in both languages", () => {
    const { german, english } = manifestTexts();
    assert.ok(german.length > 0 && english.length > 0, 'the manifest has command lists');
    const findings = [...germanFindings(german), ...englishFindings(english)];
    assert.equal(findings.length, 0, report(findings));
  });

  it('is kept by the text written into the card templates', () => {
    const findings = germanFindings(cardTemplateTexts());
    assert.equal(findings.length, 0, report(findings));
  });
});
