import assert from 'node:assert/strict';
import { actorInConversation } from '../../../src/app/committees/identify-committee';
import { upgradeLegacyCommittees } from '../../../src/app/committees/upgrade-legacy-committee';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument } from '../../../src/app/documents';
import { openSetup } from '../../../src/app/open-setup';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { saveSetup } from '../../../src/app/save-setup';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { ManualClock } from '../../support/manual-clock';

const TENANT = '33333333-0000-4000-8000-000000000003';
const LEGACY = tenantDirectoryId(TENANT);
const TEAMS = [
  { id: '19:team-a@thread.tacv2', name: 'Lenkungsgruppe KIM' },
  { id: '19:team-b@thread.tacv2', name: 'Kantine' },
];
const katrin = { tenantId: TENANT, aadObjectId: 'aaaaaaaa-3333-4000-8000-000000000001', displayName: 'Katrin' };
const bob = { tenantId: TENANT, aadObjectId: 'bbbbbbbb-3333-4000-8000-000000000002', displayName: 'Bob' };
const inTeam = (team: (typeof TEAMS)[number]) =>
  ({ kind: 'channel', conversationId: team.id, teamId: team.id, title: team.name }) as const;

for (const engine of ENGINES) {
  describe(`app/committees: a committee of before homes that its conversations leave without one, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let deps: AppDependencies;

    /** As the release left it: one committee under the tenant's id, installed in two teams, no working group channel. */
    beforeEach(async () => {
      opened = await engine.open();
      deps = { store: opened.store, clock: new ManualClock('2026-12-01T10:00:00Z') };
      const d = DEFAULT_COMMITTEE_SETTINGS;
      await opened.store.create<CommitteeDocument>({
        ...d,
        id: COMMITTEE_DOCUMENT_ID,
        committeeId: LEGACY,
        type: 'committee',
        tenantId: TENANT,
        shortName: 'KIM',
        revision: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: katrin.aadObjectId,
        updatedAt: '2026-01-01T00:00:00.000Z',
        updatedBy: katrin.aadObjectId,
      });
      await opened.store.create<PersonDocument>({
        id: personDocumentId(katrin.aadObjectId),
        committeeId: LEGACY,
        type: 'person',
        aadObjectId: katrin.aadObjectId,
        displayName: 'Katrin',
        roles: ['secretariat'],
        active: true,
      });
      for (const team of TEAMS)
        await rememberConversation(deps, {
          address: {
            serviceUrl: 'https://smba.example/',
            channelId: 'msteams',
            conversationId: team.id,
            conversationType: 'channel',
            tenantId: TENANT,
            botId: '28:bot',
          },
          title: team.name,
          teamId: team.id,
          teamName: team.name,
        });
    });
    afterEach(async () => opened.close());

    it('stays without a home at start, and gets the team its secretariat saves its set-up in', async () => {
      assert.deepEqual(await upgradeLegacyCommittees(deps), { tenants: [TENANT], homeless: [TENANT] });
      // Others in either team meet no committee there.
      assert.equal((await actorInConversation(deps, bob, inTeam(TEAMS[0]!))).place.kind, 'unclaimed');
      assert.equal((await actorInConversation(deps, bob, inTeam(TEAMS[0]!))).committee, undefined);

      const secretariat = await actorInConversation(deps, katrin, inTeam(TEAMS[0]!));
      assert.equal(secretariat.committeeId, LEGACY);
      const view = await openSetup(deps, secretariat);
      assert.ok(view.ok && !view.value.isNew && view.value.homeOnSave);
      assert.deepEqual(view.value.home, { kind: 'team', id: TEAMS[0]!.id, title: TEAMS[0]!.name });
      const d = DEFAULT_COMMITTEE_SETTINGS;
      const saved = await saveSetup(deps, secretariat, {
        revision: 1,
        answers: {
          name: d.name,
          shortName: 'KIM',
          timeZone: d.timeZone,
          terms: formatTerms(d.terms),
          sessionLengthMinutes: 180,
          firstChair: d.chairRotation.firstSessionOfYear,
          rotatingChairs: d.chairRotation.rotating.join('\n'),
          ...d.leadTimes,
        },
      });
      assert.ok(saved.ok);
      assert.deepEqual(saved.value.home, { kind: 'team', id: TEAMS[0]!.id, title: TEAMS[0]!.name });

      const there = await actorInConversation(deps, bob, inTeam(TEAMS[0]!));
      assert.deepEqual([there.committeeId, there.place.kind], [LEGACY, 'home']);
      assert.equal((await actorInConversation(deps, katrin, inTeam(TEAMS[1]!))).place.kind, 'unclaimed');
      assert.deepEqual(await upgradeLegacyCommittees(deps), { tenants: [TENANT], homeless: [] });
    });
  });
}
