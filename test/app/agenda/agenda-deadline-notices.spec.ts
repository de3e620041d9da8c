import assert from 'node:assert/strict';
import type { AgendaDeadlineMessage } from '../../../src/app/agenda/agenda-deadline-notices';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import type { SubmissionDocument } from '../../../src/app/agenda/submission-document';
import { decideTopic } from '../../../src/app/agenda/triage-topics';
import type { DispatchDocument, OutboxDraft } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument } from '../../../src/app/documents';
import type { Stored } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { jobDocumentId, type JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { saveSetup } from '../../../src/app/save-setup';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { VERBS } from '../../../src/cards/verbs';
import { formatTerms } from '../../../src/domain/committee';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { actionData, BotHarness, cardText } from '../../support/bot-harness';
import { ENGINES } from '../../support/engines';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from '../sessions/session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/** Session 2027/1 is on Thursday 11 February 2027: its agenda is due on Thursday 28 January, 09:00. */
const REVIEW_AT = '2027-01-26T08:00:00.000Z';
const DUE_AT = '2027-01-28T08:00:00.000Z';

for (const engine of ENGINES) {
  describe(`app/agenda: the secretariat is told before and at the agenda lead time, on the ${engine.name}`, function () {
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
    const run = () => runDueJobs({ ...world.deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS);
    const committee = async () => (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
    const dispatches = async (prefix: string) =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).filter((dispatch) =>
        dispatch.dispatchId.startsWith(prefix),
      );
    const drafts = async (prefix: string) => (await dispatches(prefix)).flatMap((dispatch) => dispatch.drafts);
    const recipients = (list: readonly OutboxDraft[]) =>
      list.map((draft) =>
        draft.recipient.kind === 'person'
          ? draft.recipient.aadObjectId
          : draft.recipient.kind === 'conversation'
            ? draft.recipient.conversationDocumentId
            : draft.recipient.kind === 'organiserCalendar'
              ? draft.recipient.sessionId
              : draft.recipient.personId,
      );
    const message = (draft: OutboxDraft) => draft.message.data as unknown as AgendaDeadlineMessage;
    const rendered = (draft: OutboxDraft, locale = 'de-DE') =>
      createMessageRenderer('de').render(draft.message, locale, {}, { committeeId: COMMITTEE, shortName: 'KOG' })
        .attachments![0]!.content as Record<string, unknown>;

    async function submit(title: string): Promise<Stored<SubmissionDocument>> {
      const result = await submitTopic(world.deps, await world.actor('lena'), {
        kind: 'topic',
        title,
        description: `${title} – Beschreibung`,
      });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
      return result.value.submission;
    }

    /** Topics open, one submission undecided, one accepted without presenter and too long for the session. */
    async function agendaWithOpenPoints(): Promise<void> {
      at('2026-12-31T08:00:00.000Z');
      await run();
      await submit('Ausbildungsabbrüche');
      const accepted = await submit('Sprachförderung');
      const decided = await decideTopic(world.deps, await world.actor('katrin'), accepted.id, accepted.revision, {
        decision: 'accept',
        minutes: 200,
        kind: 'discussion',
      });
      assert.ok(decided.ok);
    }

    async function rerunJob(kind: 'agendaReview' | 'agendaDispatch'): Promise<void> {
      const job = await world.store.get<JobDocument>(COMMITTEE, jobDocumentId(kind, SESSION_1));
      assert.ok(job, `no ${kind} job`);
      await SESSION_JOB_HANDLERS[kind](job, world.deps);
    }

    it('tells the secretariat two days before what is undecided, then publishes at the lead time and says what went out, once each', async () => {
      await agendaWithOpenPoints();
      at('2027-01-26T07:59:59.000Z');
      await run();
      assert.deepEqual(await dispatches('agenda-review:'), [], 'nothing before its time');

      at(REVIEW_AT);
      await run();
      await run();
      await rerunJob('agendaReview');
      const review = await drafts('agenda-review:');
      assert.deepEqual(recipients(review), [PEOPLE.katrin], 'one notice, 1:1 to the secretariat');
      assert.deepEqual(message(review[0]!).openPoints.undecidedSubmissions, 1);
      assert.equal((await world.session()).agenda, undefined, 'nothing published yet');
      const reviewText = cardText(rendered(review[0]!));
      assert.match(reviewText, /Tagesordnung – Sitzung 2027\/1: Was noch offen ist/);
      assert.match(
        reviewText,
        /Am Donnerstag, 28\. Januar 2027, 09:00 Uhr wird die Tagesordnung automatisch veröffentlicht/,
      );
      assert.match(reviewText, /1 Themenanmeldung ist noch nicht entschieden\./);
      assert.match(reviewText, /TOP 2 Sprachförderung: Die vortragende Person fehlt\./);
      assert.match(reviewText, /Die Tagesordnung ist 35 Min\. länger als die Sitzung\./);
      assert.doesNotMatch(reviewText, /2027-01-28|T08:00|agendaReview|undefined/);
      assert.match(
        cardText(rendered(review[0]!, 'en-US')),
        /On Thursday, 28 January 2027.* the agenda will be published automatically/,
      );

      at(DUE_AT);
      await run();
      await run();
      await rerunJob('agendaDispatch');
      const session = await world.session();
      assert.equal(session.state, 'invited');
      assert.equal(session.agenda?.version, 1);
      assert.equal((await dispatches('agenda:')).length, 1, 'published once');
      const published = await drafts('agenda-published:');
      assert.deepEqual(recipients(published), [PEOPLE.katrin], 'one notice of what went out');
      const data = message(published[0]!);
      assert.ok(data.notice === 'published');
      assert.deepEqual(
        [data.version, data.items, data.people, data.toWorkingGroupConversation],
        [1, 3, 4, false],
        'three members with their invitation and the working group member',
      );
      const publishedText = cardText(rendered(published[0]!));
      assert.match(publishedText, /Tagesordnung – Sitzung 2027\/1: Fassung 1 veröffentlicht/);
      assert.match(publishedText, /Fassung 1 mit 3 Tagesordnungspunkten, einzeln an 4 Personen\./);
      assert.match(publishedText, /Bei der Veröffentlichung noch offen/);
      assert.deepEqual(await dispatches('agenda-waiting:'), []);
    });

    it('leaves the agenda for the secretariat when the committee says so, and tells them once at the lead time, with the agenda builder a click away', async () => {
      const current = await committee();
      const d = current;
      const saved = await saveSetup(world.deps, await world.actor('katrin'), {
        revision: current.revision,
        answers: {
          name: d.name,
          shortName: d.shortName,
          timeZone: d.timeZone,
          terms: formatTerms(d.terms),
          sessionLengthMinutes: 180,
          firstChair: d.chairRotation.firstSessionOfYear,
          rotatingChairs: d.chairRotation.rotating.join('\n'),
          ...d.leadTimes,
          autoPublishAgenda: 'false',
        },
      });
      assert.ok(saved.ok);
      assert.equal(saved.value.autoPublishAgenda, false);
      await agendaWithOpenPoints();

      at(REVIEW_AT);
      await run();
      assert.match(
        cardText(rendered((await drafts('agenda-review:'))[0]!)),
        /Am Donnerstag, 28\. Januar 2027, 09:00 Uhr wird die Tagesordnung nicht automatisch veröffentlicht: Sie wartet dann auf Sie\./,
      );

      at(DUE_AT);
      await run();
      await run();
      await rerunJob('agendaDispatch');
      assert.equal((await world.session()).state, 'planned', 'not invited');
      assert.equal((await world.session()).agenda, undefined, 'not published');
      assert.deepEqual(await dispatches('agenda:'), []);
      assert.deepEqual(await dispatches('agenda-published:'), []);
      const waiting = await drafts('agenda-waiting:');
      assert.deepEqual(recipients(waiting), [PEOPLE.katrin]);
      const card = rendered(waiting[0]!);
      assert.match(cardText(card), /Tagesordnung – Sitzung 2027\/1 wartet auf Sie/);
      assert.match(
        cardText(card),
        /Wie für dieses Gremium eingestellt, wird die Tagesordnung nicht automatisch veröffentlicht/,
      );

      const bot = new BotHarness(world.deps);
      const builder = await bot.execute(
        chatPerson('katrin'),
        VERBS.agendaOpen,
        actionData(card, VERBS.agendaOpen, { sessionId: SESSION_1 }),
      );
      assert.match(cardText(builder), /Tagesordnung – Sitzung 2027\/1/);
      assert.match(cardText(builder), /Veröffentlichen/);
      assert.ok(
        (await publishAgendaAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS))
          .ok,
        'the secretariat publishes when ready',
      );
    });

    it('sends nothing new at the lead time when the secretariat has published the current version already', async () => {
      await agendaWithOpenPoints();
      at('2027-01-20T10:00:00.000Z');
      assert.ok(
        (await publishAgendaAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS))
          .ok,
      );
      at(REVIEW_AT);
      await run();
      const review = message((await drafts('agenda-review:'))[0]!);
      assert.ok(review.notice === 'review');
      assert.equal(review.publishedUnchanged, 1);
      assert.match(
        cardText(rendered((await drafts('agenda-review:'))[0]!)),
        /Fassung 1 der Tagesordnung ist bereits veröffentlicht/,
      );
      at(DUE_AT);
      await run();
      assert.deepEqual(
        [
          (await dispatches('agenda-published:')).length,
          (await dispatches('agenda-waiting:')).length,
          (await world.session()).agenda?.version,
        ],
        [0, 0, 1],
      );
    });

    it('tells the secretariat that the agenda waits when no seat can be invited', async () => {
      for (const seat of await world.store.query(COMMITTEE, { type: 'seat' }))
        await world.store.delete(COMMITTEE, seat.id);
      at(DUE_AT);
      await run();
      const waiting = await drafts('agenda-waiting:');
      assert.deepEqual(recipients(waiting), [PEOPLE.katrin]);
      const data = message(waiting[0]!);
      assert.ok(data.notice === 'waiting');
      assert.equal(data.reason, 'noSeats');
      assert.match(
        cardText(rendered(waiting[0]!)),
        /Kein Sitz hat ein aktives Mitglied oder eine aktive Stellvertretung/,
      );
    });

    it('gives sessions scheduled before the review existed their review when an earlier deadline runs', async () => {
      await world.store.delete(COMMITTEE, jobDocumentId('agendaReview', SESSION_1));
      at('2026-12-31T08:00:00.000Z');
      await run();
      const job = await world.store.get<JobDocument>(COMMITTEE, jobDocumentId('agendaReview', SESSION_1));
      assert.deepEqual([job?.dueAt, job?.status], [REVIEW_AT, 'scheduled']);
      at(REVIEW_AT);
      await run();
      assert.equal((await drafts('agenda-review:')).length, 1);
    });
  });
}
