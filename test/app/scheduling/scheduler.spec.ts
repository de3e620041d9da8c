import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { silentLogger } from '../../../src/app/ports/logger';
import { jobDocumentId, type JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs, type JobHandler, type SchedulerDependencies } from '../../../src/app/scheduling/run-due-jobs';
import { scheduleJobs } from '../../../src/app/scheduling/schedule-jobs';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { sessionDeadlines } from '../../../src/domain/scheduling/session-deadlines';
import { EmbeddedStore } from '../../../src/infra/embedded-store';
import { ManualClock } from '../../support/manual-clock';
import { openTempStore, type TempStore } from '../../support/temp-store';

const COMMITTEE = 'tenant-t1';

describe('app/scheduling', () => {
  let temp: TempStore;
  let clock: ManualClock;
  let deps: AppDependencies;
  let ran: string[];
  const handlers: Record<string, JobHandler> = {};
  const scheduler = (instanceId = 'instance-a', store = temp.store): SchedulerDependencies => ({
    store,
    clock,
    logger: silentLogger,
    instanceId,
  });

  beforeEach(async () => {
    temp = await openTempStore();
    clock = new ManualClock('2027-03-01T08:00:00Z');
    deps = { store: temp.store, clock };
    ran = [];
    for (const kind of ['callForTopics', 'topicDeadline', 'agendaReview', 'agendaDispatch', 'rsvpReminder', 'test']) {
      handlers[kind] = async (job) => {
        ran.push(`${job.kind}@${job.dueAt}`);
      };
    }
  });
  afterEach(async () => temp.cleanup());

  const planSession = (startsAt: string, leadTimes = DEFAULT_COMMITTEE_SETTINGS.leadTimes) =>
    scheduleJobs(deps, COMMITTEE, 'session-2027-1', sessionDeadlines(startsAt, leadTimes, 'Europe/Berlin'));

  it('fires each deadline once, when it is due', async () => {
    await planSession('2027-05-13T12:00:00Z');
    assert.deepEqual(await runDueJobs(scheduler(), handlers), []);
    clock.advance(31 * 24 * 3600_000); // 1 April, 08:00 UTC: the call for topics (07:00 UTC) is due
    await runDueJobs(scheduler(), handlers);
    await runDueJobs(scheduler(), handlers);
    assert.deepEqual(ran, ['callForTopics@2027-04-01T07:00:00.000Z']);
  });

  it('never fires the old time of a moved session', async () => {
    await planSession('2027-05-13T12:00:00Z');
    await planSession('2027-05-27T12:00:00Z'); // moved two weeks later
    clock.advance(31 * 24 * 3600_000);
    await runDueJobs(scheduler(), handlers);
    assert.deepEqual(ran, []);
    clock.advance(14 * 24 * 3600_000);
    await runDueJobs(scheduler(), handlers);
    assert.deepEqual(ran, ['callForTopics@2027-04-15T07:00:00.000Z']);
  });

  it('follows a change of lead times', async () => {
    await planSession('2027-05-13T12:00:00Z');
    await planSession('2027-05-13T12:00:00Z', { ...DEFAULT_COMMITTEE_SETTINGS.leadTimes, callForTopicsDays: 56 });
    const job = await temp.store.get<JobDocument>(COMMITTEE, jobDocumentId('callForTopics', 'session-2027-1'));
    assert.equal(job?.dueAt, '2027-03-18T08:00:00.000Z');
  });

  it('runs every overdue job once after downtime, not once per missed tick', async () => {
    await planSession('2027-05-13T12:00:00Z');
    clock.advance(90 * 24 * 3600_000); // the bot was down until after the session
    await runDueJobs(scheduler(), handlers);
    await runDueJobs(scheduler(), handlers);
    assert.deepEqual(ran, [
      'callForTopics@2027-04-01T07:00:00.000Z',
      'topicDeadline@2027-04-22T22:00:00.000Z',
      'agendaReview@2027-04-27T07:00:00.000Z',
      'agendaDispatch@2027-04-29T07:00:00.000Z',
      'rsvpReminder@2027-05-06T07:00:00.000Z',
    ]);
  });

  it('runs each due job exactly once when two instances race for it', async () => {
    for (let index = 0; index < 20; index += 1) {
      await scheduleJobs(deps, COMMITTEE, `subject-${index}`, [{ kind: 'test', dueAt: '2027-03-01T07:00:00.000Z' }]);
    }
    const second = await EmbeddedStore.open({ dataDir: temp.dataDir });
    const [a, b] = await Promise.all([
      runDueJobs(scheduler('instance-a'), handlers),
      runDueJobs(scheduler('instance-b', second), handlers),
    ]);
    await second.close();
    assert.equal(ran.length, 20);
    assert.equal(new Set([...a, ...b]).size, 20);
    assert.equal(a.length + b.length, 20);
  });

  it("takes over a crashed instance's job after its lease expires", async () => {
    await scheduleJobs(deps, COMMITTEE, 'subject', [{ kind: 'test', dueAt: '2027-03-01T07:00:00.000Z' }]);
    const hanging: Record<string, JobHandler> = { test: () => new Promise(() => undefined) };
    void runDueJobs(scheduler('crashing'), hanging, { leaseMs: 60_000 });
    await waitUntilClaimed();
    assert.deepEqual(await runDueJobs(scheduler('survivor'), handlers), [], 'the lease still holds');
    clock.advance(60_001);
    assert.equal((await runDueJobs(scheduler('survivor'), handlers)).length, 1);
    assert.equal(ran.length, 1);
  });

  it('retries a failing job later and gives it up after the last attempt', async () => {
    await scheduleJobs(deps, COMMITTEE, 'subject', [{ kind: 'test', dueAt: '2027-03-01T07:00:00.000Z' }]);
    let calls = 0;
    const failing: Record<string, JobHandler> = {
      test: async () => {
        calls += 1;
        throw new Error('outage');
      },
    };
    for (let pass = 0; pass < 10; pass += 1) {
      await runDueJobs(scheduler(), failing, { maxAttempts: 3 });
      clock.advance(3600_000);
    }
    assert.equal(calls, 3);
    const job = await temp.store.get<JobDocument>(COMMITTEE, jobDocumentId('test', 'subject'));
    assert.equal(job?.status, 'failed');
    assert.equal(job?.lastError, 'outage');
  });

  it('cancels kinds that are no longer planned', async () => {
    await scheduleJobs(deps, COMMITTEE, 'subject', [
      { kind: 'test', dueAt: '2027-03-01T07:00:00.000Z' },
      { kind: 'rsvpReminder', dueAt: '2027-03-01T07:00:00.000Z' },
    ]);
    await scheduleJobs(deps, COMMITTEE, 'subject', [{ kind: 'test', dueAt: '2027-03-01T07:00:00.000Z' }]);
    await runDueJobs(scheduler(), handlers);
    assert.deepEqual(ran, ['test@2027-03-01T07:00:00.000Z']);
  });

  /** Resolves once the job document shows a claim (no sleeping: it yields to the event loop). */
  async function waitUntilClaimed(): Promise<void> {
    for (;;) {
      const job = await temp.store.get<JobDocument>(COMMITTEE, jobDocumentId('test', 'subject'));
      if (job?.leaseOwner) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
});
