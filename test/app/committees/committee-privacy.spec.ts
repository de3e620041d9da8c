import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { noteMemberships, personCommitteesOf } from '../../../src/app/committees/person-committees';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { ConversationDocument, PersonDocument, SeatDocument } from '../../../src/app/documents';
import { actorIn } from '../../../src/app/identify-actor';
import { applyRetention } from '../../../src/app/privacy/apply-retention';
import type { PersonalDataExport } from '../../../src/app/privacy/data-export-document';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { dataExportFile, exportPersonalData } from '../../../src/app/privacy/export-personal-data';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { markMembersLeft } from '../../../src/app/roster/import-members';
import { loadRoster } from '../../../src/app/roster/load-roster';
import type { CommitteeHome } from '../../../src/domain/committee';
import { personDocumentId, seatDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { setUpCommittee } from '../sessions/session-fixtures';
import { COMMITTEE as KOG, PEOPLE, SessionWorld, TENANT } from '../sessions/session-world';

const SGI_HOME: CommitteeHome = { kind: 'team', id: '19:sgi-team@thread.tacv2', title: 'Steuerungsgruppe Integration' };
const SGI = committeeIdForHome(TENANT, SGI_HOME);
const DIRECTORY = tenantDirectoryId(TENANT);
const sabine = { tenantId: TENANT, aadObjectId: PEOPLE.sabine, displayName: 'Sabine Hoffmann' };
const katrin = { tenantId: TENANT, aadObjectId: PEOPLE.katrin, displayName: 'Katrin Albers' };

for (const engine of ENGINES) {
  describe(`app/committees: privacy across a person's committees, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let world: SessionWorld;
    let deps: AppDependencies;

    /** The KOG of the session world, and the SGI beside it, where Sabine holds a seat too; her 1:1 chat is known. */
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
      deps = world.deps;
      await setUpCommittee(deps, TENANT, 'SGI', SGI_HOME);
      await opened.store.upsert<PersonDocument>({
        id: personDocumentId(PEOPLE.sabine),
        committeeId: SGI,
        type: 'person',
        aadObjectId: PEOPLE.sabine,
        displayName: 'Sabine Hoffmann',
        roles: ['member'],
        institution: 'Jobcenter Peine',
        active: true,
      });
      await opened.store.upsert<SeatDocument>({
        id: seatDocumentId('jobcenter-peine'),
        committeeId: SGI,
        type: 'seat',
        institution: 'Jobcenter Peine',
        memberId: PEOPLE.sabine,
      });
      await noteMemberships(deps, SGI, [PEOPLE.sabine]);
      await rememberConversation(deps, {
        address: {
          serviceUrl: 'https://smba.example/',
          channelId: 'msteams',
          conversationId: 'a:sabine',
          conversationType: 'personal',
          tenantId: TENANT,
          botId: '28:bot',
          userId: '29:sabine',
          userAadObjectId: PEOPLE.sabine,
          userName: 'Sabine Hoffmann',
        },
      });
    });
    afterEach(async () => opened.close());

    const personalChat = () => opened.store.get<ConversationDocument>(DIRECTORY, `personal-${PEOPLE.sabine}`);

    it('exports her data from every committee she belongs to, in one file, and nothing of anyone else', async () => {
      const link = await exportPersonalData(deps, await actorIn(deps, sabine, SGI));
      const file = await dataExportFile(deps, DIRECTORY, link!.token);
      const data = JSON.parse(file!.content) as PersonalDataExport;
      assert.deepEqual(
        data.committees.map((committee) => [committee.committeeId, (committee.person as PersonDocument).institution]),
        [
          [KOG, undefined],
          [SGI, 'Jobcenter Peine'],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      assert.deepEqual(
        data.committees.map((committee) => committee.seats.length),
        [1, 1],
      );
      assert.equal(data.directory.conversations.length, 1);
      assert.deepEqual(
        (data.directory.committees as { committeeIds: string[] }).committeeIds.sort(),
        [KOG, SGI].sort(),
      );
      assert.doesNotMatch(file!.content, new RegExp(`${PEOPLE.birgit}|${PEOPLE.yusuf}|Birgit Lehmann`));
    });

    it('erases her from one committee only: the other keeps her, her 1:1 chat and its place in her index', async () => {
      const revision = (await loadRoster(opened.store, KOG)).revision;
      const erased = await erasePerson(deps, await actorIn(deps, katrin, KOG), { revision, personId: PEOPLE.sabine });
      assert.ok(erased.ok, JSON.stringify(erased));
      assert.ok((await opened.store.get<PersonDocument>(KOG, personDocumentId(PEOPLE.sabine)))?.erasedAt);
      const inSgi = await opened.store.get<PersonDocument>(SGI, personDocumentId(PEOPLE.sabine));
      assert.deepEqual([inSgi?.displayName, inSgi?.active], ['Sabine Hoffmann', true]);
      assert.ok(await personalChat(), 'the SGI still reaches her');
      assert.deepEqual((await personCommitteesOf(opened.store, TENANT, PEOPLE.sabine))?.committeeIds, [SGI]);
      assert.doesNotMatch(JSON.stringify(await opened.rawPartition(KOG)), /Sabine Hoffmann/);

      // Erased by the SGI too, she is gone from the directory as well.
      const sgiRevision = (await loadRoster(opened.store, SGI)).revision;
      const again = await erasePerson(deps, await actorIn(deps, katrin, SGI), {
        revision: sgiRevision,
        personId: PEOPLE.sabine,
      });
      assert.ok(again.ok);
      assert.equal(await personalChat(), undefined);
      assert.equal(await personCommitteesOf(opened.store, TENANT, PEOPLE.sabine), undefined);
      assert.doesNotMatch(JSON.stringify(await opened.rawPartition(DIRECTORY)), /Sabine Hoffmann/);
    });

    it('keeps her 1:1 chat while one committee has her as an active member, and lets it go a month after the last', async () => {
      await markMembersLeft(deps, KOG, [{ userId: '29:sabine', aadObjectId: PEOPLE.sabine }]);
      world.clock.advance(60 * 24 * 60 * 60 * 1000);
      await applyRetention(deps, DIRECTORY);
      assert.ok(await personalChat(), 'she still works with the SGI');
      await markMembersLeft(deps, SGI, [{ userId: '29:sabine', aadObjectId: PEOPLE.sabine }]);
      world.clock.advance(29 * 24 * 60 * 60 * 1000);
      await applyRetention(deps, DIRECTORY);
      assert.ok(await personalChat(), 'within a month of leaving her last committee');
      world.clock.advance(2 * 24 * 60 * 60 * 1000);
      await applyRetention(deps, DIRECTORY);
      assert.equal(await personalChat(), undefined);
    });
  });
}
