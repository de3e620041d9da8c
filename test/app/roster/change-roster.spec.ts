import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { actorInTeam } from '../../support/actors';
import { changeRoster, type RosterRequest } from '../../../src/app/roster/change-roster';
import { openRoster } from '../../../src/app/roster/open-roster';
import type { RosterDocument } from '../../../src/app/roster/roster-document';
import { personDocumentId } from '../../../src/domain/ids';
import { useTempStore, type TempStore } from '../../support/temp-store';
import { COMMITTEE, IDS, JOBCENTER_SEAT, katrin, sabine, seedKog } from './roster-fixtures';

describe('app/roster/change-roster', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(async () => {
    ({ temp, deps } = fixture);
    await seedKog(deps);
  });

  const change = async (request: RosterRequest, revision: unknown = 0, who = katrin) =>
    changeRoster(deps, await actorInTeam(deps, who), { revision, request });
  const person = (id: string) => temp.store.get<PersonDocument>(COMMITTEE, personDocumentId(id));
  const seats = () => temp.store.query<SeatDocument>(COMMITTEE, { type: 'seat' });

  /** Everything the roster consists of, to prove that a refusal changed nothing. */
  const snapshot = async () =>
    JSON.stringify(
      (await Promise.all(['person', 'seat', 'roster'].map((type) => temp.store.query(COMMITTEE, { type })))).map(
        (documents) => documents.map(({ _etag, ...document }) => document).sort((a, b) => a.id.localeCompare(b.id)),
      ),
    );

  it('shows the secretariat every seat and person, sorted, at revision 0', async () => {
    const result = await openRoster(deps, await actorInTeam(deps, katrin));
    assert.ok(result.ok);
    assert.equal(result.value.revision, 0);
    assert.deepEqual(
      result.value.people.map((person) => person.displayName),
      ['Birgit Lehmann', 'Katrin Albers', 'Lena Vogt', 'Sabine Hoffmann', 'Thomas Richter'],
    );
    assert.deepEqual(result.value.seats, [
      { id: JOBCENTER_SEAT, institution: 'Jobcenter Leipzig', memberId: IDS.sabine, deputyId: IDS.thomas },
    ]);
  });

  it('adds a seat, gives its holders their roles and counts the revision up, in one batch', async () => {
    const result = await change({
      kind: 'saveSeat',
      institution: 'Agentur für Arbeit Leipzig',
      memberId: IDS.birgit,
      deputyId: IDS.lena,
    });
    assert.ok(result.ok);
    assert.deepEqual(result.value.outcome, { kind: 'seatAdded', institution: 'Agentur für Arbeit Leipzig' });
    assert.equal(result.value.view.revision, 1);
    const added = (await seats()).find((seat) => seat.institution === 'Agentur für Arbeit Leipzig');
    assert.match(added!.id, /^seat-[0-9a-f-]{36}$/);
    assert.equal(added!.memberId, IDS.birgit);
    assert.deepEqual((await person(IDS.birgit))?.roles, ['member']);
    assert.deepEqual((await person(IDS.lena))?.roles, ['deputy', 'workingGroup']);
    const roster = await temp.store.get<RosterDocument>(COMMITTEE, 'roster');
    assert.deepEqual(
      [roster?.revision, roster?.updatedBy, roster?.updatedAt],
      [1, IDS.katrin, '2026-11-21T10:00:00.000Z'],
    );
  });

  it('edits and removes a seat, moving the roles with it and keeping the people', async () => {
    const edited = await change({
      kind: 'saveSeat',
      seatId: JOBCENTER_SEAT,
      institution: 'Jobcenter Leipzig (Geschäftsführung)',
      memberId: IDS.thomas,
      deputyId: '',
    });
    assert.ok(edited.ok);
    assert.deepEqual((await person(IDS.thomas))?.roles, ['member']);
    assert.deepEqual((await person(IDS.sabine))?.roles, []);
    const removed = await change({ kind: 'removeSeat', seatId: JOBCENTER_SEAT }, 1);
    assert.ok(removed.ok);
    assert.deepEqual(removed.value.outcome, {
      kind: 'seatRemoved',
      institution: 'Jobcenter Leipzig (Geschäftsführung)',
    });
    assert.deepEqual(await seats(), []);
    assert.deepEqual((await person(IDS.thomas))?.roles, []);
    assert.equal((await temp.store.query(COMMITTEE, { type: 'person' })).length, 5);
  });

  it('sets roles and deactivates and reactivates a person, keeping their seat and contact', async () => {
    const contact = {
      serviceUrl: 'https://smba.example/',
      tenantId: katrin.tenantId,
      botId: '28:bot',
      userId: '29:sabine',
      userAadObjectId: IDS.sabine,
    };
    const stored = (await person(IDS.sabine))!;
    await temp.store.replace({ ...stored, contact }, stored._etag);
    assert.ok((await change({ kind: 'setRoles', personId: IDS.sabine, roles: ['chair'] })).ok);
    assert.deepEqual((await person(IDS.sabine))?.roles, ['chair', 'member']);
    const off = await change({ kind: 'setActive', personId: IDS.sabine, active: false }, 1);
    assert.ok(off.ok);
    assert.deepEqual(off.value.outcome, { kind: 'deactivated', name: 'Sabine Hoffmann' });
    assert.equal((await person(IDS.sabine))?.active, false);
    assert.deepEqual((await person(IDS.sabine))?.contact, contact);
    assert.equal((await seats())[0]!.memberId, IDS.sabine);
    assert.deepEqual((await actorInTeam(deps, sabine)).roles, []);
    assert.ok((await change({ kind: 'setActive', personId: IDS.sabine, active: true }, 2)).ok);
    assert.deepEqual((await actorInTeam(deps, sabine)).roles, ['chair', 'member']);
  });

  it('refuses everyone but the secretariat and changes nothing', async () => {
    const before = await snapshot();
    assert.deepEqual(await openRoster(deps, await actorInTeam(deps, sabine)), {
      ok: false,
      error: { kind: 'notAllowed' },
    });
    const result = await change({ kind: 'setRoles', personId: IDS.sabine, roles: ['secretariat'] }, 0, sabine);
    assert.deepEqual(result, { ok: false, error: { kind: 'notAllowed' } });
    assert.equal(await snapshot(), before);
  });

  it('refuses a card of another revision and changes nothing', async () => {
    assert.ok((await change({ kind: 'setRoles', personId: IDS.birgit, roles: ['chair'] })).ok);
    const before = await snapshot();
    for (const revision of [0, 2, '1', null, undefined]) {
      const result = await change({ kind: 'setRoles', personId: IDS.birgit, roles: [] }, revision);
      assert.deepEqual(result, { ok: false, error: { kind: 'outdated' } }, String(revision));
    }
    assert.equal(await snapshot(), before);
  });

  it('refuses tampered ids and overlong text and changes nothing', async () => {
    const before = await snapshot();
    const refusals = await Promise.all([
      change({ kind: 'saveSeat', institution: 'IHK', memberId: 'ffffffff-0000-0000-0000-00000000000f', deputyId: '' }),
      change({
        kind: 'saveSeat',
        seatId: 'seat-of-another-committee',
        institution: 'IHK',
        memberId: IDS.birgit,
        deputyId: '',
      }),
      change({ kind: 'removeSeat', seatId: { $ne: '' } }),
      change({ kind: 'setRoles', personId: IDS.birgit, roles: ['member'] }),
      change({ kind: 'setActive', personId: 'person-x', active: false }),
      change({ kind: 'saveSeat', institution: 'x'.repeat(151), memberId: IDS.birgit, deputyId: '' }),
    ]);
    for (const result of refusals) assert.ok(!result.ok && result.error.kind === 'invalid', JSON.stringify(result));
    assert.equal(await snapshot(), before);
  });

  it('keeps the last secretariat', async () => {
    const result = await change({ kind: 'setRoles', personId: IDS.katrin, roles: [] });
    assert.deepEqual(result, { ok: false, error: { kind: 'invalid', problems: [{ code: 'lastSecretariat' }] } });
    assert.deepEqual((await person(IDS.katrin))?.roles, ['secretariat']);
  });

  it('lets exactly one of simultaneous edits of the same revision win', async () => {
    const actor = await actorInTeam(deps, katrin);
    // Hold every batch until all three edits have read and checked the roster, so they really race.
    const original = temp.store.batch.bind(temp.store);
    const arrived: Array<() => void> = [];
    temp.store.batch = async (committeeId, operations) => {
      await new Promise<void>((resolve) => {
        arrived.push(resolve);
        if (arrived.length === 3) for (const release of arrived) release();
      });
      return original(committeeId, operations);
    };
    const results = await Promise.all([
      changeRoster(deps, actor, { revision: 0, request: { kind: 'setRoles', personId: IDS.birgit, roles: ['chair'] } }),
      changeRoster(deps, actor, {
        revision: 0,
        request: { kind: 'saveSeat', institution: 'IHK zu Leipzig', memberId: IDS.birgit, deputyId: '' },
      }),
      changeRoster(deps, actor, { revision: 0, request: { kind: 'removeSeat', seatId: JOBCENTER_SEAT } }),
    ]);
    assert.equal(results.filter((result) => result.ok).length, 1);
    for (const result of results.filter((candidate) => !candidate.ok))
      assert.deepEqual(result, { ok: false, error: { kind: 'outdated' } });
    assert.equal((await temp.store.get<RosterDocument>(COMMITTEE, 'roster'))?.revision, 1);
  });

  it('refuses a seat for someone deactivated between reading and writing', async () => {
    const actor = await actorInTeam(deps, katrin);
    const original = temp.store.batch.bind(temp.store);
    let interfered = false;
    temp.store.batch = async (committeeId, operations) => {
      if (!interfered) {
        interfered = true;
        const birgit = (await person(IDS.birgit))!;
        await temp.store.replace({ ...birgit, active: false, leftAt: '2026-11-21T10:00:00.000Z' }, birgit._etag);
      }
      return original(committeeId, operations);
    };
    const result = await changeRoster(deps, actor, {
      revision: 0,
      request: { kind: 'saveSeat', institution: 'IHK', memberId: IDS.birgit, deputyId: '' },
    });
    assert.deepEqual(result, { ok: false, error: { kind: 'outdated' } });
    assert.equal((await seats()).length, 1);
  });
});
