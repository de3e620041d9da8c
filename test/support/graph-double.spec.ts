import { strict as assert } from 'node:assert';
import type { Event } from '@microsoft/microsoft-graph-types';
import { GraphDouble } from './graph-double';

const EVENT: Event = {
  subject: 'Sitzung',
  start: { dateTime: '2027-01-28T10:00:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2027-01-28T12:00:00', timeZone: 'Europe/Berlin' },
  attendees: [{ emailAddress: { address: 'a@example.org', name: 'A' }, type: 'required' }],
};

describe('Graph double', () => {
  let graph: GraphDouble;
  const events = (mailbox = 'gremien@example.org') => `${graph.baseUrl}/users/${encodeURIComponent(mailbox)}/events`;
  const call = async (url: string, method: string, body?: unknown) => {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Event & { error?: { code: string } }) : {} };
  };

  beforeEach(async () => {
    graph = await GraphDouble.start();
  });
  afterEach(() => graph.stop());

  it('makes a Teams meeting only when asked for one with the Teams provider', async () => {
    const plain = await call(events(), 'POST', EVENT);
    assert.equal(plain.status, 201);
    assert.equal(plain.body.onlineMeeting, undefined);
    const online = await call(events(), 'POST', {
      ...EVENT,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    assert.match(online.body.onlineMeeting?.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\//);
    assert.deepEqual(online.body.attendees?.[0]?.status, { response: 'none', time: '0001-01-01T00:00:00Z' });
  });

  it('refuses an event without start or end, as Graph does', async () => {
    const refused = await call(events(), 'POST', { subject: 'x' });
    assert.equal(refused.status, 400);
  });

  it('answers a known transaction id with the first event, per mailbox', async () => {
    const first = await call(events(), 'POST', { ...EVENT, transactionId: 't1' });
    const again = await call(events(), 'POST', { ...EVENT, transactionId: 't1' });
    const elsewhere = await call(events('other@example.org'), 'POST', { ...EVENT, transactionId: 't1' });
    assert.equal(again.body.id, first.body.id);
    assert.notEqual(elsewhere.body.id, first.body.id);
    assert.equal(graph.allEvents().length, 2);
  });

  it('keeps an attendee answer across an update and shows only the selected fields', async () => {
    const created = await call(events(), 'POST', EVENT);
    graph.respond(created.body.id!, 'A@example.org', 'declined', '2027-01-20T09:00:00Z');
    await call(`${events()}/${created.body.id}`, 'PATCH', {
      attendees: [...EVENT.attendees!, { emailAddress: { address: 'b@example.org', name: 'B' }, type: 'required' }],
    });
    const read = await call(`${events()}/${created.body.id}?$select=attendees`, 'GET');
    assert.deepEqual(
      read.body.attendees?.map((attendee) => attendee.status?.response),
      ['declined', 'none'],
    );
    assert.equal(read.body.subject, undefined);
  });

  it('answers 404 ErrorItemNotFound for a deleted event, and injected 429 with Retry-After', async () => {
    const created = await call(events(), 'POST', EVENT);
    graph.deleteEvent(created.body.id!);
    const gone = await call(`${events()}/${created.body.id}/cancel`, 'POST', { comment: 'x' });
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error?.code, 'ErrorItemNotFound');
    graph.failNext(429, { retryAfterSeconds: 3 });
    const response = await fetch(events(), { method: 'POST', body: JSON.stringify(EVENT) });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '3');
    assert.equal(graph.requests.length, 3);
  });
});
