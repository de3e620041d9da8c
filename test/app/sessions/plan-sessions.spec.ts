import assert from 'node:assert/strict';
import { KOG_TEAM } from './session-fixtures';
import type { AppDependencies } from '../../../src/app/dependencies';
import { type ActorIdentity } from '../../../src/app/identify-actor';
import { actorInTeam } from '../../support/actors';
import { saveSetup } from '../../../src/app/save-setup';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import type { JobDocument } from '../../../src/app/scheduling/job';
import { recordingStore } from '../../support/recording-store';
import { useTempStore, type TempStore } from '../../support/temp-store';

const TENANT = '11111111-2222-3333-4444-555555555555';
const secretariat: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  displayName: 'Geschäftsstelle',
};
const member: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002',
  displayName: 'Mitglied',
};

describe('app/sessions/plan-sessions', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(async () => {
    ({ temp, deps } = fixture);
    const d = DEFAULT_COMMITTEE_SETTINGS;
    await saveSetup(deps, await actorInTeam(deps, secretariat), {
      revision: 0,
      answers: {
        name: d.name,
        shortName: d.shortName,
        timeZone: d.timeZone,
        terms: formatTerms(d.terms),
        sessionLengthMinutes: 180,
        firstChair: d.chairRotation.firstSessionOfYear,
        rotatingChairs: d.chairRotation.rotating.join('\n'),
        ...d.leadTimes,
      },
    });
  });

  const sessions = () =>
    temp.store.query<SessionDocument>(committeeIdForHome(TENANT, KOG_TEAM), {
      type: 'session',
      orderBy: { field: 'startsAt' },
    });

  it('creates the three KOG sessions of the year, planned', async () => {
    const result = await planSessions(deps, await actorInTeam(deps, secretariat), '2027');
    assert.ok(result.ok);
    assert.deepEqual(
      (await sessions()).map((session) => [session.number, session.state, session.chair]),
      [
        ['2027/1', 'planned', 'Oberbürgermeister der Stadt Leipzig'],
        ['2027/2', 'planned', 'Jobcenter Leipzig'],
        ['2027/3', 'planned', 'Agentur für Arbeit Leipzig'],
      ],
    );
  });

  it('creates nothing twice, also when two plans race', async () => {
    const actor = await actorInTeam(deps, secretariat);
    const [first, second] = await Promise.all([planSessions(deps, actor, 2027), planSessions(deps, actor, 2027)]);
    assert.ok(first.ok && second.ok);
    assert.equal(first.value.created.length + second.value.created.length, 3);
    const again = await planSessions(deps, actor, 2027);
    assert.ok(again.ok);
    assert.deepEqual([again.value.created.length, again.value.existing.length], [0, 3]);
    assert.equal((await sessions()).length, 3);
  });

  it('plans a planned year again with one read of the year, trying no create, and keeps its schedule', async () => {
    const actor = await actorInTeam(deps, secretariat);
    assert.ok((await planSessions(deps, actor, 2027)).ok);
    const { store, calls } = recordingStore(deps.store);
    const again = await planSessions({ ...deps, store }, actor, 2027);
    assert.ok(again.ok);
    assert.deepEqual([again.value.created.length, again.value.existing.length], [0, 3]);
    // The year's sessions, then the jobs of all of them in one read (a crash may have left some out).
    assert.deepEqual(
      calls.map((call) => call.operation),
      ['query', 'query'],
    );
  });

  it("repairs a planned session's schedule from the year's jobs read at once, and only that session's", async () => {
    const actor = await actorInTeam(deps, secretariat);
    assert.ok((await planSessions(deps, actor, 2027)).ok);
    assert.ok((await planSessions(deps, actor, 2028)).ok);
    const committeeId = committeeIdForHome(TENANT, KOG_TEAM);
    const jobsNow = async () =>
      (await temp.store.query<JobDocument>(committeeId, { type: 'job' }))
        .map((job) => `${job.id} ${job.status} ${job.dueAt}`)
        .sort();
    const before = await jobsNow();
    const lost = (await temp.store.query<JobDocument>(committeeId, { type: 'job' })).find(
      (job) => job.subjectId === 'session-2027-2',
    )!;
    await temp.store.delete(committeeId, lost.id);

    const { store, calls } = recordingStore(deps.store);
    assert.ok((await planSessions({ ...deps, store }, actor, 2027)).ok);
    assert.deepEqual(
      calls.map((call) => call.operation),
      ['query', 'query', 'create'],
    );
    assert.deepEqual(await jobsNow(), before, 'the lost job is back, every other job as it was');
  });

  it('refuses other roles, and years that are not plausible', async () => {
    assert.deepEqual(await planSessions(deps, await actorInTeam(deps, member), 2027), {
      ok: false,
      error: { kind: 'notAllowed' },
    });
    for (const year of ['27', 'zweitausend', 1999, 2040, '2027; drop', { year: 2027 }]) {
      assert.deepEqual(
        await planSessions(deps, await actorInTeam(deps, secretariat), year),
        { ok: false, error: { kind: 'invalidYear', min: 2025, max: 2031 } },
        String(year),
      );
    }
    assert.deepEqual(await sessions(), []);
  });
});
