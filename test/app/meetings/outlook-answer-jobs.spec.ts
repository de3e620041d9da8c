import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import {
  ensureOutlookAnswerJob,
  OUTLOOK_ANSWER_JOB_HANDLERS,
  OUTLOOK_ANSWERS_JOB,
  OUTLOOK_ANSWERS_SUBJECT,
} from '../../../src/app/meetings/outlook-answer-jobs';
import { jobDocumentId, type JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, SessionWorld } from '../sessions/session-world';
import type { FakeOrganiserCalendar } from './fake-organiser-calendar';
import { ADDRESSES, EVENT_ID, giveSessionItsEvent, withOutlook, type RecordingLogger } from './outlook-world';

const HOUR = 3600_000;

/**
 * The scheduler reads a committee's Outlook answers every hour while a session takes answers:
 * the job starts when invitations go out with Graph configured, schedules its next run before it
 * reads, survives Graph failures, and stops once no session takes answers. A committee without
 * Graph never has the job.
 */
for (const engine of ENGINES) {
  describe(`app/meetings/outlook-answer-jobs: the hourly read, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let deps: AppDependencies;
    let calendar: FakeOrganiserCalendar;
    let logger: RecordingLogger;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      ({ deps, calendar, logger } = await withOutlook(world));
    });
    afterEach(async () => close());

    const invite = async (with_: AppDependencies) =>
      assert.ok(
        (await inviteAsSecretariat(with_, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
      );
    const job = () =>
      world.store.get<JobDocument>(COMMITTEE, jobDocumentId(OUTLOOK_ANSWERS_JOB, OUTLOOK_ANSWERS_SUBJECT));
    const tick = () => runDueJobs({ ...deps, logger, instanceId: 'test' }, OUTLOOK_ANSWER_JOB_HANDLERS);
    const nowIso = () => world.clock.now().toUTC().toISO()!;

    it('reads at once after the invitation and then every hour', async () => {
      await invite(deps);
      await giveSessionItsEvent(world);
      assert.equal((await job())?.dueAt, nowIso(), 'due when the invitations went out');
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T09:59:00Z');
      assert.equal((await tick()).length, 1);
      assert.deepEqual(calendar.reads, [EVENT_ID]);
      assert.equal((await world.rsvps()).length, 1);
      const next = await job();
      assert.equal(next?.status, 'scheduled');
      assert.equal(Date.parse(next!.dueAt) - world.clock.now().toMillis(), HOUR);

      world.clock.advance(HOUR - 1);
      assert.deepEqual(await tick(), [], 'not before the hour');
      world.clock.advance(1);
      assert.equal((await tick()).length, 1);
      assert.equal(calendar.reads.length, 2);
    });

    it('keeps reading every hour when Graph fails, and never fails the tick', async () => {
      await invite(deps);
      await giveSessionItsEvent(world);
      calendar.failure = { status: 503 };
      assert.equal((await tick()).length, 1);
      const next = await job();
      assert.equal(next?.status, 'scheduled');
      assert.equal(Date.parse(next!.dueAt) - world.clock.now().toMillis(), HOUR);
      assert.ok(logger.lines.some((line) => line.level === 'warn' && line.message?.startsWith('outlook answers')));
      assert.deepEqual(await world.rsvps(), []);
    });

    it('stops once the session has begun, until the next invitation starts it again', async () => {
      await invite(deps);
      await giveSessionItsEvent(world);
      const session = await world.session();
      world.clock.advance(Date.parse(session.startsAt) - world.clock.now().toMillis());
      assert.equal((await tick()).length, 1);
      assert.deepEqual(calendar.reads, [], 'no session takes answers');
      assert.equal((await job())?.status, 'done');
      world.clock.advance(24 * HOUR);
      assert.deepEqual(await tick(), []);
      await ensureOutlookAnswerJob(deps, COMMITTEE);
      assert.deepEqual(
        { status: (await job())?.status, dueAt: (await job())?.dueAt },
        { status: 'scheduled', dueAt: nowIso() },
      );
    });

    it('gives a committee without Graph no job at all', async () => {
      await invite(world.deps);
      await giveSessionItsEvent(world);
      assert.equal(await job(), undefined);
      world.clock.advance(HOUR);
      assert.deepEqual(await tick(), []);
      assert.deepEqual(calendar.reads, []);
    });
  });
}
