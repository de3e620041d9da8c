import assert from 'node:assert/strict';
import type { Event } from '@microsoft/microsoft-graph-types';
import { deliveryReport } from '../../../src/app/delivery/delivery-report';
import { meetingSyncDispatchId } from '../../../src/app/meetings/meeting-sync-dispatch';
import type { PersonDocument } from '../../../src/app/documents';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { personDocumentId } from '../../../src/domain/ids';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { readOutlookAnswers } from '../../../src/app/meetings/read-outlook-answers';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { changeSessionState } from '../../../src/app/sessions/change-session-state';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { renderDeliveryCard } from '../../../src/cards/delivery-card';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { translator } from '../../../src/i18n/translator';
import { cardText } from '../../support/bot-harness';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { GraphDouble } from '../../support/graph-double';
import { attendeeEmails, COMMITTEE, MAILBOX, MeetingWorld, PEOPLE, SESSION_1, type PersonKey } from './meeting-world';

const INVITED: readonly PersonKey[] = ['birgit', 'yusuf', 'sabine', 'jonas', 'petra'];
const emailsOf = (keys: readonly PersonKey[]) =>
  keys.map((key) => (PEOPLE[key] as { email?: string }).email ?? '').sort();

/**
 * The delivery report as the secretariat reads it, in German: its first page, or the one
 * dispatch of the session's event for revision `revision` (`r3`) or another cause.
 */
async function reportText(world: MeetingWorld, cause?: string): Promise<string> {
  const request = cause ? { dispatchId: meetingSyncDispatchId(SESSION_1, cause) } : { page: 1 };
  const report = await deliveryReport(world.deps, await world.actor('katrin'), request);
  assert.ok(report.ok);
  return cardText(renderDeliveryCard(report.value, 'Europe/Berlin', translator('de')) as Record<string, unknown>);
}

