import assert from 'node:assert/strict';
import {
  chooseLanguage,
  languagePreferenceOf,
  LANGUAGE_PREFERENCE_TYPE,
} from '../../../src/app/preferences/language-preference';
import { seedLanguageChoices } from '../../../src/app/preferences/seed-language-choices';
import { committeeIdForTenant } from '../../../src/domain/ids';
import { useTempStore } from '../../support/temp-store';

const TENANT = '6e6d0000-0000-4000-8000-000000000001';
const KATRIN = { tenantId: TENANT, aadObjectId: '6e6d0000-0000-4000-8000-0000000000a1' };
const SABINE = { tenantId: TENANT, aadObjectId: '6e6d0000-0000-4000-8000-0000000000b1' };

describe('app/preferences/seed-language-choices', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  const seed = {
    tenantId: TENANT,
    choices: [KATRIN, SABINE].map((person) => ({ aadObjectId: person.aadObjectId, language: 'de' as const })),
  };

  it('stores the choices without a committee, and again changes nothing', async () => {
    assert.equal(await seedLanguageChoices(fixture.deps, seed), 2);
    assert.equal(await languagePreferenceOf(fixture.deps.store, KATRIN), 'de');
    assert.equal(await languagePreferenceOf(fixture.deps.store, SABINE), 'de');
    assert.equal(await seedLanguageChoices(fixture.deps, seed), 0);
    const stored = await fixture.deps.store.query(committeeIdForTenant(TENANT), { type: LANGUAGE_PREFERENCE_TYPE });
    assert.equal(stored.length, 2);
  });

  it('never overwrites what a person chose', async () => {
    await chooseLanguage(fixture.deps, SABINE, 'en');
    assert.equal(await seedLanguageChoices(fixture.deps, seed), 1);
    assert.equal(await languagePreferenceOf(fixture.deps.store, SABINE), 'en');
    assert.equal(await languagePreferenceOf(fixture.deps.store, KATRIN), 'de');
  });
});
