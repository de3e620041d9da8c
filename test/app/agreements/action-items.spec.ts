import assert from 'node:assert/strict';
import { openAgenda } from '../../../src/app/agenda/build-agenda';
import {
  AGREEMENT_FOLLOW_UP_JOB,
  AGREEMENT_JOB_HANDLERS,
  followUpAgreements,
  followUpSubject,
} from '../../../src/app/agreements/agreement-follow-up';
import { followUpActionItems } from '../../../src/app/agreements/action-items-on-approval';
import {
  changeActionStatus,
  decideDueDate,
  openActionItem,
  proposeDueDate,
} from '../../../src/app/agreements/change-action-item';
import {
  defaultScope,
  filterFromArgument,
  filterFromCard,
  listActionItems,
} from '../../../src/app/agreements/list-action-items';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { silentLogger } from '../../../src/app/ports/logger';
import { ConflictError } from '../../../src/app/ports/store-errors';
import { jobDocumentId, type JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import {
  agreement,
  approveAgreements,
  at,
  committeeOf,
  draftsOf,
  minutesWith,
  recipientOf,
} from './agreement-fixtures';

const SESSION_2 = 'session-2027-2';
const SESSION_3 = 'session-2027-3';

for (const engine of ENGINES) {
  describe(`app/agreements: action items from approval to the next agenda, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      at(world, '2027-02-15T10:00:00.000Z');
    });
    afterEach(async () => close());

    const status = async (
      who: 'yusuf' | 'katrin' | 'birgit',
      id: string,
      revision: number,
      target: string,
      note?: string,
    ) => changeActionStatus(world.deps, await world.actor(who), id, revision, { status: target, note });

    it('creates one action item per agreement, once, and sends each responsible person the card 1:1', async () => {
      await world.addPerson('12345678-0000-4000-8000-00000000dead', 'Ehemalige Person', []);
      const minutes = minutesWith([
        { id: 'a1', dueDate: '2027-03-31' },
        { id: 'a2', dueDate: '2027-04-30', responsibleId: PEOPLE.birgit, institution: 'Agentur für Arbeit Leipzig' },
        { id: 'a3', dueDate: '2027-04-30', responsibleId: '12345678-0000-4000-8000-000000000404' },
      ]);
      const drafts = await approveAgreements(world, minutes);
      assert.deepEqual(
        drafts.map((draft) => [
          recipientOf(draft),
          draft.message.kind,
          (draft.message.data as { notice: string }).notice,
        ]),
        [
          ['yusuf', 'actionItem', 'created'],
          ['birgit', 'actionItem', 'created'],
          ['katrin', 'actionItem', 'unreachable'],
        ],
      );
      const item = await agreement(world, 'a1');
      assert.deepEqual(
        [item.status, item.revision, item.itemTitle, item.responsibleName, item.history.map((event) => event.kind)],
        ['open', 1, 'Ausbildungsabbrüche', 'Yusuf Demir', ['created']],
      );
      await assert.rejects(approveAgreements(world, minutes), ConflictError);
      assert.equal((await world.store.query(COMMITTEE, { type: 'agreement' })).length, 3);
    });

    it('changes the status with history; others are refused and an outdated card changes nothing', async () => {
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const id = (await agreement(world, 'a1')).id;
      assert.equal(
        (await status('birgit', id, 1, 'done')).ok === false &&
          ((await status('birgit', id, 1, 'done')) as { error: { kind: string } }).error.kind,
        'notResponsible',
      );
      const started = await status('yusuf', id, 1, 'inProgress', 'Angefragt');
      assert.ok(started.ok);
      assert.equal(started.value.view.revision, 2);
      const stale = await status('yusuf', id, 1, 'done');
      assert.equal(!stale.ok && stale.error.kind, 'outdated');
      assert.equal(!stale.ok && 'view' in stale.error && stale.error.view.status, 'inProgress');
      const tooLong = await status('yusuf', id, 2, 'done', 'x'.repeat(1001));
      assert.equal(!tooLong.ok && tooLong.error.kind === 'invalid' && tooLong.error.code, 'tooLong');
      const markup = await status('yusuf', id, 2, 'done', '<b>fertig</b>');
      assert.equal(!markup.ok && markup.error.kind === 'invalid' && markup.error.code, 'markup');
      assert.ok((await status('yusuf', id, 2, 'done', 'Zahlen geliefert')).ok);
      const again = await status('yusuf', id, 3, 'inProgress');
      assert.equal(!again.ok && again.error.kind, 'done');
      const item = await agreement(world, 'a1');
      assert.equal(item.status, 'done');
      assert.equal(item.doneAt, '2027-02-15T10:00:00.000Z');
      assert.deepEqual(
        item.history.map((event) => [event.kind, event.status, event.by === PEOPLE.yusuf, event.note]),
        [
          ['created', 'open', false, undefined],
          ['status', 'inProgress', true, 'Angefragt'],
          ['status', 'done', true, 'Zahlen geliefert'],
        ],
      );
      const reopened = await status('katrin', id, 3, 'inProgress', 'Noch nicht vollständig');
      assert.ok(reopened.ok);
      assert.equal((await agreement(world, 'a1')).doneAt, undefined);
      assert.deepEqual(
        (await draftsOf(world, `action:${id}:r4`)).map((draft) => [
          recipientOf(draft),
          (draft.message.data as { notice: string }).notice,
        ]),
        [['yusuf', 'changed']],
      );
    });

    it('lets exactly one of two simultaneous changes through; the other is outdated', async () => {
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const id = (await agreement(world, 'a1')).id;
      const results = await Promise.all([status('yusuf', id, 1, 'inProgress'), status('katrin', id, 1, 'done')]);
      assert.equal(results.filter((result) => result.ok).length, 1);
      assert.equal(results.filter((result) => !result.ok && result.error.kind === 'outdated').length, 1);
      assert.equal((await agreement(world, 'a1')).revision, 2);
    });

    it('alerts every other person of the secretariat 1:1 when an item is blocked, in the same step', async () => {
      await world.addPerson('12345678-0000-4000-8000-000000000777', 'Zweite Geschäftsstelle', ['secretariat']);
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const id = (await agreement(world, 'a1')).id;
      const noNote = await status('yusuf', id, 1, 'blocked');
      assert.equal(!noNote.ok && noNote.error.kind, 'noteRequired');
      assert.ok((await status('yusuf', id, 1, 'blocked', 'Die Kammer liefert keine Zahlen')).ok);
      const alerts = await draftsOf(world, `action:${id}:r2`);
      assert.deepEqual(
        alerts.map((draft) => [recipientOf(draft), (draft.message.data as { notice: string }).notice]).sort(),
        [
          ['12345678-0000-4000-8000-000000000777', 'blocked'],
          ['katrin', 'blocked'],
        ],
      );
    });

    it('takes a proposed due date to the secretariat, who accepts or declines it; the responsible person is told', async () => {
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      const id = (await agreement(world, 'a1')).id;
      const yusuf = await world.actor('yusuf');
      const past = await proposeDueDate(world.deps, yusuf, id, 1, { dueDate: '2027-02-14', note: '' });
      assert.equal(!past.ok && past.error.kind === 'invalid' && past.error.code, 'past');
      const bad = await proposeDueDate(world.deps, yusuf, id, 1, { dueDate: '2027-02-30', note: '' });
      assert.equal(!bad.ok && bad.error.kind === 'invalid' && bad.error.code, 'invalid');
      const birgit = await proposeDueDate(world.deps, await world.actor('birgit'), id, 1, {
        dueDate: '2027-04-30',
        note: '',
      });
      assert.equal(!birgit.ok && birgit.error.kind, 'notResponsible');
      assert.ok(
        (await proposeDueDate(world.deps, yusuf, id, 1, { dueDate: '2027-04-30', note: 'Zahlen erst im April' })).ok,
      );
      assert.deepEqual(
        (await draftsOf(world, `action:${id}:r2`)).map((draft) => [
          recipientOf(draft),
          (draft.message.data as { notice: string }).notice,
        ]),
        [['katrin', 'proposal']],
      );
      const byMember = await decideDueDate(world.deps, yusuf, id, 2, { decision: 'accept', note: '' });
      assert.equal(!byMember.ok && byMember.error.kind, 'notSecretariat');
      const katrin = await world.actor('katrin');
      assert.ok((await decideDueDate(world.deps, katrin, id, 2, { decision: 'accept', note: '' })).ok);
      let item = await agreement(world, 'a1');
      assert.deepEqual([item.dueDate, item.proposedDueDate, item.revision], ['2027-04-30', undefined, 3]);
      assert.deepEqual(
        (await draftsOf(world, `action:${id}:r3`)).map((draft) => [
          recipientOf(draft),
          (draft.message.data as { notice: string }).notice,
        ]),
        [['yusuf', 'accepted']],
      );
      const none = await decideDueDate(world.deps, katrin, id, 3, { decision: 'decline', note: '' });
      assert.equal(!none.ok && none.error.kind, 'noProposal');
      assert.ok((await proposeDueDate(world.deps, yusuf, id, 3, { dueDate: '2027-06-30', note: '' })).ok);
      assert.ok((await decideDueDate(world.deps, katrin, id, 4, { decision: 'decline', note: 'Bitte bis April' })).ok);
      item = await agreement(world, 'a1');
      assert.deepEqual([item.dueDate, item.proposedDueDate], ['2027-04-30', undefined]);
      assert.deepEqual(
        item.history.map((event) => event.kind),
        ['created', 'dueDateProposed', 'dueDateAccepted', 'dueDateProposed', 'dueDateDeclined'],
      );
    });

    it('reminds a week before and on the due date, and escalates overdue items on Mondays, without duplicates across reruns', async () => {
      await approveAgreements(
        world,
        minutesWith([
          { id: 'a1', dueDate: '2027-03-31' },
          { id: 'a2', dueDate: '2027-02-20' },
        ]),
      );
      await followUpActionItems(world.deps, await committeeOf(world));
      await followUpActionItems(world.deps, await committeeOf(world));
      const jobs = await world.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: followUpSubject(COMMITTEE) }],
      });
      assert.deepEqual(
        jobs.map((job) => [job.kind, job.dueAt]),
        [[AGREEMENT_FOLLOW_UP_JOB, '2027-02-16T08:00:00.000Z']],
      );
      const run = () => runDueJobs({ ...world.deps, logger: silentLogger, instanceId: 'test' }, AGREEMENT_JOB_HANDLERS);
      const reminders = async () =>
        (await draftsOf(world, 'action-reminder:')).map(
          (draft) => `${recipientOf(draft)}:${(draft.message.data as { notice: string }).notice}`,
        );

      // Day by day at 09:00 Berlin from 16 February to 2 April: each run schedules the next.
      for (let day = 0; day < 46; day += 1) {
        at(world, new Date(Date.parse('2027-02-16T08:00:00.000Z') + day * 86_400_000).toISOString());
        await run();
        await run();
      }
      assert.deepEqual((await reminders()).sort(), ['yusuf:dueToday', 'yusuf:dueToday', 'yusuf:weekBefore']);
      const digests = await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
      const weekly = digests
        .filter((dispatch) => dispatch.dispatchId.startsWith('action-overdue:'))
        .map((dispatch) => dispatch.dispatchId)
        .sort();
      // a2 is overdue from 21 February (a Sunday): Mondays 22 Feb … 29 Mar, once each; a1 is not overdue before 1 April.
      assert.deepEqual(weekly, [
        'action-overdue:2027-W08',
        'action-overdue:2027-W09',
        'action-overdue:2027-W10',
        'action-overdue:2027-W11',
        'action-overdue:2027-W12',
        'action-overdue:2027-W13',
      ]);
      const job = await world.store.get<JobDocument>(
        COMMITTEE,
        jobDocumentId(AGREEMENT_FOLLOW_UP_JOB, followUpSubject(COMMITTEE)),
      );
      assert.equal(job?.status, 'scheduled');
      assert.equal(job?.dueAt, '2027-04-03T07:00:00.000Z');
    });

    it('reminds again for a moved due date', async () => {
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-02-22' }]));
      const id = (await agreement(world, 'a1')).id;
      at(world, '2027-02-22T08:00:00.000Z');
      assert.deepEqual(await followUpAgreements(world.deps, await committeeOf(world), '2027-02-22'), {
        reminders: 1,
        digests: 0,
      });
      assert.deepEqual(await followUpAgreements(world.deps, await committeeOf(world), '2027-02-22'), {
        reminders: 0,
        digests: 0,
      });
      assert.ok(
        (await proposeDueDate(world.deps, await world.actor('yusuf'), id, 1, { dueDate: '2027-03-01', note: '' })).ok,
      );
      assert.ok(
        (await decideDueDate(world.deps, await world.actor('katrin'), id, 2, { decision: 'accept', note: '' })).ok,
      );
      at(world, '2027-03-01T08:00:00.000Z');
      assert.deepEqual(await followUpAgreements(world.deps, await committeeOf(world), '2027-03-01'), {
        reminders: 1,
        digests: 0,
      });
    });

    it('lists my items, all, overdue ones, and those of an institution', async () => {
      await approveAgreements(
        world,
        minutesWith([
          { id: 'a1', dueDate: '2027-03-31' },
          { id: 'a2', dueDate: '2027-02-16', responsibleId: PEOPLE.birgit, institution: 'Agentur für Arbeit Leipzig' },
          { id: 'a3', dueDate: '2027-02-17', responsibleId: PEOPLE.sabine, institution: 'Jobcenter Leipzig' },
        ]),
      );
      at(world, '2027-02-17T10:00:00.000Z');
      const list = async (who: 'yusuf' | 'lena', argument: string) => {
        const result = await listActionItems(world.deps, await world.actor(who), filterFromArgument(argument));
        assert.ok(result.ok);
        return result.value.lines.map((line) => line.agreementId.slice(-2));
      };
      assert.deepEqual(await list('yusuf', ''), ['a1']);
      assert.deepEqual(await list('yusuf', 'alle'), ['a2', 'a3', 'a1']);
      assert.deepEqual(await list('yusuf', 'überfällig'), ['a2']);
      assert.deepEqual(await list('lena', 'jobcenter'), ['a3']);
      assert.deepEqual(filterFromCard({ scope: 'overdue', institution: '*', page: '2' }), {
        scope: 'overdue',
        institution: '',
        page: 2,
      });
      assert.deepEqual(filterFromCard({ scope: 'everything', page: -1 }), { scope: 'mine', institution: '', page: 1 });
      await world.addPerson('12345678-0000-4000-8000-000000000999', 'Ohne Rolle', []);
      assert.deepEqual(
        await listActionItems(
          world.deps,
          await world.actor('12345678-0000-4000-8000-000000000999'),
          filterFromArgument(''),
        ),
        { ok: false, error: { kind: 'notAllowed' } },
      );
      const view = await openActionItem(world.deps, await world.actor('lena'), (await agreement(world, 'a1')).id);
      assert.ok(view.ok && !view.value.canChange);
      assert.deepEqual(await openActionItem(world.deps, await world.actor('lena'), 'agreement-../x'), {
        ok: false,
        error: { kind: 'unknownItem' },
      });
      assert.deepEqual(await openActionItem(world.deps, await world.actor('lena'), 'session-2027-1'), {
        ok: false,
        error: { kind: 'unknownItem' },
      });
    });

    it('opens the secretariat on every open item of the committee, everyone else on their own', async () => {
      await approveAgreements(
        world,
        minutesWith([
          { id: 'a1', dueDate: '2027-03-31' },
          { id: 'a2', dueDate: '2027-02-16', responsibleId: PEOPLE.birgit, institution: 'Agentur für Arbeit Leipzig' },
          { id: 'a3', dueDate: '2027-02-17', responsibleId: PEOPLE.sabine, institution: 'Jobcenter Leipzig' },
        ]),
      );
      at(world, '2027-02-17T10:00:00.000Z');
      const done = await changeActionStatus(
        world.deps,
        await world.actor('sabine'),
        (await agreement(world, 'a3')).id,
        (await agreement(world, 'a3')).revision,
        { status: 'done', note: '' },
      );
      assert.ok(done.ok);
      const opened = async (who: 'katrin' | 'yusuf', argument = '') => {
        const actor = await world.actor(who);
        const result = await listActionItems(world.deps, actor, filterFromArgument(argument, defaultScope(actor)));
        assert.ok(result.ok);
        return [result.value.filter.scope, ...result.value.lines.map((line) => line.agreementId.slice(-2))];
      };
      assert.deepEqual(await opened('katrin'), ['open', 'a2', 'a1'], 'the secretariat: every item not done');
      assert.deepEqual(await opened('yusuf'), ['mine', 'a1'], 'a member: their own');
      assert.deepEqual(await opened('katrin', 'meine'), ['mine']);
      assert.deepEqual(await opened('katrin', 'alle'), ['all', 'a2', 'a1', 'a3'], 'done ones too, last');
      assert.deepEqual(await opened('yusuf', 'offen'), ['open', 'a2', 'a1']);
      const secretariat = await world.actor('katrin');
      assert.equal(filterFromCard({ page: 2 }, defaultScope(secretariat)).scope, 'open');
    });

    it('reports open and recently done agreements under the next agendas, with their status', async () => {
      await approveAgreements(
        world,
        minutesWith([
          { id: 'a1', dueDate: '2027-03-31' },
          { id: 'a2', dueDate: '2027-04-30' },
        ]),
      );
      const a2 = (await agreement(world, 'a2')).id;
      at(world, '2027-03-01T10:00:00.000Z');
      assert.ok((await status('yusuf', a2, 1, 'done')).ok);
      const committee = await committeeOf(world);
      const agendaOf = async (sessionId: string) =>
        openAgenda(world.deps, { committee: { ...committee, _etag: '' }, session: await world.session(sessionId) });
      const second = await agendaOf(SESSION_2);
      assert.ok(second.items.some((item) => item.id === 'agreements'));
      assert.deepEqual(
        second.agreements.shown.map((line) => [line.agreementId.slice(-2), line.status]),
        [
          ['a1', 'open'],
          ['a2', 'done'],
        ],
      );
      // At 2027/3 the agreement done before 2027/2 is no longer reported; the open one still is.
      const third = await agendaOf(SESSION_3);
      assert.deepEqual(
        third.agreements.shown.map((line) => [line.agreementId.slice(-2), line.status]),
        [['a1', 'open']],
      );
      assert.deepEqual((await agendaOf(SESSION_1)).agreements.total, 0);
    });
  });
}
