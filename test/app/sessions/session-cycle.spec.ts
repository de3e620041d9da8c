import assert from 'node:assert/strict';
import { answerRsvp, type RsvpSubmission } from '../../../src/app/sessions/answer-rsvp';
import { openAttendance, recordAttendance } from '../../../src/app/sessions/attendance';
import { changeSessionState } from '../../../src/app/sessions/change-session-state';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { openInvitation } from '../../../src/app/sessions/open-invitation';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import type { JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { silentLogger } from '../../../src/app/ports/logger';
import { saveSetup } from '../../../src/app/save-setup';
import { formatTerms } from '../../../src/domain/committee';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { COMMITTEE, PEOPLE, SEATS, SESSION_1, SessionWorld, type PersonKey } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

describe('app/sessions: invitations, answers, reminders, attendance', () => {
  let temp: TempStore;
  let world: SessionWorld;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
  });
  afterEach(async () => temp.cleanup());

  const invite = async () => {
    const result = await inviteAsSecretariat(
      world.deps,
      await world.actor('katrin'),
      await world.session(),
      NO_QUESTIONS,
    );
    assert.ok(result.ok, JSON.stringify(result));
    return result.value;
  };
  const answer = async (who: PersonKey, choice: string, extra: Partial<RsvpSubmission> = {}) =>
    answerRsvp(world.deps, await world.actor(who), {
      sessionId: SESSION_1,
      personId: PEOPLE[who],
      revision: (await world.session()).revision,
      choice,
      ...extra,
    });

  describe('inviting', () => {
    it('invites every seat member once through the outbox, together with the state change', async () => {
      const { invited } = await invite();
      assert.equal(invited, 3);
      const session = await world.session();
      assert.equal(session.state, 'invited');
      assert.deepEqual(
        session.invitedSeats?.map((seat) => seat.institution),
        ['Agentur für Arbeit Leipzig', 'IHK zu Leipzig', 'Jobcenter Leipzig'],
      );
      assert.deepEqual(await world.outbox(), [
        ['invite:session-2027-1', 'birgit', ''],
        ['invite:session-2027-1', 'sabine', ''],
        ['invite:session-2027-1', 'yusuf', ''],
      ]);
    });

    it('sends nothing twice when invited again, and refuses members', async () => {
      await invite();
      const again = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.equal(!again.ok && again.error.kind, 'alreadyInvited');
      const byMember = await inviteAsSecretariat(
        world.deps,
        await world.actor('sabine'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.equal(!byMember.ok && byMember.error.kind, 'notAllowed');
      assert.equal((await world.outbox()).length, 3);
    });

    it('says why the step is not possible and names the next session to invite to instead', async () => {
      const actor = await world.actor('katrin');
      assert.ok(
        (await changeSessionState(world.deps, actor, SESSION_1, (await world.session()).revision, 'cancel')).ok,
      );
      const result = await inviteAsSecretariat(world.deps, actor, await world.session(), NO_QUESTIONS);
      assert.deepEqual(!result.ok && result.error, {
        kind: 'wrongState',
        sessionId: SESSION_1,
        number: '2027/1',
        state: 'cancelled',
        concerns: 'invite',
        reason: 'cancelled',
        next: '2027/2',
      });
    });
  });

  describe('answering', () => {
    beforeEach(invite);

    it('keeps one record per person, whatever they answer and however often', async () => {
      assert.ok((await answer('birgit', 'online')).ok);
      assert.ok((await answer('birgit', 'inPerson')).ok);
      assert.ok((await answer('birgit', 'inPerson')).ok);
      const records = await world.rsvps();
      assert.deepEqual(
        records.map((record) => [record.personId, record.choice]),
        [[PEOPLE.birgit, 'inPerson']],
      );
    });

    it('invites the nominated deputy once when the member declines, and the deputy can answer for the seat', async () => {
      assert.ok((await answer('sabine', 'declined')).ok);
      assert.ok((await answer('sabine', 'declined')).ok);
      assert.deepEqual(
        (await world.outbox()).filter(([dispatch]) => dispatch.includes(PEOPLE.thomas)),
        [[`invite:session-2027-1:${PEOPLE.thomas}`, 'thomas', 'deputyInvited']],
      );
      const card = await openInvitation(world.deps, await world.actor('thomas'), SESSION_1, PEOPLE.thomas);
      assert.ok(card.ok);
      assert.deepEqual(
        [card.value.as, card.value.representing, card.value.institution],
        ['deputy', 'Sabine Hoffmann', 'Jobcenter Leipzig'],
      );
      assert.ok((await answer('thomas', 'inPerson')).ok);
      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(overview.ok);
      const jobcenter = overview.value.lines.find((line) => line.institution === 'Jobcenter Leipzig');
      assert.deepEqual(
        [jobcenter?.status, jobcenter?.attendeeName],
        [{ kind: 'attending', mode: 'inPerson', by: 'deputy' }, 'Thomas Richter'],
      );
    });

    it('records a named colleague as attending on behalf of the institution', async () => {
      assert.ok((await answer('birgit', 'delegate', { delegateName: '  Dr. Ada Beispiel ' })).ok);
      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(overview.ok);
      assert.deepEqual(overview.value.lines[0]?.status, { kind: 'delegated', delegateName: 'Dr. Ada Beispiel' });
      assert.equal(overview.value.represented, 1);
    });

    it('shows each person their own current answer when the card refreshes', async () => {
      await answer('yusuf', 'online');
      const yusuf = await openInvitation(world.deps, await world.actor('yusuf'), SESSION_1, PEOPLE.yusuf);
      const birgit = await openInvitation(world.deps, await world.actor('birgit'), SESSION_1, PEOPLE.birgit);
      assert.ok(yusuf.ok && birgit.ok);
      assert.equal(yusuf.value.answer?.choice, 'online');
      assert.equal(birgit.value.answer, undefined);
      assert.equal(yusuf.value.status, 'open');
    });

    describe('refuses and changes nothing', () => {
      const refusals: Array<[string, () => Promise<unknown>, string]> = [
        ['a person who is not invited', async () => answer('lena', 'inPerson'), 'notInvited'],
        ['a deputy before the member handed over', async () => answer('thomas', 'inPerson'), 'notInvited'],
        [
          'a card addressed to someone else',
          async () => answer('birgit', 'inPerson', { personId: PEOPLE.sabine }),
          'otherPerson',
        ],
        [
          "another committee's session id",
          async () => answer('birgit', 'inPerson', { sessionId: 'session-2099-1' }),
          'unknownSession',
        ],
        [
          'an id that is no session id',
          async () => answer('birgit', 'inPerson', { sessionId: '../committee' }),
          'unknownSession',
        ],
        ['an outdated card', async () => answer('birgit', 'inPerson', { revision: 1 }), 'outdated'],
        ['an unknown answer', async () => answer('birgit', 'maybe'), 'invalidChoice'],
        ['a deputy for a seat without one', async () => answer('birgit', 'deputy'), 'noDeputy'],
        [
          'a colleague without a name',
          async () => answer('birgit', 'delegate', { delegateName: '   ' }),
          'delegateName',
        ],
        [
          'an overlong colleague name',
          async () => answer('birgit', 'delegate', { delegateName: 'x'.repeat(121) }),
          'delegateName',
        ],
      ];
      for (const [what, act, kind] of refusals) {
        it(what, async () => {
          const result = (await act()) as { ok: boolean; error?: { kind: string } };
          assert.equal(result.ok, false);
          assert.equal(result.error?.kind, kind);
          assert.deepEqual(await world.rsvps(), []);
          assert.equal((await world.outbox()).length, 3);
        });
      }

      it('a click after the deadline, showing that answers are closed', async () => {
        world.clock.advance(Date.parse('2027-02-10T11:00:00Z') - world.clock.now().toMillis());
        const result = await answer('birgit', 'inPerson');
        assert.ok(!result.ok && result.error.kind === 'notOpen');
        assert.deepEqual([result.error.view.status, result.error.view.banner], ['closed', 'closed']);
        assert.deepEqual(await world.rsvps(), []);
      });

      it('a click on a session that has been held', async () => {
        world.clock.advance(Date.parse('2027-02-11T15:00:00Z') - world.clock.now().toMillis());
        const katrin = await world.actor('katrin');
        const seats = (await world.session()).invitedSeats!;
        const fields = Object.fromEntries(
          seats.flatMap((seat) => [
            [`presence-${seat.id}`, 'absent'],
            [`name-${seat.id}`, ''],
          ]),
        );
        assert.ok((await recordAttendance(world.deps, katrin, SESSION_1, 0, fields)).ok);
        const result = await answer('birgit', 'inPerson');
        assert.ok(!result.ok && result.error.kind === 'notOpen');
        assert.equal(result.error.view.status, 'over');
        assert.deepEqual(await world.rsvps(), []);
      });

      it('a click on a cancelled session', async () => {
        assert.ok(
          (
            await changeSessionState(
              world.deps,
              await world.actor('katrin'),
              SESSION_1,
              (await world.session()).revision,
              'cancel',
            )
          ).ok,
        );
        const result = await answerRsvp(world.deps, await world.actor('birgit'), {
          sessionId: SESSION_1,
          personId: PEOPLE.birgit,
          revision: 2,
          choice: 'inPerson',
        });
        assert.ok(!result.ok && result.error.kind === 'notOpen');
        assert.equal(result.error.view.status, 'cancelled');
        assert.deepEqual(await world.rsvps(), []);
      });
    });
  });

  describe('reminding', () => {
    beforeEach(invite);

    it('reminds only those without an answer, once per request', async () => {
      await answer('birgit', 'inPerson');
      await answer('sabine', 'declined');
      const result = await remindUnanswered(
        world.deps,
        (await world.actor('katrin')).committee!,
        await world.session(),
        'card-1',
      );
      assert.deepEqual(result, { ok: true, value: { reminded: 2 } });
      assert.deepEqual(
        (await world.outbox())
          .filter(([dispatch]) => dispatch.startsWith('remind:'))
          .map(([, who, banner]) => [who, banner]),
        [
          ['thomas', 'reminder'],
          ['yusuf', 'reminder'],
        ],
      );
      const again = await remindUnanswered(
        world.deps,
        (await world.actor('katrin')).committee!,
        await world.session(),
        'card-1',
      );
      assert.deepEqual(again, { ok: false, error: { kind: 'alreadySent' } });
    });
  });

  describe('changing and cancelling', () => {
    it('sends every invitee the changed card and moves the deadline jobs', async () => {
      const jobsBefore = await temp.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
      });
      await invite();
      await answer('sabine', 'declined');
      const session = await world.session();
      const result = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-03-18',
        time: '10:00',
        place: 'Stadthaus, Saal 1',
        onlineLink: '',
        chair: 'Oberbürgermeister der Stadt Leipzig',
      });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.value.notified, 4);
      const edited = await world.session();
      assert.deepEqual(
        [edited.startsAt, edited.endsAt, edited.place, edited.onlineLink],
        ['2027-03-18T09:00:00.000Z', '2027-03-18T12:00:00.000Z', 'Stadthaus, Saal 1', undefined],
      );
      assert.deepEqual(
        (await world.outbox())
          .filter(([dispatch]) => dispatch.startsWith('update:'))
          .map(([, who, banner]) => [who, banner]),
        [
          ['birgit', 'rescheduled'],
          ['sabine', 'rescheduled'],
          ['thomas', 'rescheduled'],
          ['yusuf', 'rescheduled'],
        ],
      );
      const jobsAfter = await temp.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
      });
      const reminder = (jobs: JobDocument[]) => jobs.find((job) => job.kind === 'rsvpReminder')?.dueAt;
      assert.deepEqual(
        [reminder(jobsBefore), reminder(jobsAfter)],
        ['2027-02-04T08:00:00.000Z', '2027-03-11T08:00:00.000Z'],
      );
    });

    it('refuses a step the card does not offer, such as holding the session from tampered data', async () => {
      const session = await world.session();
      const result = await changeSessionState(
        world.deps,
        await world.actor('katrin'),
        SESSION_1,
        session.revision,
        'hold',
      );
      assert.deepEqual(result, { ok: false, error: { kind: 'unknownStep' } });
      assert.equal((await world.session()).state, 'planned');
    });

    it("moves every planned session's deadline jobs when the lead times change", async () => {
      const katrin = await world.actor('katrin');
      const committee = katrin.committee!;
      const d = committee;
      const saved = await saveSetup(world.deps, katrin, {
        revision: committee.revision,
        answers: {
          name: d.name,
          shortName: d.shortName,
          timeZone: d.timeZone,
          terms: formatTerms(d.terms),
          sessionLengthMinutes: d.sessionLengthMinutes,
          firstChair: d.chairRotation.firstSessionOfYear,
          rotatingChairs: d.chairRotation.rotating.join('\n'),
          ...d.leadTimes,
          rsvpReminderDays: 3,
        },
      });
      assert.ok(saved.ok);
      const jobs = await temp.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
      });
      assert.equal(jobs.find((job) => job.kind === 'rsvpReminder')?.dueAt, '2027-02-08T08:00:00.000Z');
    });

    it('refuses bad edits and outdated cards without changing anything', async () => {
      const session = await world.session();
      const actor = await world.actor('katrin');
      const bad = await editSession(world.deps, actor, SESSION_1, session.revision, {
        date: '2027-02-30',
        time: '25:00',
        onlineLink: 'javascript:alert(1)',
        place: 'x'.repeat(201),
      });
      assert.deepEqual(
        !bad.ok &&
          bad.error.kind === 'invalid' &&
          bad.error.problems.map((problem) => `${problem.field}:${problem.code}`),
        ['date:invalid', 'time:invalid', 'place:tooLong', 'onlineLink:invalid'],
      );
      const outdated = await editSession(world.deps, actor, SESSION_1, session.revision - 1, {
        date: '2027-03-18',
        time: '10:00',
      });
      assert.equal(!outdated.ok && outdated.error.kind, 'outdated');
      const byMember = await editSession(world.deps, await world.actor('birgit'), SESSION_1, session.revision, {
        date: '2027-03-18',
        time: '10:00',
      });
      assert.equal(!byMember.ok && byMember.error.kind, 'notAllowed');
      assert.equal((await world.session()).revision, session.revision);
    });

    it('cancels with a notice to everyone invited and withdraws the deadline jobs', async () => {
      await invite();
      const result = await changeSessionState(
        world.deps,
        await world.actor('katrin'),
        SESSION_1,
        (await world.session()).revision,
        'cancel',
      );
      assert.ok(result.ok);
      assert.deepEqual(
        (await world.outbox())
          .filter(([dispatch]) => dispatch.startsWith('cancel:'))
          .map(([, who, banner]) => [who, banner]),
        [
          ['birgit', 'cancelled'],
          ['sabine', 'cancelled'],
          ['yusuf', 'cancelled'],
        ],
      );
      const jobs = await temp.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
      });
      assert.deepEqual(
        jobs.map((job) => job.status),
        ['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled'],
      );
      const card = await openInvitation(world.deps, await world.actor('birgit'), SESSION_1, PEOPLE.birgit);
      assert.equal(card.ok && card.value.status, 'cancelled');
    });
  });

  describe('the scheduler', () => {
    const run = () => runDueJobs({ ...world.deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS);

    it('invites at the agenda lead time and reminds only the unanswered at the reminder lead time', async () => {
      world.clock.advance(Date.parse('2027-01-28T08:00:00Z') - world.clock.now().toMillis());
      // Due by now: the call for topics, the topic deadline, the agenda review and the agenda with the invitations.
      assert.equal((await run()).length, 4);
      assert.equal((await world.session()).state, 'invited');
      await answer('birgit', 'inPerson');
      world.clock.advance(Date.parse('2027-02-04T08:00:00Z') - world.clock.now().toMillis());
      assert.equal((await run()).length, 1);
      assert.deepEqual(
        (await world.outbox()).filter(([dispatch]) => dispatch.startsWith('remind:')).map(([, who]) => who),
        ['sabine', 'yusuf'],
      );
    });

    it('corrects a schedule left stale by a crash instead of firing at the old time', async () => {
      const session = await world.session();
      const { _etag: etag, ...moved } = session;
      // The session moved a week later, but the jobs were not rescheduled (a crash in between).
      await temp.store.replace(
        {
          ...moved,
          startsAt: '2027-02-18T13:00:00.000Z',
          endsAt: '2027-02-18T16:00:00.000Z',
          revision: session.revision + 1,
        },
        etag,
      );
      world.clock.advance(Date.parse('2027-01-28T08:00:00Z') - world.clock.now().toMillis());
      await run();
      assert.equal((await world.session()).state, 'planned', 'not invited at the old deadline');
      const agenda = (
        await temp.store.query<JobDocument>(COMMITTEE, {
          type: 'job',
          where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
        })
      ).find((job) => job.kind === 'agendaDispatch');
      assert.deepEqual([agenda?.dueAt, agenda?.status], ['2027-02-04T08:00:00.000Z', 'scheduled']);
      world.clock.advance(Date.parse('2027-02-04T08:00:00Z') - world.clock.now().toMillis());
      await run();
      assert.equal((await world.session()).state, 'invited', 'invited at the new deadline');
    });

    it('does not invite twice when the secretariat invited before the deadline, and sends the agenda to the invitees', async () => {
      await invite();
      world.clock.advance(Date.parse('2027-01-28T08:00:00Z') - world.clock.now().toMillis());
      await run();
      const outbox = await world.outbox();
      assert.equal(outbox.filter(([dispatch]) => dispatch.startsWith('invite:')).length, 3);
      assert.deepEqual(
        outbox.filter(([dispatch]) => dispatch.endsWith(':invitees')).map(([, who, banner]) => [who, banner]),
        [
          ['birgit', 'agendaPublished'],
          ['sabine', 'agendaPublished'],
          ['yusuf', 'agendaPublished'],
        ],
      );
    });
  });

  describe('attendance', () => {
    beforeEach(async () => {
      await invite();
      await answer('birgit', 'online');
      await answer('yusuf', 'delegate', { delegateName: 'Dr. Ada Beispiel' });
    });

    it('is not open before the session day, nor on it until an hour before the start, and says from when', async () => {
      const tooEarly = {
        ok: false,
        error: {
          kind: 'tooEarly',
          number: '2027/1',
          opensAt: '2027-02-11T12:00:00.000Z',
          timeZone: 'Europe/Berlin',
        },
      };
      assert.deepEqual(await openAttendance(world.deps, await world.actor('katrin'), await world.session()), tooEarly);
      // Ten hours before the start, on the session day: still closed.
      world.clock.advance(Date.parse('2027-02-11T03:00:00Z') - world.clock.now().toMillis());
      assert.deepEqual(await openAttendance(world.deps, await world.actor('katrin'), await world.session()), tooEarly);
      const presence = { [`presence-${SEATS[0]!.id}`]: 'inPerson' };
      assert.deepEqual(
        await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 0, presence),
        tooEarly,
        'nothing is recorded either',
      );
      assert.equal((await world.session()).state, 'invited');
      world.clock.advance(Date.parse('2027-02-11T11:59:00Z') - world.clock.now().toMillis());
      assert.equal((await openAttendance(world.deps, await world.actor('katrin'), await world.session())).ok, false);
      world.clock.advance(60_000);
      assert.equal((await openAttendance(world.deps, await world.actor('katrin'), await world.session())).ok, true);
    });

    it('is prefilled from the answers, and saving marks the session held', async () => {
      world.clock.advance(Date.parse('2027-02-11T12:00:00Z') - world.clock.now().toMillis());
      const opened = await openAttendance(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(opened.ok);
      assert.deepEqual(
        opened.value.entries.map((entry) => [entry.institution, entry.presence, entry.name]),
        [
          ['Agentur für Arbeit Leipzig', 'online', 'Birgit Lehmann'],
          ['IHK zu Leipzig', 'inPerson', 'Dr. Ada Beispiel'],
          ['Jobcenter Leipzig', 'absent', ''],
        ],
      );
      const fields = Object.fromEntries(
        opened.value.entries.flatMap((entry) => [
          [`presence-${entry.seatId}`, entry.presence],
          [`name-${entry.seatId}`, entry.name],
        ]),
      );
      fields[`presence-${opened.value.entries[2]!.seatId}`] = 'inPerson';
      fields[`name-${opened.value.entries[2]!.seatId}`] = 'Sabine Hoffmann';
      const saved = await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 0, fields);
      assert.ok(saved.ok);
      assert.equal(saved.value.entries[2]?.presence, 'inPerson');
      assert.equal((await world.session()).state, 'held');
      const stale = await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 0, fields);
      assert.equal(!stale.ok && stale.error.kind, 'outdated');
      const tampered = await recordAttendance(world.deps, await world.actor('katrin'), SESSION_1, 1, {
        ...fields,
        [`presence-${opened.value.entries[0]!.seatId}`]: 'everywhere',
      });
      assert.equal(!tampered.ok && tampered.error.kind, 'invalid');
      const byMember = await recordAttendance(world.deps, await world.actor('birgit'), SESSION_1, 1, fields);
      assert.equal(!byMember.ok && byMember.error.kind, 'notAllowed');
    });
  });
});