for (const engine of ENGINES) {
  describe(`app/meetings: the story of a session's Outlook event (${engine.name})`, function () {
    this.timeout(120_000);
    let opened: OpenedEngine;
    let graph: GraphDouble;
    let world: MeetingWorld;
    let eventId: string;

    // The story's steps share one world, in order.
    before(async () => {
      opened = await engine.open();
      graph = await GraphDouble.start();
      world = new MeetingWorld(opened.store, graph);
      await world.setUp();
    });
    after(async () => {
      await graph.stop();
      await opened.close();
    });

    it('planning creates one online Teams event per session, whose join link becomes the online link', async () => {
      await world.drain();
      const [event, ...more] = world.eventsOf('2027/1');
      assert.ok(event);
      assert.equal(more.length, 0);
      eventId = event.id!;
      assert.equal(event.isOnlineMeeting, true);
      assert.equal(event.onlineMeetingProvider, 'teamsForBusiness');
      assert.equal(event.subject, 'KOG: Sitzung 2027/1');
      assert.deepEqual(event.start, { dateTime: '2027-02-11T14:00:00', timeZone: 'Europe/Berlin' });
      assert.match((event.body as { content: string }).content, /Sitzungsleitung: /);
      assert.deepEqual(attendeeEmails(event), []);
      const create = graph.requests.find((request) => request.method === 'POST' && request.path.endsWith('/events'));
      assert.equal(create?.path, `/v1.0/users/${encodeURIComponent(MAILBOX)}/events`);
      assert.ok((create?.body as Event).transactionId);
      const session = await world.session();
      assert.equal(session?.onlineLink, event.onlineMeeting?.joinUrl);
      assert.equal(session?.revision, 1, 'the link came before anyone was invited: no new revision');
      const meeting = await world.meeting();
      assert.equal(meeting?.eventId, eventId);
      assert.equal(meeting?.joinUrl, event.onlineMeeting?.joinUrl);
      assert.equal(meeting?.transactionId, (create?.body as Event).transactionId);
      assert.match(await reportText(world), /Outlook-Termin Sitzung 2027\/1 angelegt/);
    });

    it('inviting adds the five invited, the one without Teams too, as required attendees by e-mail', async () => {
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        (await world.session())!,
        NO_QUESTIONS,
      );
      assert.ok(invited.ok, JSON.stringify(invited));
      await world.drain();
      const event = graph.event(eventId)!;
      assert.deepEqual(attendeeEmails(event), emailsOf(INVITED));
      assert.ok(event.attendees?.every((attendee) => attendee.type === 'required'));
      assert.ok(
        event.attendees?.some(
          (attendee) =>
            attendee.emailAddress?.address === PEOPLE.petra.email && attendee.emailAddress.name === 'Petra Krause',
        ),
      );
      assert.equal(world.eventsOf('2027/1').length, 1);
      assert.equal(graph.requests.at(-1)?.method, 'PATCH');
      assert.match(await reportText(world), /Outlook-Termin Sitzung 2027\/1 aktualisiert/);
    });

    it('a move updates the event, so Outlook sends the update', async () => {
      const session = (await world.session())!;
      const moved = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-02-18',
        time: '10:00',
        place: 'Neues Rathaus, Raum 259',
        onlineLink: session.onlineLink,
        chair: session.chair,
      });
      assert.ok(moved.ok, JSON.stringify(moved));
      await world.drain();
      const event = graph.event(eventId)!;
      assert.deepEqual(event.start, { dateTime: '2027-02-18T10:00:00', timeZone: 'Europe/Berlin' });
      assert.deepEqual(event.location, { displayName: 'Neues Rathaus, Raum 259' });
      assert.deepEqual(attendeeEmails(event), emailsOf(INVITED));
      assert.equal((await world.meeting())?.syncedRevision, moved.value.session.revision);
      assert.equal(world.eventsOf('2027/1').length, 1);
    });

    it('a deputy sent in a member’s place becomes an attendee', async () => {
      const session = (await world.session())!;
      const sent = await answerRsvp(world.deps, await world.actor('sabine'), {
        sessionId: SESSION_1,
        personId: PEOPLE.sabine.id,
        revision: session.revision,
        choice: 'deputy',
      });
      assert.ok(sent.ok, JSON.stringify(sent));
      await world.drain();
      assert.deepEqual(attendeeEmails(graph.event(eventId)!), emailsOf([...INVITED, 'thomas']));
    });

    it('an Outlook decline is read into the tally, marked as answered in Outlook, and survives an update', async () => {
      // Birgit declines in Outlook; Graph keeps it on the event, where the answers are read from.
      graph.respond(eventId, PEOPLE.birgit.email, 'declined', '2027-01-20T09:15:00Z');
      const meeting = (await world.meeting())!;
      const read = await world.calendar.getEvent(meeting.eventId!);
      assert.ok(read.ok);
      const birgit = read.value.attendees.find((attendee) => attendee.email === PEOPLE.birgit.email);
      assert.deepEqual(birgit, {
        email: PEOPLE.birgit.email,
        response: 'declined',
        respondedAt: '2027-01-20T09:15:00.000Z',
      });
      const taken = await readOutlookAnswers(
        world.deps,
        (await world.actor('katrin')).committee!,
        (await world.session())!,
      );
      assert.deepEqual(taken, { kind: 'read', changed: 1, unknownAddresses: 0 });
      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), (await world.session())!);
      assert.ok(overview.ok);
      const agentur = overview.value.lines.find((line) => line.memberName === 'Birgit Lehmann');
      assert.deepEqual(agentur?.status, { kind: 'declined', via: 'outlook' });
      // A later update of the event keeps her answer.
      const session = (await world.session())!;
      const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-02-18',
        time: '10:00',
        place: 'Neues Rathaus, Raum 260',
        onlineLink: session.onlineLink,
        chair: session.chair,
      });
      assert.ok(edited.ok);
      await world.drain();
      const after = graph.event(eventId)!.attendees?.find((a) => a.emailAddress?.address === PEOPLE.birgit.email);
      assert.equal(after?.status?.response, 'declined');
    });

    it('a cancellation cancels the event with the secretariat’s reason', async () => {
      const session = (await world.session())!;
      const cancelled = await changeSessionState(
        world.deps,
        await world.actor('katrin'),
        SESSION_1,
        session.revision,
        'cancel',
        'Die Sitzungsleitung ist erkrankt.',
      );
      assert.ok(cancelled.ok, JSON.stringify(cancelled));
      await world.drain();
      assert.deepEqual(graph.cancellations, [
        {
          eventId,
          comment:
            'Die Sitzung 2027/1 des Gremiums Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung ' +
            'und Arbeit“ entfällt. Grund: Die Sitzungsleitung ist erkrankt.',
        },
      ]);
      assert.equal(graph.event(eventId)?.isCancelled, true);
      assert.equal((await world.meeting())?.cancelled, true);
      assert.equal(world.eventsOf('2027/1').length, 1, 'one event through the whole story');
      const text = await reportText(world, `r${cancelled.value.session.revision}`);
      assert.match(text, /Outlook-Termin Sitzung 2027\/1 abgesagt/);
    });
  });

  describe(`app/meetings: Graph's trouble, and no Graph (${engine.name})`, function () {
    this.timeout(120_000);
    let opened: OpenedEngine;
    let graph: GraphDouble;

    beforeEach(async () => {
      opened = await engine.open();
      graph = await GraphDouble.start();
    });
    afterEach(async () => {
      await graph.stop();
      await opened.close();
    });

    it('refuses a cancellation reason with markup, and cancels nothing', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      const session = (await world.session())!;
      const refused = await changeSessionState(
        world.deps,
        await world.actor('katrin'),
        SESSION_1,
        session.revision,
        'cancel',
        '<b>Grund</b>',
      );
      assert.deepEqual(refused, { ok: false, error: { kind: 'invalidReason', code: 'markup', max: 1000 } });
      assert.equal((await world.session())?.state, 'planned');
    });

    it('without an organiser mailbox nothing of this runs and the session keeps its typed link', async () => {
      const world = new MeetingWorld(opened.store, graph, null);
      await world.setUp();
      const session = (await world.session())!;
      const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-02-11',
        time: '14:00',
        onlineLink: 'https://example.org/raum',
      });
      assert.ok(edited.ok);
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), edited.value.session, NO_QUESTIONS)).ok,
      );
      await world.drain();
      assert.deepEqual(await world.meetingRecords(), []);
      assert.equal(graph.requests.length, 0);
      assert.equal((await world.session())?.onlineLink, 'https://example.org/raum');
      assert.equal(await world.meeting(), undefined);
    });

    it('waits out throttling (429 with Retry-After) and a 503, then creates exactly one event', async () => {
      const world = new MeetingWorld(opened.store, graph);
      graph.failNext(429, { retryAfterSeconds: 120 });
      graph.failNext(503);
      await world.setUp();
      const sender = world.sender();
      await sender.drainOnce();
      const [throttled] = (await world.meetingRecords()).filter((record) => record.lastFailure?.status === 429);
      assert.ok(throttled, 'the throttled create is kept for later');
      assert.equal(throttled.status, 'pending');
      const waited = Date.parse(throttled.nextAttemptAt) - world.clock.now().toMillis();
      assert.ok(waited >= 119_000, `waits out Retry-After, not ${waited} ms`);
      world.clock.advance(121_000);
      await world.drain(sender);
      const records = await world.meetingRecords();
      assert.ok(records.every((record) => record.status === 'sent'));
      assert.equal(world.eventsOf('2027/1').length, 1);
      assert.equal(new Set(world.graph.allEvents().map((event) => event.subject)).size, graph.allEvents().length);
    });

    it('gives up after the attempts on a Graph that stays down, and the report says so in words', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      graph.failNext(503, { times: 200 });
      const sender = world.sender({ sender: { policy: { maxAttempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 } } });
      await world.drain(sender);
      world.clock.advance(5_000);
      await world.drain(sender);
      const records = await world.meetingRecords();
      assert.ok(records.length > 0 && records.every((record) => record.status === 'failed'));
      const text = await reportText(world, 'r1');
      assert.match(text, /Outlook-Termin Sitzung 2027\/1 konnte nicht abgeglichen werden/);
      assert.match(text, /Postfach der Geschäftsstelle: Microsoft Graph war bei keinem Versuch erreichbar/);
      assert.doesNotMatch(text, /503/);
    });

    it('creates the event again when someone deleted it in Outlook, and says so', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      await world.drain();
      const first = (await world.meeting())!;
      graph.deleteEvent(first.eventId!);
      const session = (await world.session())!;
      const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-02-11',
        time: '15:00',
        onlineLink: session.onlineLink,
      });
      assert.ok(edited.ok);
      await world.drain();
      const again = (await world.meeting())!;
      assert.notEqual(again.eventId, first.eventId);
      assert.notEqual(again.transactionId, first.transactionId);
      const [event, ...more] = world.eventsOf('2027/1');
      assert.equal(more.length, 0);
      assert.equal(event?.id, again.eventId);
      assert.deepEqual(event?.start, { dateTime: '2027-02-11T15:00:00', timeZone: 'Europe/Berlin' });
      assert.equal((await world.session())?.onlineLink, event?.onlineMeeting?.joinUrl);
      assert.match(
        await reportText(world),
        /Outlook-Termin Sitzung 2027\/1 neu angelegt, weil er in Outlook gelöscht wurde/,
      );
    });

    it('names the invited without an e-mail address in the delivery report as not reachable by Outlook', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      const jonas = (await opened.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE.jonas.id)))!;
      const { _etag: etag, email: _email, ...withoutEmail } = jonas;
      await opened.store.replace<PersonDocument>(withoutEmail, etag);
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), (await world.session())!, NO_QUESTIONS)).ok,
      );
      await world.drain();
      const [event] = world.eventsOf('2027/1');
      assert.deepEqual(attendeeEmails(event!), emailsOf(['birgit', 'yusuf', 'sabine', 'petra']));
      assert.match(
        await reportText(world, 'r2'),
        /Ohne E-Mail-Adresse, daher keine Outlook-Einladung \(in Teams eingeladen\): Jonas Berg \\\(Sozialministerium\\\)/,
      );
    });

    it('takes an erased person’s address out of the event’s attendee list, and the next sync off the event', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), (await world.session())!, NO_QUESTIONS)).ok,
      );
      await world.drain();
      assert.ok((await world.meeting())?.attendeeEmails?.includes(PEOPLE.jonas.email));
      const roster = await loadRoster(opened.store, COMMITTEE);
      const erased = await erasePerson(world.deps, await world.actor('katrin'), {
        revision: roster.revision,
        personId: PEOPLE.jonas.id,
      });
      assert.ok(erased.ok, JSON.stringify(erased));
      assert.equal((await world.meeting())?.attendeeEmails?.includes(PEOPLE.jonas.email), false);
      const session = (await world.session())!;
      const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
        date: '2027-02-11',
        time: '15:00',
        onlineLink: session.onlineLink,
      });
      assert.ok(edited.ok);
      await world.drain();
      const [event] = world.eventsOf('2027/1');
      assert.equal(attendeeEmails(event!).includes(PEOPLE.jonas.email), false);
    });

    it('makes no second event when the sender stops between Graph’s answer and writing it down', async () => {
      const world = new MeetingWorld(opened.store, graph);
      await world.setUp();
      // The first sender's store fails the write of the event id, as a process killed right then.
      let crashed = false;
      const crashing: DocumentStore = Object.create(opened.store, {
        replace: {
          value: async (document: { type?: string; eventId?: string }, etag?: string) => {
            if (!crashed && document.type === 'sessionMeeting' && document.eventId) {
              crashed = true;
              throw new Error('process killed');
            }
            return opened.store.replace(document as never, etag!);
          },
        },
      });
      await assert.rejects(world.sender({ store: crashing, instanceId: 'first' }).drainOnce(), /process killed/);
      assert.ok(crashed);
      assert.equal(world.eventsOf('2027/1').length, 1, 'Graph made the event before the crash');
      assert.equal((await world.meeting())?.eventId, undefined, 'and Gremium did not write it down');

      // A new sender, after the first one's lease ran out, finishes the job with the same transaction id.
      world.clock.advance(120_000);
      await world.drain(world.sender({ instanceId: 'second' }));
      const [event, ...more] = world.eventsOf('2027/1');
      assert.equal(more.length, 0, 'exactly one event after the restart');
      assert.equal((await world.meeting())?.eventId, event?.id);
      assert.equal((await world.session())?.onlineLink, event?.onlineMeeting?.joinUrl);
      const creates = graph.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/events'));
      assert.equal(
        creates.filter((request) => (request.body as Event).subject === 'KOG: Sitzung 2027/1').length,
        2,
        'the create was sent twice, and Graph answered the second with the first event',
      );
    });
  });
}
