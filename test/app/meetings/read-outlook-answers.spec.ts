import assert from 'node:assert/strict';
import { auditContext } from '../../../src/app/audit/audit-context';
import { AUDIT_TYPE, type AuditRecord } from '../../../src/app/audit/audit-record';
import { auditedStore } from '../../../src/app/audit/audited-store';
import type { AppDependencies } from '../../../src/app/dependencies';
import { readOutlookAnswers } from '../../../src/app/meetings/read-outlook-answers';
import {
  sessionMeetingDocumentId,
  type SessionMeetingDocument,
} from '../../../src/app/meetings/session-meeting-document';
import type { JobDocument } from '../../../src/app/scheduling/job';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import { rsvpOverview, type RsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import { renderRsvpsCard } from '../../../src/cards/rsvps-card';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { seatDocumentId } from '../../../src/domain/ids';
import { translator } from '../../../src/i18n/translator';
import { cardText } from '../../support/bot-harness';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../sessions/session-world';
import type { FakeOrganiserCalendar } from './fake-organiser-calendar';
import { ADDRESSES, giveSessionItsEvent, withOutlook, type RecordingLogger } from './outlook-world';

/**
 * Answers given in Outlook count as answers: read from the session's event, stored as the
 * person's answer marked as given in Outlook, shown in the tally, calling the deputy in on a
 * decline, and keeping the person from being reminded. The later answer counts, wherever it was
 * given; a Graph failure changes nothing.
 */
for (const engine of ENGINES) {
  describe(`app/meetings/read-outlook-answers: Outlook answers in the tally, on the ${engine.name}`, function () {
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
      assert.ok((await inviteAsSecretariat(deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok);
      await giveSessionItsEvent(world);
      world.clock.advance(3 * 3600_000);
    });
    afterEach(async () => close());

    const committee = async () => (await world.actor('katrin')).committee!;
    const read = async () => readOutlookAnswers(deps, await committee(), await world.session());
    const answerInTeams = async (who: PersonKey, choice: string) => {
      const submission = {
        sessionId: SESSION_1,
        personId: PEOPLE[who],
        revision: (await world.session()).revision,
        choice,
      };
      const result = await answerRsvp(deps, await world.actor(who), submission);
      assert.ok(result.ok, JSON.stringify(result));
    };
    const overview = async (): Promise<RsvpOverview> => {
      const result = await rsvpOverview(deps, await world.actor('katrin'), await world.session());
      assert.ok(result.ok, JSON.stringify(result));
      return result.value;
    };
    const statusOf = (view: RsvpOverview, seat: string) =>
      view.lines.find((line) => line.seatId === seatDocumentId(seat))!.status;
    const rsvpOf = async (who: PersonKey) => (await world.rsvps()).find((rsvp) => rsvp.personId === PEOPLE[who]);
    const recipientsOf = async (prefix: string) =>
      (await world.outbox()).filter(([dispatch]) => dispatch.startsWith(prefix)).map(([, who]) => who);

    it('counts a decline in Outlook and invites the deputy as a decline on the card does', async () => {
      calendar.answer(ADDRESSES.yusuf.toUpperCase(), 'declined', '2026-11-21T11:30:00Z');
      assert.deepEqual(await read(), { kind: 'read', changed: 1, unknownAddresses: 0 });
      const stored = await rsvpOf('yusuf');
      assert.equal(stored?.choice, 'declined');
      assert.equal(stored?.via, 'outlook');
      assert.equal(stored?.answeredAt, '2026-11-21T11:30:00.000Z');
      assert.deepEqual(statusOf(await overview(), 'ihk'), { kind: 'deputyInvited', via: 'outlook' });
      assert.deepEqual(await recipientsOf(`invite:${SESSION_1}:${PEOPLE.yara}`), ['yara']);
    });

    it('counts a yes in Outlook as represented and shows a provisional yes apart', async () => {
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      calendar.answer(ADDRESSES.sabine, 'tentativelyAccepted', '2026-11-21T11:05:00Z');
      calendar.answer(ADDRESSES.yusuf, 'notResponded');
      assert.deepEqual(await read(), { kind: 'read', changed: 2, unknownAddresses: 0 });
      const view = await overview();
      assert.deepEqual(statusOf(view, 'agentur'), {
        kind: 'attending',
        mode: 'unspecified',
        by: 'member',
        via: 'outlook',
      });
      assert.deepEqual(statusOf(view, 'jobcenter'), { kind: 'tentative', by: 'member', via: 'outlook' });
      assert.deepEqual(statusOf(view, 'ihk'), { kind: 'noAnswer' });
      assert.equal(view.represented, 1);
      assert.equal(view.tentative, 1);
      assert.equal(view.unanswered, 1, 'only Yusuf, who has not answered anywhere');
    });

    it('shows answers from Outlook marked in the tally, in German and in English', async () => {
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      calendar.answer(ADDRESSES.sabine, 'tentativelyAccepted', '2026-11-21T11:05:00Z');
      calendar.answer(ADDRESSES.yusuf, 'declined', '2026-11-21T11:10:00Z');
      await read();
      const view = await overview();
      const german = cardText(renderRsvpsCard(view, translator('de')));
      assert.match(german, /1 von 3 Institutionen vertreten · 1 vorläufig zugesagt · 1 ohne Antwort/);
      assert.match(german, /\*\*Agentur für Arbeit Leipzig\*\*: zugesagt: Birgit Lehmann · in Outlook beantwortet/);
      assert.match(german, /\*\*Jobcenter Leipzig\*\*: vorläufig zugesagt: Sabine Hoffmann · in Outlook beantwortet/);
      assert.match(
        german,
        /\*\*IHK zu Leipzig\*\*: Stellvertretung Yara Nowak eingeladen, noch keine Antwort · in Outlook beantwortet/,
      );
      const english = cardText(renderRsvpsCard(view, translator('en')));
      assert.match(english, /1 of 3 institutions represented · 1 tentatively accepted · 1 without an answer/);
      assert.match(english, /\*\*Agentur für Arbeit Leipzig\*\*: accepted: Birgit Lehmann · answered in Outlook/);
      assert.match(english, /\*\*Jobcenter Leipzig\*\*: tentatively accepted: Sabine Hoffmann · answered in Outlook/);
      assert.doesNotMatch(german + english, /outlook'|tentativelyAccepted|unspecified|2026-11-21T/);
    });

    it('writes nothing and queues nothing when the same answers are read again', async () => {
      calendar.answer(ADDRESSES.yusuf, 'declined', '2026-11-21T11:30:00Z');
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      await read();
      const meeting = () => world.store.get<SessionMeetingDocument>(COMMITTEE, sessionMeetingDocumentId(SESSION_1));
      const [rsvps, outbox, readBefore] = [await world.rsvps(), await world.outbox(), await meeting()];
      assert.equal(readBefore?.answersReadAt, world.clock.now().toUTC().toISO());
      world.clock.advance(3600_000);
      assert.deepEqual(await read(), { kind: 'read', changed: 0, unknownAddresses: 0 });
      assert.deepEqual(await world.rsvps(), rsvps, 'the same documents, ETags and all');
      assert.deepEqual(await world.outbox(), outbox);
      assert.deepEqual(await meeting(), readBefore);
    });

    it('keeps a Teams answer given after the Outlook one, and takes an Outlook answer given after that', async () => {
      calendar.answer(ADDRESSES.birgit, 'declined', '2026-11-21T11:00:00Z');
      await read();
      await answerInTeams('birgit', 'online');
      assert.deepEqual(await read(), { kind: 'read', changed: 0, unknownAddresses: 0 });
      assert.deepEqual(statusOf(await overview(), 'agentur'), { kind: 'attending', mode: 'online', by: 'member' });
      assert.equal((await rsvpOf('birgit'))?.via, undefined);

      world.clock.advance(3600_000);
      calendar.answer(ADDRESSES.birgit, 'tentativelyAccepted', world.clock.now().toUTC().toISO()!);
      assert.deepEqual(await read(), { kind: 'read', changed: 1, unknownAddresses: 0 });
      assert.deepEqual(statusOf(await overview(), 'agentur'), { kind: 'tentative', by: 'member', via: 'outlook' });
    });

    it('reminds nobody who answered in Outlook, by button or by the reminder job', async () => {
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      const byButton = await remindUnanswered(deps, await committee(), await world.session(), 'card-1');
      assert.deepEqual(byButton, { ok: true, value: { reminded: 2 } });
      assert.deepEqual(await recipientsOf(`remind:${SESSION_1}:card-1`), ['sabine', 'yusuf']);

      calendar.answer(ADDRESSES.sabine, 'tentativelyAccepted', '2026-11-21T11:05:00Z');
      const jobs = await world.store.query<JobDocument>(COMMITTEE, {
        type: 'job',
        where: [{ field: 'subjectId', op: '=', value: SESSION_1 }],
      });
      const job = jobs.find((candidate) => candidate.kind === 'rsvpReminder')!;
      world.clock.advance(Date.parse(job.dueAt) - world.clock.now().toMillis());
      await SESSION_JOB_HANDLERS.rsvpReminder(job, deps);
      assert.deepEqual(await recipientsOf(`remind:${SESSION_1}:job-`), ['yusuf']);
    });

    it('records answers taken over during a reminder click as automatic, not as the clicking person’s', async () => {
      const audited = { ...deps, store: auditedStore(world.store, world.clock) };
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      const secretariat = { actorId: PEOPLE.katrin, source: 'bot' as const };
      await auditContext.run(secretariat, async () =>
        remindUnanswered(audited, await committee(), await world.session(), 'card-1'),
      );
      const records = await world.store.query<AuditRecord>(COMMITTEE, {
        type: AUDIT_TYPE,
        where: [{ field: 'documentType', op: '=', value: 'rsvp' }],
      });
      assert.deepEqual(
        records.map(({ actorId, source, reason, operation }) => ({ actorId, source, reason, operation })),
        [{ actorId: 'scheduler', source: 'scheduler', reason: 'outlookAnswers', operation: 'created' }],
      );
      const german = translator('de').t('audit.sourceScheduler', {
        reason: translator('de').t('audit.jobs.outlookAnswers'),
      });
      assert.equal(german, 'automatisch (Zeitplan: Antworten aus Outlook)');
    });

    it('changes nothing when Graph fails, logs it without addresses, and still reminds', async () => {
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      const before = await world.store.get<SessionMeetingDocument>(COMMITTEE, sessionMeetingDocumentId(SESSION_1));
      for (const status of [429, 503, null]) {
        calendar.failure = { status, retryAfterMs: 30_000 };
        assert.deepEqual(await read(), { kind: 'failed', status });
      }
      assert.deepEqual(await world.rsvps(), []);
      assert.deepEqual(
        await world.store.get<SessionMeetingDocument>(COMMITTEE, sessionMeetingDocumentId(SESSION_1)),
        before,
      );
      const warnings = logger.lines.filter((line) => line.level === 'warn');
      assert.equal(warnings.length, 3);
      assert.deepEqual(
        warnings.map((line) => (line.fields as { status: unknown }).status),
        [429, 503, null],
      );
      const remind = await remindUnanswered(deps, await committee(), await world.session(), 'card-2');
      assert.deepEqual(remind, { ok: true, value: { reminded: 3 } }, 'the reminder goes out with what is known');

      calendar.failure = undefined;
      assert.deepEqual(await read(), { kind: 'read', changed: 1, unknownAddresses: 0 }, 'the next read catches up');
    });

    it('ignores addresses no one on the roster has and counts them in the log line only', async () => {
      calendar.answer('raum.3@leipzig.example', 'accepted', '2026-11-21T11:00:00Z');
      calendar.answer('gast@example.org', 'declined', '2026-11-21T11:00:00Z');
      calendar.answer(ADDRESSES.lena, 'accepted', '2026-11-21T11:00:00Z');
      assert.deepEqual(await read(), { kind: 'read', changed: 0, unknownAddresses: 2 });
      assert.deepEqual(await world.rsvps(), [], 'Lena is on the roster but not invited');
      const line = logger.lines.find((one) => one.message === 'outlook answers read');
      assert.deepEqual(
        { ...line?.fields },
        { committeeId: COMMITTEE, sessionId: SESSION_1, changed: 0, unknownAddresses: 2, notInvited: 1, raced: 0 },
      );
      assert.doesNotMatch(JSON.stringify(logger.lines), /@/);
    });

    it('takes the Outlook answer of a deputy the member’s Outlook decline called in, in the same read', async () => {
      calendar.answer(ADDRESSES.yara, 'accepted', '2026-11-21T12:00:00Z');
      calendar.answer(ADDRESSES.yusuf, 'declined', '2026-11-21T11:30:00Z');
      assert.deepEqual(await read(), { kind: 'read', changed: 2, unknownAddresses: 0 });
      assert.deepEqual(statusOf(await overview(), 'ihk'), {
        kind: 'attending',
        mode: 'unspecified',
        by: 'deputy',
        via: 'outlook',
      });
    });

    it('reads nothing without Graph, nor for a session without its event', async () => {
      const { organiserMailbox: _mailbox, ...withoutGraph } = deps;
      calendar.answer(ADDRESSES.birgit, 'accepted', '2026-11-21T11:00:00Z');
      assert.deepEqual(await readOutlookAnswers(withoutGraph, await committee(), await world.session()), {
        kind: 'skipped',
      });
      await world.store.delete(COMMITTEE, sessionMeetingDocumentId(SESSION_1));
      assert.deepEqual(await read(), { kind: 'skipped' });
      assert.deepEqual(calendar.reads, []);
      assert.deepEqual(await world.rsvps(), []);
    });
  });
}
