import assert from 'node:assert/strict';
import { NO_QUESTIONS, personGoAhead, type GoAhead } from '../../../src/domain/confirmation/go-ahead';
import type { AgreementDocument } from '../../../src/app/agreements/agreement-document';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { saveMinutesItem } from '../../../src/app/minutes/edit-minutes';
import { minutesVersionDocumentId, type MinutesVersionDocument } from '../../../src/app/minutes/minutes-document';
import { MINUTES_JOB_HANDLERS } from '../../../src/app/minutes/minutes-jobs';
import type { MinutesResultsMessage, MinutesReviewMessage } from '../../../src/app/minutes/minutes-messages';
import type { MinutesResponseDocument } from '../../../src/app/minutes/minutes-response-document';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import { respondToMinutes } from '../../../src/app/minutes/respond-to-minutes';
import { silentLogger } from '../../../src/app/ports/logger';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { agreementField } from '../../../src/domain/minutes/minutes-item-edit';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import { committeeAndSession, draftsOf, holdSession, storedMinutes } from './minutes-world';

for (const engine of ENGINES) {
  describe(`app/minutes: from the draft to approved minutes, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      await holdSession(world);
    });
    afterEach(async () => close());

    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
    const open = async () =>
      openOrCreateMinutes(
        world.deps,
        (await committeeAndSession(world)).committee,
        await world.session(),
        PEOPLE.katrin,
      );
    const topicItem = async () => (await open()).items.find((item) => item.title === 'Ausbildungsabbrüche')!;
    async function save(fields: Record<string, unknown>, version?: number, who: string = PEOPLE.katrin) {
      const head = await open();
      return saveMinutesItem(
        world.deps,
        await committeeAndSession(world),
        who,
        version ?? head.version,
        (await topicItem()).itemId,
        fields,
      );
    }
    const withAgreement = {
      summary: 'Die Kammern berichten.',
      result: 'Die Zahlen werden erhoben.',
      [agreementField('new', 'text')]: 'Zahlen vorlegen',
      [agreementField('new', 'responsible')]: PEOPLE.sabine,
      [agreementField('new', 'due')]: '2027-04-30',
    };
    const circulate = async () =>
      circulateMinutes(world.deps, (await committeeAndSession(world)).committee, await world.session(), PEOPLE.katrin);
    const approve = async (goAhead: GoAhead = NO_QUESTIONS) =>
      approveMinutes(world.deps, (await committeeAndSession(world)).committee, await world.session(), PEOPLE.katrin, {
        goAhead,
        automatic: false,
      });
    const respond = async (
      who: 'thomas' | 'birgit' | 'katrin' | 'yusuf',
      fields: Record<string, unknown>,
      version?: number,
    ) =>
      respondToMinutes(
        world.deps,
        await world.actor(who),
        SESSION_1,
        version ?? (await open()).circulation?.version,
        fields,
      );
    const runJobs = () =>
      runDueJobs(
        { ...world.deps, logger: silentLogger, instanceId: 'test' },
        { ...SESSION_JOB_HANDLERS, ...MINUTES_JOB_HANDLERS },
      );

    it('prefills the draft from the published agenda and the attendance, as version 1', async () => {
      const [first, second] = await Promise.all([open(), open()]);
      assert.equal(first._etag, second._etag, 'two first opens create one set of minutes');
      assert.deepEqual(
        first.items.map((item) => [item.title, item.standard ?? '']),
        [
          ['', 'opening'],
          ['Ausbildungsabbrüche', ''],
          ['', 'other'],
        ],
      );
      assert.deepEqual(first.participants, [
        { institution: 'Agentur für Arbeit Leipzig', name: 'Birgit Lehmann', presence: 'online' },
        { institution: 'IHK zu Leipzig', name: '', presence: 'absent' },
        { institution: 'Jobcenter Leipzig', name: 'Thomas Richter', presence: 'inPerson' },
      ]);
      assert.equal(first.status, 'draft');
      assert.equal(first.version, 1);
      assert.equal(first.publishedVersion, undefined, 'no PDF link can be issued before the minutes go out');
      const version = await world.store.get<MinutesVersionDocument>(COMMITTEE, minutesVersionDocumentId(SESSION_1, 1));
      assert.equal(version?.kind, 'draft');
    });

    it('saves every edit as a version with who and when; an outdated card and a past due date change nothing', async () => {
      await open();
      const saved = await save(withAgreement);
      assert.ok(saved.ok, JSON.stringify(!saved.ok && saved.error));
      assert.equal(saved.value.version, 2);
      const version = await world.store.get<MinutesVersionDocument>(COMMITTEE, minutesVersionDocumentId(SESSION_1, 2));
      assert.deepEqual(
        [version?.kind, version?.savedBy, version?.savedAt, version?.changedItemIds],
        ['draft', PEOPLE.katrin, world.clock.now().toUTC().toISO(), [(await topicItem()).itemId]],
      );
      assert.deepEqual(
        (await topicItem()).agreements.map((agreement) => [
          agreement.institution,
          agreement.responsibleId,
          agreement.dueDate,
        ]),
        [['Jobcenter Leipzig', PEOPLE.sabine, '2027-04-30']],
      );

      const outdated = await save({ summary: 'alt' }, 1);
      assert.equal(!outdated.ok && outdated.error.kind, 'outdated');
      const past = await save({ ...withAgreement, [agreementField('new', 'due')]: '2027-02-10' });
      assert.equal(!past.ok && past.error.kind, 'invalid');
      assert.equal((await open()).version, 2);
    });

    it('lets one of two concurrent saves win and tells the other its card is outdated', async () => {
      await open();
      const results = await Promise.all([save({ summary: 'A' }, 1), save({ summary: 'B' }, 1)]);
      assert.equal(results.filter((result) => result.ok).length, 1);
      assert.deepEqual(
        results.filter((result) => !result.ok).map((result) => !result.ok && result.error.kind),
        ['outdated'],
      );
      assert.equal((await open()).version, 2);
    });

    it('circulates to the attendees and the secretariat once, with the deadline at the end of the seventh day', async () => {
      await open();
      await save(withAgreement);
      const circulated = await circulate();
      assert.ok(circulated.ok, JSON.stringify(!circulated.ok && circulated.error));
      assert.equal((await world.session()).state, 'minutesCirculated');
      const head = await storedMinutes(world);
      // Circulated on 11 February 2027 (CET): objections until the end of 18 February.
      assert.deepEqual(
        [head.status, head.publishedVersion, head.circulation?.objectionDeadline, head.circulation?.round],
        ['circulated', 2, '2027-02-18T23:00:00.000Z', 1],
      );
      assert.deepEqual([...(head.circulation?.attendees ?? [])].sort(), [PEOPLE.birgit, PEOPLE.thomas].sort());
      const drafts = await draftsOf(world, 'minutes-circulate:');
      assert.deepEqual(
        drafts.map((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId).sort(),
        [PEOPLE.birgit, PEOPLE.katrin, PEOPLE.thomas].sort(),
      );
      const thomas = drafts.find(
        (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE.thomas,
      )!.message.data as unknown as MinutesReviewMessage;
      assert.deepEqual(
        [thomas.mayAnswer, thomas.items.length, thomas.items[1]?.agreements[0]?.responsibleName],
        [true, 3, 'Sabine Hoffmann'],
      );

      const again = await circulate();
      assert.deepEqual(again, { ok: false, error: { kind: 'alreadyCirculated', version: 2 } });
      assert.equal((await draftsOf(world, 'minutes-circulate:')).length, 3);
    });

    it("takes answers only from attendees, before the deadline, for the circulated version; an answer replaces one's own", async () => {
      await open();
      assert.ok((await circulate()).ok);
      assert.ok((await respond('thomas', { answer_1: 'object', comment_1: 'Bitte Zahlen ergänzen' })).ok);
      assert.ok((await respond('thomas', { answer_1: 'agree' })).ok, 'answering again replaces the first answer');
      assert.equal(!(await respond('katrin', { answer_1: 'agree' })).ok && 'refused', 'refused');
      assert.equal(
        ((await respond('katrin', { answer_1: 'agree' })) as { error: { kind: string } }).error.kind,
        'notRecipient',
      );
      assert.equal(
        ((await respond('yusuf', { answer_1: 'agree' })) as { error: { kind: string } }).error.kind,
        'notRecipient',
      );
      const noComment = await respond('birgit', { answer_0: 'object', comment_0: '' });
      assert.equal(!noComment.ok && noComment.error.kind, 'invalid');
      const oversized = await respond('birgit', { answer_0: 'object', comment_0: 'x'.repeat(1001) });
      assert.equal(!oversized.ok && oversized.error.kind, 'invalid');
      const old = await respond('birgit', { answer_0: 'agree' }, 0);
      assert.equal(!old.ok && old.error.kind, 'outdated');
      at('2027-02-18T22:59:59.000Z');
      assert.ok(
        (await respond('birgit', { answer_0: 'object', comment_0: 'Name falsch geschrieben' })).ok,
        'one second before the deadline',
      );
      at('2027-02-18T23:00:00.000Z');
      const late = await respond('birgit', { answer_0: 'agree' });
      assert.equal(!late.ok && late.error.kind, 'late');
      const responses = await world.store.query<MinutesResponseDocument>(COMMITTEE, { type: 'minutesResponse' });
      assert.deepEqual(
        responses.map((response) => [response.personId, response.answer]).sort(),
        [
          [PEOPLE.birgit, 'object'],
          [PEOPLE.thomas, 'agree'],
        ].sort(),
      );
    });

    it('revises while circulated: the revision must go out before approval, and recipients see what changed', async () => {
      await open();
      assert.ok((await circulate()).ok);
      const revised = await save({ summary: 'überarbeitet' });
      assert.ok(revised.ok);
      assert.equal(
        (await world.store.get<MinutesVersionDocument>(COMMITTEE, minutesVersionDocumentId(SESSION_1, 2)))?.kind,
        'revision',
      );
      assert.deepEqual(await approve(), {
        ok: false,
        error: { kind: 'revisionNotCirculated', version: 2, circulatedVersion: 1 },
      });
      const again = await circulate();
      assert.ok(again.ok);
      assert.equal(again.value.round, 2);
      assert.equal((await world.session()).state, 'minutesCirculated');
      const second = (await draftsOf(world, 'minutes-circulate:')).filter((draft) => draft.key.includes(':r2:'));
      assert.equal(second.length, 3);
      assert.deepEqual((second[0]!.message.data as unknown as MinutesReviewMessage).changedItemIds, [
        (await topicItem()).itemId,
      ]);
    });

    it("approves in one batch: action items, the working group's results without the discussion, notices; twice sends nothing twice", async () => {
      await open();
      await save(withAgreement);
      assert.ok((await circulate()).ok);
      assert.ok((await respond('birgit', { answer_1: 'object', comment_1: 'Frist zu kurz' })).ok);
      const asked = await approve(personGoAhead(undefined));
      assert.ok(!asked.ok && asked.error.kind === 'askFirst', JSON.stringify(asked));
      assert.deepEqual(
        asked.error.question.reasons.map((reason) => reason.kind),
        ['objectionPeriodRunning', 'objectionsRaised'],
      );
      assert.deepEqual(asked.error.question.basis, { version: 2, objections: 1 });
      assert.equal((await world.session()).state, 'minutesCirculated', 'nothing approved before the confirmation');
      const approved = await approve(personGoAhead(true, asked.error.question.basis));
      assert.ok(approved.ok, JSON.stringify(!approved.ok && approved.error));
      assert.equal((await world.session()).state, 'minutesApproved');
      assert.deepEqual(
        [approved.value.session.state, approved.value.session._etag],
        ['minutesApproved', (await world.session())._etag],
        'the answer carries the session as stored',
      );
      const head = await storedMinutes(world);
      assert.deepEqual(
        [head.status, head.approval?.version, head.approval?.automatic, head.approval?.by],
        ['approved', 2, false, PEOPLE.katrin],
      );
      const agreements = await world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' });
      assert.deepEqual(
        agreements.map((agreement) => [agreement.text, agreement.responsibleId, agreement.status]),
        [['Zahlen vorlegen', PEOPLE.sabine, 'open']],
      );
      const drafts = await draftsOf(world, 'minutes-approved:');
      const results = drafts.filter(
        (draft) => (draft.message.data as unknown as MinutesResultsMessage).audience === 'workingGroup',
      );
      assert.deepEqual(
        results.map((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId),
        [PEOPLE.lena],
      );
      const shown = results[0]!.message.data as unknown as MinutesResultsMessage;
      assert.deepEqual(
        results[0]!.message.links,
        { pdf: { kind: 'extract', sessionId: SESSION_1, version: 2 } },
        'the working group is sent the extract of the approved version, by a link made when it is sent',
      );
      assert.ok(
        shown.items.every((item) => item.summary === undefined),
        'the working group never sees the discussion',
      );
      assert.equal(shown.items[1]?.result, 'Die Zahlen werden erhoben.');
      const notices = drafts.filter(
        (draft) => (draft.message.data as unknown as MinutesResultsMessage).audience === 'recipients',
      );
      assert.deepEqual(
        notices.map((draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId).sort(),
        [PEOPLE.birgit, PEOPLE.katrin, PEOPLE.thomas].sort(),
      );
      assert.ok(
        notices.every(
          (draft) =>
            JSON.stringify(draft.message.links) ===
            JSON.stringify({ pdf: { kind: 'minutes', sessionId: SESSION_1, version: 2 } }),
        ),
        'recipients are sent the full minutes',
      );

      assert.deepEqual(await approve(), { ok: false, error: { kind: 'alreadyApproved' } });
      assert.equal((await draftsOf(world, 'minutes-approved:')).length, drafts.length);
      assert.equal((await world.store.query<AgreementDocument>(COMMITTEE, { type: 'agreement' })).length, 1);
    });

    it('approves by itself at the deadline when nobody objected', async () => {
      await open();
      assert.ok((await circulate()).ok);
      assert.ok((await respond('thomas', { answer_0: 'agree' })).ok);
      at('2027-02-18T22:59:00.000Z');
      await runJobs();
      assert.equal((await storedMinutes(world)).status, 'circulated', 'not before the deadline');
      at('2027-02-18T23:00:00.000Z');
      await runJobs();
      const head = await storedMinutes(world);
      assert.deepEqual([head.status, head.approval?.automatic, head.approval?.by], ['approved', true, 'scheduler']);
      assert.equal((await world.session()).state, 'minutesApproved');
    });

    it('tells the secretariat at the deadline how many objections wait, and approves nothing', async () => {
      await open();
      assert.ok((await circulate()).ok);
      assert.ok((await respond('thomas', { answer_0: 'object', comment_0: 'Bitte ergänzen' })).ok);
      at('2027-02-19T08:00:00.000Z');
      await runJobs();
      assert.equal((await storedMinutes(world)).status, 'circulated');
      const told = await draftsOf(world, 'minutes-deadline:');
      assert.deepEqual(
        told.map((draft) => [
          draft.recipient.kind === 'person' && draft.recipient.aadObjectId,
          draft.message.data.objections,
        ]),
        [[PEOPLE.katrin, 1]],
      );
    });

    it('freezes approved minutes: a correction changes summary and result as a new version, published on approval', async () => {
      await open();
      await save(withAgreement);
      assert.ok((await circulate()).ok);
      assert.ok((await approve()).ok);
      const frozen = await save({ summary: 'berichtigt', [agreementField(1, 'text')]: 'anders' });
      assert.ok(!frozen.ok && frozen.error.kind === 'invalid');
      assert.deepEqual(frozen.error.problems, [{ field: 'agreements', code: 'frozen' }]);
      const corrected = await save({ summary: 'berichtigt', result: 'Die Zahlen werden erhoben.' });
      assert.ok(corrected.ok);
      assert.equal(
        (await world.store.get<MinutesVersionDocument>(COMMITTEE, minutesVersionDocumentId(SESSION_1, 3)))?.kind,
        'correction',
      );
      assert.equal((await storedMinutes(world)).publishedVersion, 2);
      const published = await approve();
      assert.ok(published.ok && published.value.correction);
      assert.equal((await storedMinutes(world)).publishedVersion, 3);
      const drafts = await draftsOf(world, 'minutes-correction:');
      assert.ok(
        drafts.length > 0 &&
          drafts.every((draft) => (draft.message.data as unknown as MinutesResultsMessage).correction),
      );
      assert.deepEqual(await approve(), { ok: false, error: { kind: 'alreadyApproved' } });
    });
  });
}