describe('app/sessions: attendance of a large committee, page by page', () => {
  let temp: TempStore;
  let world: SessionWorld;
  beforeEach(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store, 30);
    assert.ok(
      (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
    );
    world.clock.advance(Date.parse('2027-02-11T12:00:00Z') - world.clock.now().toMillis());
  });
  afterEach(async () => temp.cleanup());

  it('saves one page without touching the others', async () => {
    const actor = await world.actor('katrin');
    const second = await openAttendance(world.deps, actor, await world.session(), 2);
    assert.ok(second.ok);
    assert.deepEqual([second.value.page, second.value.pages, second.value.entries.length], [2, 2, 8]);
    const fields = Object.fromEntries(
      second.value.entries.flatMap((entry) => [
        [`presence-${entry.seatId}`, 'online'],
        [`name-${entry.seatId}`, 'Vertretung'],
      ]),
    );
    const saved = await recordAttendance(world.deps, actor, SESSION_1, 0, fields, 2);
    assert.ok(saved.ok);
    const first = await openAttendance(world.deps, actor, await world.session(), 1);
    assert.ok(first.ok);
    assert.ok(
      first.value.entries.every((entry) => entry.presence === 'absent'),
      'page one keeps its proposal',
    );
    assert.ok(saved.value.entries.every((entry) => entry.presence === 'online'));
    assert.equal(
      !(await recordAttendance(world.deps, actor, SESSION_1, 1, {}, 1)).ok,
      true,
      'an empty page saves nothing',
    );
  });
});
