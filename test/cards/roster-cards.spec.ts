import assert from 'node:assert/strict';
import { personChoices, submittedFilter } from '../../src/cards/person-choices';
import { renderRosterCard } from '../../src/cards/roster-card';
import { renderRosterPersonCard, submittedActive, submittedRoles } from '../../src/cards/roster-person-card';
import { NO_DEPUTY, renderRosterSeatCard, submittedDeputy } from '../../src/cards/roster-seat-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleLargeRosterView, sampleRosterView } from './card-fixtures';

const de = translator('de');

describe('cards/roster cards', () => {
  it('shows each seat with member and deputy, marks inactive people, and lists the other roles', () => {
    // Markdown escapes are invisible to the reader; drop them to compare what they read.
    const text = cardText(renderRosterCard(sampleRosterView(), { canImport: false }, de)).replace(/\\/g, '');
    assert.match(text, /Jobcenter Leipzig/);
    assert.match(text, /Mitglied: Sabine Hoffmann \(inaktiv\) · Stellvertretung: Thomas Richter/);
    assert.match(text, /Geschäftsstelle\nKatrin Albers/);
    assert.match(text, /Ohne Rolle\nBirgit Lehmann/);
    assert.match(text, /Inaktiv\nSabine Hoffmann \(inaktiv\)/);
    assert.doesNotMatch(text, /Mitglieder aus diesem Chat übernehmen/);
    assert.match(
      cardText(renderRosterCard(sampleRosterView(), { canImport: true }, de)),
      /Mitglieder aus diesem Chat übernehmen/,
    );
  });

  it('says when and by whom the roster was last changed, never an internal revision number', () => {
    const view = sampleRosterView();
    const katrin = view.people.find((person) => person.displayName === 'Katrin Albers')!;
    const unchanged = cardText(renderRosterCard({ ...view, revision: 0 }, { canImport: false }, de));
    assert.doesNotMatch(unchanged, /Version|Stand|Zuletzt geändert|\b0\b/);
    const changed = cardText(
      renderRosterCard(
        { ...view, revision: 7, lastChange: { at: '2027-02-11T09:30:00.000Z', by: katrin.aadObjectId } },
        { canImport: false, timeZone: 'Europe/Berlin' },
        de,
      ),
    );
    assert.match(changed, /Zuletzt geändert: Donnerstag, 11\. Februar 2027, 10:30 Uhr von Katrin Albers/);
    assert.doesNotMatch(changed, /\b7\b/);
  });

  it('escapes markdown in institutions and names', () => {
    const view = sampleRosterView();
    const card = renderRosterCard(
      { ...view, seats: [{ ...view.seats[0]!, institution: '[Klick](https://example.org)' }] },
      { canImport: false },
      de,
    );
    assert.match(JSON.stringify(card), /\\\\\[Klick\\\\\]\\\\\(https:\/\/example\.org\\\\\)/);
  });

  it('counts the people a large team has beyond what the card lists', () => {
    const text = cardText(renderRosterCard(sampleLargeRosterView(), { canImport: true }, de));
    assert.match(text, /… und \d+ weitere/);
    assert.match(text, /Angezeigt werden 30 von 500 Personen/);
  });

  it('offers active people on the seat card, keeps the current holders, and finds others by name', () => {
    const view = sampleRosterView();
    const card = renderRosterSeatCard(view, view.seats[0], {}, de);
    const json = JSON.stringify(card);
    assert.match(json, /"value":"s"/, 'the inactive member stays choosable on their own seat');
    assert.match(json, /"title":"Sitz entfernen"/);
    const found = personChoices(view.people, { filter: 'birg', limit: 10, activeOnly: true }, de);
    assert.deepEqual(
      found.choices.map((choice) => choice.value),
      ['b'],
    );
    assert.doesNotMatch(JSON.stringify(renderRosterSeatCard(view, undefined, {}, de)), /Sitz entfernen/);
  });

  it('reads the submitted form values strictly', () => {
    assert.deepEqual(submittedRoles({ role_secretariat: 'true', role_chair: 'false', role_workingGroup: 'true' }), [
      'secretariat',
      'workingGroup',
    ]);
    assert.equal(submittedRoles({ role_secretariat: 'true', role_chair: 'false' }), undefined);
    assert.equal(
      submittedRoles({ role_secretariat: 'yes', role_chair: 'false', role_workingGroup: 'false' }),
      undefined,
    );
    assert.equal(submittedActive('true'), true);
    assert.equal(submittedActive(false), false);
    assert.equal(submittedActive('vielleicht'), 'vielleicht');
    assert.equal(submittedDeputy(NO_DEPUTY), '');
    assert.equal(submittedFilter(` ${'x'.repeat(500)}`).length, 100);
  });

  it("shows a person's seats, status and role toggles", () => {
    const view = sampleRosterView();
    const text = cardText(renderRosterPersonCard(view, view.people[2]!, 'Europe/Berlin', de)).replace(/\\/g, '');
    assert.match(text, /inaktiv: hat am Donnerstag, 1\. Oktober 2026 das Team oder den Chat verlassen/);
    assert.match(text, /Mitglied für Jobcenter Leipzig/);
    assert.match(text, /Wieder aktivieren/);
    const english = cardText(renderRosterPersonCard(view, view.people[1]!, 'Europe/Berlin', translator('en')));
    assert.match(english, /Secretariat/);
    assert.match(english, /Deactivate/);
  });
});
