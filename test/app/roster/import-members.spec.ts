import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { PersonDocument } from '../../../src/app/documents';
import { actorInTeam } from '../../support/actors';
import { changeRoster } from '../../../src/app/roster/change-roster';
import {
  importMembers,
  markMembersLeft,
  refreshMembers,
  type MemberSource,
  type TeamMember,
} from '../../../src/app/roster/import-members';
import { fixedClock } from '../../../src/domain/clock';
import { personDocumentId } from '../../../src/domain/ids';
import { ENGINES } from '../../support/engines';
import { useTempStore, type TempStore } from '../../support/temp-store';
import { COMMITTEE, IDS, katrin, sabine, seedKog, TENANT } from './roster-fixtures';

const source: MemberSource = { tenantId: TENANT, serviceUrl: 'https://smba.example/emea/', botId: '28:gremium-bot' };
const member = (index: number): TeamMember => ({
  userId: `29:user-${index}`,
  aadObjectId: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
  displayName: `Person ${index}`,
});

describe('app/roster/import-members', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(() => ({ temp, deps } = fixture));

  const person = (id: string) => temp.store.get<PersonDocument>(COMMITTEE, personDocumentId(id));
  const people = () => temp.store.query<PersonDocument>(COMMITTEE, { type: 'person' });

  it('reads nobody and stores nothing while the tenant has no committee', async () => {
    let read = false;
    const outcome = await importMembers(deps, COMMITTEE, source, async () => {
      read = true;
      return [member(1)];
    });
    assert.equal(outcome, undefined);
    assert.equal(read, false);
    assert.deepEqual(await people(), []);
  });

  it('stores display names from Teams without control characters, cleaned rather than refused', async () => {
    await seedKog(deps);
    const outcome = await importMembers(deps, COMMITTEE, source, async () => [
      { ...member(1), displayName: 'Erika\r\nATTENDEE:mailto:x@example.org\u0007' },
      { ...member(2), displayName: '\tMax\u2028Muster\u0085 ' },
    ]);
    assert.deepEqual(outcome, { added: 2, updated: 0, unchanged: 0 });
    assert.equal((await person(member(1).aadObjectId!))?.displayName, 'Erika ATTENDEE:mailto:x@example.org');
    assert.equal((await person(member(2).aadObjectId!))?.displayName, 'Max Muster');
  });

  it('adds new members without roles, with where to reach them, and keeps the roles of known ones', async () => {
    await seedKog(deps);
    const outcome = await importMembers(deps, COMMITTEE, source, async () => [
      { userId: '29:sabine', aadObjectId: IDS.sabine, displayName: 'Dr. Sabine Hoffmann' },
      member(1),
      { userId: '28:another-bot', aadObjectId: '99999999-0000-0000-0000-000000000009', displayName: 'Bot' },
      { userId: '29:guest', displayName: 'Gast ohne Objekt-ID' },
      { userId: '29:odd', aadObjectId: '../../committee', displayName: 'Ungültig' },
    ]);
    assert.deepEqual(outcome, { added: 1, updated: 1, unchanged: 0 });
    const newcomer = await person(member(1).aadObjectId!);
    assert.deepEqual([newcomer?.displayName, newcomer?.roles, newcomer?.active], ['Person 1', [], true]);
    assert.deepEqual(newcomer?.contact, { ...source, userId: '29:user-1', userAadObjectId: member(1).aadObjectId });
    const known = await person(IDS.sabine);
    assert.deepEqual(
      [known?.displayName, known?.roles, known?.contact?.userId],
      ['Dr. Sabine Hoffmann', ['member'], '29:sabine'],
    );
    assert.equal((await people()).length, 6);
  });

  it('writes nothing the second time, and imports 250 members in batches of at most 100', async () => {
    await seedKog(deps);
    const members = Array.from({ length: 250 }, (_, index) => member(index + 1));
    // The roster's batches, and those noting the people in the tenant directory's committee indexes.
    const batches: Array<[string, number]> = [];
    const original = temp.store.batch.bind(temp.store);
    temp.store.batch = async (committeeId, operations) => {
      batches.push([committeeId === COMMITTEE ? 'roster' : 'index', operations.length]);
      return original(committeeId, operations);
    };
    const written = [
      ['roster', 100],
      ['roster', 100],
      ['roster', 50],
      ['index', 100],
      ['index', 100],
      ['index', 50],
    ];
    assert.deepEqual(await importMembers(deps, COMMITTEE, source, async () => members), {
      added: 250,
      updated: 0,
      unchanged: 0,
    });
    assert.deepEqual(batches, written);
    assert.deepEqual(await importMembers(deps, COMMITTEE, source, async () => members), {
      added: 0,
      updated: 0,
      unchanged: 250,
    });
    assert.deepEqual(batches, written);
    assert.equal((await people()).length, 255);
  });

  it('never overwrites a roster edit made while it imports', async () => {
    await seedKog(deps);
    const original = temp.store.batch.bind(temp.store);
    let interfered = false;
    temp.store.batch = async (committeeId, operations) => {
      if (!interfered) {
        interfered = true;
        const result = await changeRoster(deps, await actorInTeam(deps, katrin), {
          revision: 0,
          request: { kind: 'setRoles', personId: IDS.sabine, roles: ['chair'] },
        });
        assert.ok(result.ok);
      }
      return original(committeeId, operations);
    };
    const outcome = await importMembers(deps, COMMITTEE, source, async () => [
      { userId: '29:sabine', aadObjectId: IDS.sabine, displayName: 'Dr. Sabine Hoffmann' },
    ]);
    assert.deepEqual(outcome, { added: 0, updated: 1, unchanged: 0 });
    const sabineNow = await person(IDS.sabine);
    assert.deepEqual([sabineNow?.displayName, sabineNow?.roles], ['Dr. Sabine Hoffmann', ['chair', 'member']]);
  });

  it('deactivates people who leave, keeps their seat, and reactivates them when they come back', async () => {
    await seedKog(deps);
    await importMembers(deps, COMMITTEE, source, async () => [
      { userId: '29:sabine', aadObjectId: IDS.sabine, displayName: 'Sabine Hoffmann' },
    ]);
    assert.equal(await markMembersLeft(deps, COMMITTEE, [{ userId: '29:sabine' }]), 1);
    const left = await person(IDS.sabine);
    assert.deepEqual([left?.active, left?.leftAt, left?.roles], [false, '2026-11-21T10:00:00.000Z', ['member']]);
    assert.deepEqual((await actorInTeam(deps, sabine)).roles, []);
    const seats = await temp.store.query(COMMITTEE, { type: 'seat' });
    assert.equal(seats.length, 1);
    assert.equal(
      await markMembersLeft(deps, COMMITTEE, [
        { userId: '29:sabine', aadObjectId: IDS.sabine },
        { userId: '29:unknown' },
      ]),
      0,
    );
    await importMembers(deps, COMMITTEE, source, async () => [
      { userId: '29:sabine', aadObjectId: IDS.sabine, displayName: 'Sabine Hoffmann' },
    ]);
    const back = await person(IDS.sabine);
    assert.deepEqual([back?.active, back?.leftAt], [true, undefined]);
  });

  it('keeps someone the secretariat deactivated inactive on import', async () => {
    await seedKog(deps);
    assert.ok(
      (
        await changeRoster(deps, await actorInTeam(deps, katrin), {
          revision: 0,
          request: { kind: 'setActive', personId: IDS.birgit, active: false },
        })
      ).ok,
    );
    await importMembers(deps, COMMITTEE, source, async () => [
      { userId: '29:birgit', aadObjectId: IDS.birgit, displayName: 'Birgit Lehmann' },
    ]);
    assert.equal((await person(IDS.birgit))?.active, false);
  });

  it('lets only the secretariat take the members over from a card, and asks nobody otherwise', async () => {
    await seedKog(deps);
    let reads = 0;
    const read = async () => {
      reads += 1;
      return [member(1)];
    };
    assert.deepEqual(await refreshMembers(deps, await actorInTeam(deps, sabine), source, read), {
      ok: false,
      error: { kind: 'notAllowed' },
    });
    assert.equal(reads, 0);
    assert.deepEqual(await refreshMembers(deps, await actorInTeam(deps, katrin), source, read), {
      ok: true,
      value: { added: 1, updated: 0, unchanged: 0 },
    });
    assert.equal(reads, 1);
  });
});

