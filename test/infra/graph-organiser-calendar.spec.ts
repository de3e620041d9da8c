import { strict as assert } from 'node:assert';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { MeetingEventRequest } from '../../src/app/ports/organiser-calendar';
import { GraphOrganiserCalendar, retryAfterMsOf } from '../../src/infra/graph-organiser-calendar';
import { GraphDouble } from '../support/graph-double';

const MAILBOX = 'gremien@example.org';

const REQUEST: MeetingEventRequest = {
  subject: 'KOG · Sitzung 2027/1',
  bodyHtml: '<p>Sitzungsleitung: Dr. Weber</p>',
  start: { dateTime: '2027-01-28T10:00:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2027-01-28T12:00:00', timeZone: 'Europe/Berlin' },
  location: 'Raum 101',
  attendees: [{ email: 'a.schulz@jobcenter.example', name: 'Anna Schulz', type: 'required' }],
  transactionId: 'tx-1',
};

describe('GraphOrganiserCalendar (against the Graph double)', () => {
  let graph: GraphDouble;
  let calendar: GraphOrganiserCalendar;

  beforeEach(async () => {
    graph = await GraphDouble.start();
    calendar = new GraphOrganiserCalendar({
      baseUrl: graph.baseUrl,
      mailbox: MAILBOX,
      timeZone: 'Europe/Berlin',
      token: async () => 'graph-token',
    });
  });
  afterEach(() => graph.stop());

  it('creates an online Teams event as Graph documents it and reads back the join link', async () => {
    const created = await calendar.createEvent(REQUEST);
    assert.ok(created.ok);
    assert.match(created.value.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    assert.ok(created.value.webLink);
    assert.deepEqual(created.value.attendees, [{ email: 'a.schulz@jobcenter.example', response: 'none' }]);
    const [sent] = graph.requests;
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.path, `/v1.0/users/${encodeURIComponent(MAILBOX)}/events`);
    assert.equal(sent?.authorization, 'Bearer graph-token');
    assert.equal(sent?.prefer, 'outlook.timezone="Europe/Berlin"');
    const body = sent?.body as Event;
    assert.equal(body.isOnlineMeeting, true);
    assert.equal(body.onlineMeetingProvider, 'teamsForBusiness');
    assert.equal(body.transactionId, 'tx-1');
    assert.deepEqual(body.start, { dateTime: '2027-01-28T10:00:00', timeZone: 'Europe/Berlin' });
    assert.deepEqual(body.attendees, [
      { emailAddress: { address: 'a.schulz@jobcenter.example', name: 'Anna Schulz' }, type: 'required' },
    ]);
    assert.deepEqual(body.location, { displayName: 'Raum 101' });
  });

  it('gets the same event back for a create retried with the same transaction id', async () => {
    const first = await calendar.createEvent(REQUEST);
    const again = await calendar.createEvent(REQUEST);
    assert.ok(first.ok && again.ok);
    assert.equal(again.value.id, first.value.id);
    assert.equal(graph.allEvents().length, 1);
  });

  it('updates, reads the answers with their time, and cancels with the comment', async () => {
    const created = await calendar.createEvent(REQUEST);
    assert.ok(created.ok);
    const moved = await calendar.updateEvent(created.value.id, {
      ...REQUEST,
      start: { dateTime: '2027-02-04T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-02-04T12:00:00', timeZone: 'Europe/Berlin' },
    });
    assert.ok(moved.ok);
    assert.equal(graph.requests[1]?.method, 'PATCH');
    assert.equal((graph.requests[1]?.body as Event).transactionId, undefined);
    graph.respond(created.value.id, 'a.schulz@jobcenter.example', 'declined', '2027-01-20T09:15:00Z');
    const read = await calendar.getEvent(created.value.id);
    assert.ok(read.ok);
    assert.deepEqual(read.value.attendees, [
      { email: 'a.schulz@jobcenter.example', response: 'declined', respondedAt: '2027-01-20T09:15:00.000Z' },
    ]);
    assert.match(graph.requests[2]?.path ?? '', /\$select=id,isCancelled,webLink,onlineMeeting,attendees$/);
    const cancelled = await calendar.cancelEvent(created.value.id, 'Die Sitzung entfällt.');
    assert.ok(cancelled.ok);
    assert.deepEqual(graph.cancellations, [{ eventId: created.value.id, comment: 'Die Sitzung entfällt.' }]);
    assert.equal(graph.event(created.value.id)?.isCancelled, true);
  });

  it('reports throttling with its Retry-After, 5xx, and 404 for an event deleted in Outlook', async () => {
    graph.failNext(429, { retryAfterSeconds: 7 });
    const throttled = await calendar.createEvent(REQUEST);
    assert.ok(!throttled.ok);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.retryAfterMs, 7000);
    assert.equal(throttled.code, 'TooManyRequests');
    graph.failNext(503);
    const busy = await calendar.createEvent(REQUEST);
    assert.ok(!busy.ok);
    assert.equal(busy.status, 503);
    const created = await calendar.createEvent(REQUEST);
    assert.ok(created.ok);
    graph.deleteEvent(created.value.id);
    const gone = await calendar.updateEvent(created.value.id, REQUEST);
    assert.ok(!gone.ok);
    assert.equal(gone.status, 404);
    assert.equal(gone.code, 'ErrorItemNotFound');
    assert.doesNotMatch(gone.detail, new RegExp(created.value.id));
  });

  it('sends no token to a local Graph without one, and reports an unreachable Graph as no answer', async () => {
    const local = new GraphOrganiserCalendar({ baseUrl: graph.baseUrl, mailbox: MAILBOX });
    assert.ok((await local.sendMail({ to: { email: 'x@example.org', name: 'X' }, subject: 'S', bodyHtml: '<p/>' })).ok);
    assert.equal(graph.requests[0]?.authorization, undefined);
    assert.equal(graph.mails.length, 1);
    const base = graph.baseUrl;
    await graph.stop();
    const unreachable = await new GraphOrganiserCalendar({ baseUrl: base, mailbox: MAILBOX }).getEvent('x');
    assert.ok(!unreachable.ok);
    assert.equal(unreachable.status, null);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMsOf('3'), 3000);
    assert.equal(retryAfterMsOf(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(retryAfterMsOf('soon'), undefined);
    assert.equal(retryAfterMsOf(null), undefined);
  });
});
