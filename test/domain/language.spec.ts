import assert from 'node:assert/strict';
import { isLanguage, LANGUAGES, languageNamed, languageOfLocale } from '../../src/domain/language';

describe('domain/language', () => {
  it('speaks German first, and English', () => {
    assert.deepEqual([...LANGUAGES], ['de', 'en']);
    assert.equal(isLanguage('de'), true);
    assert.equal(isLanguage('fr'), false);
    assert.equal(isLanguage(undefined), false);
  });

  it('knows each language by its German and English name and its code, however typed', () => {
    for (const word of ['deutsch', 'Deutsch', 'german', 'GERMAN', 'de', ' DE ', '„deutsch“', 'deutsch!'])
      assert.equal(languageNamed(word), 'de', word);
    for (const word of ['englisch', 'English', 'english', 'en', 'EN', '"english"', 'englisch.'])
      assert.equal(languageNamed(word), 'en', word);
  });

  it('knows no other word as a language', () => {
    for (const word of ['', ' ', 'französisch', 'french', 'fr', 'deutsch englisch', 'de-DE', 'deutschland', 'eng'])
      assert.equal(languageNamed(word), undefined, word);
  });

  it("reads a client's locale tag as its language, and no other", () => {
    assert.equal(languageOfLocale('en-US'), 'en');
    assert.equal(languageOfLocale('de_AT'), 'de');
    assert.equal(languageOfLocale('EN'), 'en');
    assert.equal(languageOfLocale('fr-FR'), undefined);
    assert.equal(languageOfLocale(undefined), undefined);
  });
});
