import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { type ActorIdentity } from '../../../src/app/identify-actor';
import { actorInTeam } from '../../support/actors';
import { openSetup } from '../../../src/app/open-setup';
import { saveSetup } from '../../../src/app/save-setup';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms, type CommitteeSettingsInput } from '../../../src/domain/committee';
import { useTempStore } from '../../support/temp-store';

const secretariat: ActorIdentity = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  displayName: 'Katrin Albers',
};
const d = DEFAULT_COMMITTEE_SETTINGS;
const answers: CommitteeSettingsInput = {
  name: d.name,
  shortName: 'KOG',
  timeZone: d.timeZone,
  terms: formatTerms(d.terms),
  sessionLengthMinutes: 180,
  firstChair: d.chairRotation.firstSessionOfYear,
  rotatingChairs: d.chairRotation.rotating.join('\n'),
  ...d.leadTimes,
};

describe('app/save-setup and open-setup: the publication switch', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let deps: AppDependencies;
  beforeEach(() => ({ deps } = fixture));

  it('stores the switch, shows it on the card again, and turns it off with a card that lacks it', async () => {
    const created = await saveSetup(deps, await actorInTeam(deps, secretariat), { revision: 0, answers });
    assert.ok(created.ok);
    assert.equal(created.value.publishOparl, false);

    const on = await saveSetup(deps, await actorInTeam(deps, secretariat), {
      revision: 1,
      answers: { ...answers, publishOparl: 'true' },
    });
    assert.ok(on.ok);
    assert.equal(on.value.publishOparl, true);
    const view = await openSetup(deps, await actorInTeam(deps, secretariat));
    assert.ok(view.ok);
    assert.equal(view.value.settings.publishOparl, true);

    const old = await saveSetup(deps, await actorInTeam(deps, secretariat), { revision: 2, answers });
    assert.ok(old.ok);
    assert.equal(old.value.publishOparl, false);
  });
});
