import assert from 'node:assert/strict';
import { renderSetupCard } from '../../src/cards/setup-card';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';
import { translator } from '../../src/i18n/translator';
import { sampleSetupView } from './card-fixtures';

/** The set-up card's input with this id. */
function input(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { id?: unknown }).id === id)
      found = value as Record<string, unknown>;
    return value;
  });
  return found;
}

describe('cards/setup-card: publishing the agenda at its lead time', () => {
  it('offers the setting as a toggle, on for a committee stored before it, with a hint in German and English', () => {
    const { autoPublishAgenda: _none, ...stored } = DEFAULT_COMMITTEE_SETTINGS;
    const card = renderSetupCard(sampleSetupView({ settings: stored }), translator('de'));
    assert.deepEqual(input(card, 'autoPublishAgenda'), {
      type: 'Input.Toggle',
      id: 'autoPublishAgenda',
      title: 'Tagesordnung zum Versandtermin automatisch veröffentlichen',
      value: 'true',
      valueOn: 'true',
      valueOff: 'false',
    });
    assert.match(JSON.stringify(card), /Zwei Tage vorher erfährt die Geschäftsstelle, was noch offen ist/);
    const english = renderSetupCard(sampleSetupView(), translator('en'));
    assert.equal(input(english, 'autoPublishAgenda')?.title, 'Publish the agenda automatically when it is due');
  });

  it('shows the stored choice, and a submitted one again when the card comes back with problems', () => {
    assert.equal(
      input(
        renderSetupCard(
          sampleSetupView({ settings: { ...DEFAULT_COMMITTEE_SETTINGS, autoPublishAgenda: false } }),
          translator('de'),
        ),
        'autoPublishAgenda',
      )?.value,
      'false',
    );
    const echoed = renderSetupCard(sampleSetupView(), translator('de'), { answers: { autoPublishAgenda: 'false' } });
    assert.equal(input(echoed, 'autoPublishAgenda')?.value, 'false');
    const tampered = renderSetupCard(sampleSetupView(), translator('de'), { answers: { autoPublishAgenda: { x: 1 } } });
    assert.equal(input(tampered, 'autoPublishAgenda')?.value, 'false');
  });
});

describe('cards/setup-card: publishing through the OParl interface', () => {
  it('offers the switch off for a committee stored before it, and says what becomes public, in German and English', () => {
    const { publishOparl: _none, ...stored } = DEFAULT_COMMITTEE_SETTINGS;
    const card = renderSetupCard(sampleSetupView({ settings: stored }), translator('de'));
    assert.deepEqual(input(card, 'publishOparl'), {
      type: 'Input.Toggle',
      id: 'publishOparl',
      title: 'Sitzungsdaten über die offene Schnittstelle OParl veröffentlichen',
      value: 'false',
      valueOn: 'true',
      valueOff: 'false',
    });
    const text = JSON.stringify(card);
    assert.match(text, /Ergebnisse und Vereinbarungen des Protokolls – nie Namen von Personen, die Aussprache/);
    assert.match(text, /CC BY 4\.0/);
    const english = JSON.stringify(renderSetupCard(sampleSetupView(), translator('en')));
    assert.match(english, /"title":"Publish session data through the open OParl interface"/);
    assert.match(english, /never names of people, the discussion, objections, replies or drafts/);
  });

  it('shows the stored choice, and a submitted one again when the card comes back with problems', () => {
    const on = { ...DEFAULT_COMMITTEE_SETTINGS, publishOparl: true };
    assert.equal(
      input(renderSetupCard(sampleSetupView({ settings: on }), translator('de')), 'publishOparl')?.value,
      'true',
    );
    const echoed = renderSetupCard(sampleSetupView(), translator('de'), { answers: { publishOparl: 'true' } });
    assert.equal(input(echoed, 'publishOparl')?.value, 'true');
    const tampered = renderSetupCard(sampleSetupView(), translator('de'), { answers: { publishOparl: ['true'] } });
    assert.equal(input(tampered, 'publishOparl')?.value, 'false');
  });
});

describe('cards/setup-card: the language of channels and group chats', () => {
  it('offers German and English, German for a committee stored before the setting, with what it governs', () => {
    const { language: _none, ...stored } = DEFAULT_COMMITTEE_SETTINGS;
    const card = renderSetupCard(sampleSetupView({ settings: stored }), translator('de'));
    assert.deepEqual(input(card, 'language'), {
      type: 'Input.ChoiceSet',
      id: 'language',
      label: 'Sprache in Kanälen und Gruppenchats',
      style: 'compact',
      value: 'de',
      choices: [
        { title: 'Deutsch', value: 'de' },
        { title: 'Englisch', value: 'en' },
      ],
    });
    assert.match(JSON.stringify(card), /gleich in welcher Sprache Teams bei der schreibenden Person läuft/);
    const english = renderSetupCard(
      sampleSetupView({ settings: { ...DEFAULT_COMMITTEE_SETTINGS, language: 'en' } }),
      translator('en'),
    );
    assert.equal(input(english, 'language')?.value, 'en');
    assert.equal(input(english, 'language')?.label, 'Language in channels and group chats');
    const echoed = renderSetupCard(sampleSetupView(), translator('de'), { answers: { language: 'en' } });
    assert.equal(input(echoed, 'language')?.value, 'en', 'a submitted choice comes back with the problems');
  });
});