for (const engine of ENGINES) {
  describe(`app/roster/import-members: e-mail addresses from Teams, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let deps: AppDependencies;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      deps = { store: opened.store, clock: fixedClock('2026-11-21T10:00:00Z') };
      await seedKog(deps);
    });
    afterEach(async () => close());
    const person = (id: string) => deps.store.get<PersonDocument>(COMMITTEE, personDocumentId(id));

    it("stores each member's address, takes a changed one from a later import and keeps it when Teams gives none", async () => {
      const first = await importMembers(deps, COMMITTEE, source, async () => [
        { ...member(1), email: 'person.1@kog.example' },
        { ...member(2), email: 'kein Postfach' },
        {
          userId: '29:sabine',
          aadObjectId: IDS.sabine,
          displayName: 'Sabine Hoffmann',
          email: 's.hoffmann@jc.example',
        },
      ]);
      assert.deepEqual(first, { added: 2, updated: 1, unchanged: 0 });
      assert.equal((await person(member(1).aadObjectId!))?.email, 'person.1@kog.example');
      assert.equal((await person(member(2).aadObjectId!))?.email, undefined, 'no implausible address is stored');
      assert.equal((await person(IDS.sabine))?.email, 's.hoffmann@jc.example');
      assert.deepEqual((await person(IDS.sabine))?.roles, ['member'], 'roles stay');

      const second = await importMembers(deps, COMMITTEE, source, async () => [
        { ...member(1), email: 'p1@kog.example' },
        { userId: '29:sabine', aadObjectId: IDS.sabine, displayName: 'Sabine Hoffmann' },
      ]);
      assert.deepEqual(second, { added: 0, updated: 1, unchanged: 1 });
      assert.equal((await person(member(1).aadObjectId!))?.email, 'p1@kog.example');
      assert.equal((await person(IDS.sabine))?.email, 's.hoffmann@jc.example');
    });
  });
}
