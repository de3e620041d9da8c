import assert from 'node:assert/strict';
import { openAgenda, moveAgendaItem, saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { callForTopics } from '../../../src/app/agenda/call-for-topics';
import type { AgendaDocument } from '../../../src/app/agenda/agenda-document';
import { NO_QUESTIONS, personGoAhead } from '../../../src/domain/confirmation/go-ahead';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import type { SubmissionDocument } from '../../../src/app/agenda/submission-document';
import { decideTopic } from '../../../src/app/agenda/triage-topics';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument } from '../../../src/app/documents';
import type { Query, Stored } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { editSession } from '../../../src/app/sessions/edit-session';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import type { WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import { approveAgreements, minutesWith } from '../agreements/agreement-fixtures';

const SESSION_2 = 'session-2027-2';

for (const engine of ENGINES) {
  describe(`app/agenda: from the call for topics to the published agenda, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
    const submissions = () => world.store.query<SubmissionDocument>(COMMITTEE, { type: 'topicSubmission' });
    const committee = async () => (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
    const access = async (sessionId = SESSION_1) => ({
      committee: await committee(),
      session: await world.session(sessionId),
    });
    const drafts = async (prefix: string) =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
        .filter((dispatch) => dispatch.dispatchId.startsWith(prefix))
        .flatMap((dispatch) => dispatch.drafts);
    async function submit(
      who: 'lena' | 'birgit' | 'katrin',
      title: string,
      extra: Record<string, unknown> = {},
    ): Promise<Stored<SubmissionDocument>> {
      const result = await submitTopic(world.deps, await world.actor(who), {
        kind: 'topic',
        title,
        description: `${title} – Beschreibung`,
        ...extra,
      });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
      return result.value.submission;
    }
    async function decide(
      submission: SubmissionDocument,
      input: Record<string, unknown>,
      who: 'katrin' | 'birgit' = 'katrin',
    ) {
      return decideTopic(world.deps, await world.actor(who), submission.id, submission.revision, input);
    }

    it('stores one submission when the same line arrives many times at once, and every different one', async () => {
      const actor = await world.actor('lena');
      const same = await Promise.all(
        Array.from({ length: 10 }, () =>
          submitTopic(world.deps, actor, { kind: 'topic', title: 'Ausbildungsabbrüche' }),
        ),
      );
      assert.equal(same.filter((result) => result.ok).length, 1);
      assert.ok(same.every((result) => result.ok || result.error.kind === 'duplicate'));
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          submitTopic(world.deps, actor, { kind: 'need', title: `Bedarf ${index}` }),
        ),
      );
      assert.equal((await submissions()).length, 11);
    });

    it('moves the deadline with a rescheduled session: a topic after the old deadline still reaches it', async () => {
      const moved = await editSession(
        world.deps,
        await world.actor('katrin'),
        SESSION_1,
        (await world.session()).revision,
        { date: '2027-03-11', time: '14:00' },
      );
      assert.ok(moved.ok);
      at('2027-02-01T10:00:00.000Z');
      assert.equal((await submit('lena', 'Nach der alten Frist')).sessionId, SESSION_1);
    });

    it('accepts a topic as an item before any other business and tells the submitter, once', async () => {
      const topic = await submit('lena', 'Ausbildungsabbrüche');
      assert.deepEqual(
        await decide(
          topic,
          { decision: 'accept', presenter: 'Birgit Lehmann', minutes: '25', kind: 'decision' },
          'birgit',
        ),
        { ok: false, error: { kind: 'notAllowed' } },
      );
      assert.deepEqual(
        await decideTopic(world.deps, await world.actor('katrin'), topic.id, topic.revision - 1, { decision: 'defer' }),
        { ok: false, error: { kind: 'outdated' } },
      );
      const accepted = await decide(topic, {
        decision: 'accept',
        presenter: 'Birgit Lehmann',
        minutes: '25',
        kind: 'decision',
      });
      assert.ok(accepted.ok);
      const again = await decide(topic, { decision: 'decline', reason: 'doch nicht' });
      assert.equal(!again.ok && again.error.kind, 'alreadyDecided');
      const view = await openAgenda(world.deps, await access());
      assert.deepEqual(
        view.items.map((item) => [item.id === 'opening' || item.id === 'other' ? item.id : item.title, item.minutes]),
        [
          ['opening', 10],
          ['Ausbildungsabbrüche', 25],
          ['other', 5],
        ],
      );
      assert.equal(view.totalMinutes, 40);
      const told = await drafts('topic-decision:');
      assert.deepEqual(
        told.map((draft) => [
          draft.recipient.kind === 'person' && draft.recipient.aadObjectId,
          draft.message.data.decision,
        ]),
        [[PEOPLE.lena, 'accept']],
      );
      assert.equal((await submissions())[0]?.status, 'accepted');
    });

    it('merges, defers to the following session and declines with the reason', async () => {
      const first = await submit('lena', 'Sprachförderung');
      const second = await submit('birgit', 'Deutschkurse für Azubis');
      const third = await submit('lena', 'Wohnungssuche');
      const fourth = await submit('lena', 'Kita-Plätze');
      assert.ok((await decide(first, { decision: 'accept', minutes: 20, kind: 'discussion' })).ok);
      const itemId = (await openAgenda(world.deps, await access())).items[1]!.id;
      assert.equal(
        (await decide(second, { decision: 'merge', mergeInto: 'opening' })).ok,
        false,
        'not into a standard item',
      );
      assert.ok((await decide(second, { decision: 'merge', mergeInto: itemId })).ok);
      assert.ok((await decide(third, { decision: 'defer' })).ok);
      const declined = await decide(fourth, { decision: 'decline', reason: 'Zuständig ist der Stadtrat.' });
      assert.ok(declined.ok);
      const stored = new Map((await submissions()).map((submission) => [submission.content.title, submission]));
      assert.equal(stored.get('Deutschkurse für Azubis')?.status, 'merged');
      assert.deepEqual(
        [
          stored.get('Wohnungssuche')?.status,
          stored.get('Wohnungssuche')?.sessionId,
          stored.get('Wohnungssuche')?.deferredFrom,
        ],
        ['submitted', SESSION_2, '2027/1'],
      );
      assert.equal(stored.get('Kita-Plätze')?.decision?.reason, 'Zuständig ist der Stadtrat.');
      const agenda = await openAgenda(world.deps, await access());
      assert.deepEqual(agenda.items[1]?.submissionIds, [first.id, second.id]);
      const told = await drafts('topic-decision:');
      assert.deepEqual(told.map((draft) => draft.message.data.decision).sort(), [
        'accept',
        'decline',
        'defer',
        'merge',
      ]);
      assert.equal(
        told.find((draft) => draft.message.data.decision === 'decline')?.message.data.reason,
        'Zuständig ist der Stadtrat.',
      );
      assert.equal(
        told.find((draft) => draft.message.data.decision === 'defer')?.message.data.nextSessionNumber,
        '2027/2',
      );
    });

    it('builds the standard items from agreements of earlier sessions and temporary working groups reporting at the session', async () => {
      const group: WorkingGroupDocument = {
        id: 'workinggroup-ag3',
        committeeId: COMMITTEE,
        type: 'workingGroup',
        name: 'AG 3 Fachkräfteeinwanderungsgesetz',
        mandate: 'm',
        members: '',
        startsOn: '2026-01-01',
        plannedEndOn: '2027-12-31',
        reportSessionId: SESSION_1,
        state: 'active',
        revision: 1,
        createdAt: 'x',
        updatedAt: 'x',
        updatedBy: 'x',
      };
      await world.store.upsert(group);
      await approveAgreements(world, minutesWith([{ id: 'a1', dueDate: '2027-03-31' }]));
      // Agreements made at 2027/1 are reported from the next session on, not at their own.
      const view = await openAgenda(world.deps, await access());
      assert.deepEqual(
        view.items.map((item) => item.id),
        ['opening', 'report-workinggroup-ag3', 'other'],
      );
      assert.equal(view.items[1]?.title, 'AG 3 Fachkräfteeinwanderungsgesetz');
      assert.deepEqual(
        (await openAgenda(world.deps, await access(SESSION_2))).items.map((item) => item.id),
        ['opening', 'agreements', 'other'],
      );
    });

    it('reorders and edits items on the version the card showed; an outdated card changes nothing', async () => {
      for (const title of ['Eins', 'Zwei'])
        assert.ok(
          (await decide(await submit('lena', title), { decision: 'accept', minutes: 30, kind: 'information' })).ok,
        );
      const before = await openAgenda(world.deps, await access());
      const [, one, two] = before.items;
      const moved = await moveAgendaItem(world.deps, await access(), PEOPLE.katrin, before.revision, two!.id, 'up');
      assert.ok(moved.ok);
      assert.deepEqual(
        moved.value.items.slice(1, 3).map((item) => item.title),
        ['Zwei', 'Eins'],
      );
      const stale = await moveAgendaItem(world.deps, await access(), PEOPLE.katrin, before.revision, one!.id, 'up');
      assert.equal(!stale.ok && stale.error.kind, 'outdated');
      const fixed = await moveAgendaItem(
        world.deps,
        await access(),
        PEOPLE.katrin,
        moved.value.revision,
        'other',
        'up',
      );
      assert.equal(!fixed.ok && fixed.error.kind, 'cannotMove');
      const edited = await saveAgendaItem(world.deps, await access(), PEOPLE.katrin, moved.value.revision, one!.id, {
        title: 'Eins, neu',
        presenter: 'IHK',
        minutes: '200',
        kind: 'decision',
      });
      assert.ok(edited.ok);
      assert.equal(edited.value.totalMinutes, 10 + 30 + 200 + 5);
      assert.ok(edited.value.totalMinutes > edited.value.sessionMinutes);
      const invalid = await saveAgendaItem(world.deps, await access(), PEOPLE.katrin, edited.value.revision, '', {
        title: '',
        minutes: '0',
        kind: 'x',
      });
      assert.equal(!invalid.ok && invalid.error.kind, 'invalid');
      assert.equal((await openAgenda(world.deps, await access())).revision, edited.value.revision);
    });

    it('publishes with the invitation, marks changes in the next version and tells everyone who had it', async () => {
      const katrin = await world.actor('katrin');
      assert.ok(
        (
          await decide(await submit('lena', 'Ausbildungsabbrüche'), {
            decision: 'accept',
            minutes: 20,
            kind: 'discussion',
          })
        ).ok,
      );
      const first = await publishAgendaAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS);
      assert.ok(first.ok, JSON.stringify(!first.ok && first.error));
      assert.deepEqual([first.value.version, first.value.session.state], [1, 'invited']);
      const invitations = await drafts('invite:');
      assert.equal(invitations.length, 3);
      assert.deepEqual(
        (invitations[0]!.message.data.agenda as { items: Array<{ title: string }> }).items.map((item) => item.title),
        ['', 'Ausbildungsabbrüche', ''],
      );
      assert.deepEqual(
        (await drafts('agenda:session-2027-1:v1')).map(
          (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId,
        ),
        [PEOPLE.lena],
        'the working group, 1:1 without a channel',
      );
      const unchanged = await publishAgendaAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS);
      assert.deepEqual(unchanged, { ok: false, error: { kind: 'unchanged', version: 1 } });

      assert.ok(
        (
          await decide(await submit('birgit', 'Kinderbetreuung'), {
            decision: 'accept',
            minutes: 15,
            kind: 'information',
          })
        ).ok,
      );
      // With the invitations out, the roster read for the invitees serves the other recipients too,
      // and it comes in the query of the agenda's agreements and sessions.
      const personQueries: Array<readonly string[]> = [];
      const counted = new Proxy(world.deps.store, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (property !== 'query' || typeof value !== 'function') return value;
          return (committeeId: string, query: Query) => {
            const types = [query.type].flat();
            if (types.includes('person')) personQueries.push(types);
            return (value as (...parameters: unknown[]) => unknown).call(target, committeeId, query);
          };
        },
      });
      const second = await publishAgendaAsSecretariat(
        { ...world.deps, store: counted },
        katrin,
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(second.ok);
      assert.deepEqual(personQueries, [['agreement', 'session', 'seat', 'person']]);
      const changed = await drafts('agenda:session-2027-1:v2');
      assert.deepEqual(changed.map((draft) => draft.message.data.banner ?? draft.message.kind).sort(), [
        'agenda',
        'agendaChanged',
        'agendaChanged',
        'agendaChanged',
      ]);
      const marked = (await world.session()).agenda!.items.map((item) => [item.title, item.change ?? '']);
      assert.deepEqual(marked, [
        ['', ''],
        ['Ausbildungsabbrüche', ''],
        ['Kinderbetreuung', 'new'],
        ['', ''],
      ]);
      const stored = await world.store.get<AgendaDocument>(COMMITTEE, 'agenda-session-2027-1');
      assert.deepEqual(
        [...(stored?.recipients ?? [])].sort(),
        [PEOPLE.birgit, PEOPLE.lena, PEOPLE.sabine, PEOPLE.yusuf].sort(),
      );
    });

    it('asks the secretariat before a publication after the agenda lead time, and publishes once confirmed', async () => {
      at('2027-01-28T08:00:01.000Z');
      const katrin = await world.actor('katrin');
      const late = await publishAgendaAsSecretariat(
        world.deps,
        katrin,
        await world.session(),
        personGoAhead(undefined),
      );
      assert.ok(!late.ok && late.error.kind === 'askFirst', JSON.stringify(late));
      assert.deepEqual(late.error.question.reasons, [
        { kind: 'agendaLate', dueAt: '2027-01-28T08:00:00.000Z' },
        { kind: 'detailsMissing', missing: ['place', 'onlineLink'] },
      ]);
      assert.equal((await world.session()).state, 'planned');
      assert.equal((await drafts('invite:')).length, 0, 'nothing sent before the confirmation');
      const confirmed = personGoAhead(true, late.error.question.basis);
      assert.ok((await publishAgendaAsSecretariat(world.deps, katrin, await world.session(), confirmed)).ok);
      assert.deepEqual(
        await publishAgendaAsSecretariat(world.deps, await world.actor('birgit'), await world.session(), confirmed),
        { ok: false, error: { kind: 'notAllowed' } },
      );
    });

    it('runs the cycle by itself: call for topics, deadline note, agenda with the invitations', async () => {
      const run = () => runDueJobs({ ...world.deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS);
      at('2026-12-31T08:00:00.000Z');
      await run();
      assert.equal((await world.session()).state, 'planned', 'the call changes no state');
      assert.equal((await world.session()).topicsCalledAt, '2026-12-31T08:00:00.000Z', 'the call is recorded');
      assert.deepEqual(
        (await drafts('call:')).map((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId),
        [PEOPLE.lena],
      );
      await submit('lena', 'Ausbildungsabbrüche');
      at('2027-01-21T23:00:00.000Z');
      await run();
      assert.deepEqual(
        (await drafts('topics-closed:')).map((draft) => [
          draft.recipient.kind === 'person' && draft.recipient.aadObjectId,
          draft.message.data.undecided,
        ]),
        [[PEOPLE.katrin, 1]],
      );
      at('2027-01-28T08:00:00.000Z');
      await run();
      assert.equal((await world.session()).state, 'invited');
      assert.equal((await world.session()).agenda?.version, 1);
      assert.equal((await world.session()).topicsCalledAt, '2026-12-31T08:00:00.000Z', 'inviting keeps the call');
      assert.deepEqual(
        await callForTopics(world.deps, await committee(), await world.session(), 'scheduler').then(
          (result) => !result.ok && result.error.kind,
        ),
        'alreadyCalled',
      );
    });
  });
}
