import assert from 'node:assert/strict';
import type { JobDocument } from '../../../src/app/scheduling/job';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { ENGINES } from '../../support/engines';
import { rosterMoves } from './roster-moves';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/**
 * A reminder asks for an answer, so it goes only to people who can still give one: never to
 * someone erased, deactivated or taken off the seat since the invitation, whether the
 * secretariat clicks "remind" or the scheduler's reminder job runs. The same holds for every
 * later invitation card, such as the one saying that the session moved.
 */
for (const engine of ENGINES) {
  describe(`app/sessions/remind-unanswered: only current people, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
      );
    });
    afterEach(async () => close());

    const answer = async (who: PersonKey, choice: string) => {
      const actor = await world.actor(who);
      const revision = (await world.session()).revision;
      const submission = { sessionId: SESSION_1, personId: PEOPLE[who], revision, choice };
      const result = await answerRsvp(world.deps, actor, submission);
      assert.ok(result.ok, JSON.stringify(result));
    };
    /** Who the messages of dispatches whose id starts so went to, by name key. */
    const recipientsOf = async (prefix: string) =>
      (await world.outbox()).filter(([dispatch]) => dispatch.startsWith(prefix)).map(([, who]) => who);
    const remindByButton = async (key: string) => {
      const committee = (await world.actor('katrin')).committee!;
      return remindUnanswered(world.deps, committee, await world.session(), key);
    };
    /** What the overview promises to remind: its count is the button's label. */
    const unansweredOnOverview = async () => {
      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(overview.ok);
      return overview.value.unanswered;
    };
    const runReminderJob = async () => {
      const where = [{ field: 'subjectId', op: '=', value: SESSION_1 }] as const;
      const jobs = await world.store.query<JobDocument>(COMMITTEE, { type: 'job', where });
      const job = jobs.find((candidate) => candidate.kind === 'rsvpReminder');
      assert.ok(job, 'the session has a reminder job');
      world.clock.advance(Date.parse(job.dueAt) - world.clock.now().toMillis());
      await SESSION_JOB_HANDLERS.rsvpReminder(job, world.deps);
      return job.dueAt;
    };

    it('reminds no member who was deactivated or replaced on the seat, by button or by job', async () => {
      await rosterMoves(world).deactivate('sabine');
      await rosterMoves(world).replaceMember('ihk', 'lena');
      assert.equal(await unansweredOnOverview(), 1);
      assert.deepEqual(await remindByButton('card-1'), { ok: true, value: { reminded: 1 } });
      assert.deepEqual(await recipientsOf(`remind:${SESSION_1}:card-1`), ['birgit']);
      const dueAt = await runReminderJob();
      assert.deepEqual(await recipientsOf(`remind:${SESSION_1}:job-${dueAt}`), ['birgit']);
    });

    it('reminds no erased member and no called-in deputy who was erased or taken off the seat', async () => {
      await answer('sabine', 'deputy');
      await answer('yusuf', 'declined');
      const invited = (await recipientsOf('invite:')).sort();
      assert.deepEqual(invited, ['birgit', 'sabine', 'thomas', 'yara', 'yusuf'], 'deputies invited');
      await rosterMoves(world).erase('thomas');
      await rosterMoves(world).dropDeputy('ihk');
      await rosterMoves(world).erase('birgit');
      assert.equal(await unansweredOnOverview(), 0);
      assert.deepEqual(await remindByButton('card-1'), { ok: true, value: { reminded: 0 } });
      const dueAt = await runReminderJob();
      assert.deepEqual(await recipientsOf('remind:'), [], `neither the button nor the job (${dueAt}) reminded anyone`);
    });

    it("sends a moved session's card to nobody who can no longer answer", async () => {
      await answer('yusuf', 'declined');
      await rosterMoves(world).deactivate('sabine');
      await rosterMoves(world).dropDeputy('ihk');
      const session = await world.session();
      const change = {
        date: '2027-03-18',
        time: '10:00',
        place: 'Stadthaus, Saal 1',
        onlineLink: '',
        chair: 'Oberbürgermeister',
      };
      const result = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, change);
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual((await recipientsOf('update:')).sort(), ['birgit', 'yusuf']);
    });

    it('still reminds a called-in deputy who holds the seat, and a member whose deputy left', async () => {
      await answer('yusuf', 'declined');
      await rosterMoves(world).deactivate('thomas');
      assert.equal(await unansweredOnOverview(), 3);
      assert.deepEqual(await remindByButton('card-1'), { ok: true, value: { reminded: 3 } });
      assert.deepEqual(await recipientsOf(`remind:${SESSION_1}:card-1`), ['birgit', 'sabine', 'yara']);
    });
  });
}
