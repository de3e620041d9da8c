import assert from 'node:assert/strict';
import { DEV_ORGANISER_MAILBOX, devGraph } from '../../scripts/dev-graph';
import { loadConfig } from '../../src/server/config';

describe('scripts/dev-graph', () => {
  it('leaves Graph as configured when DEV_GRAPH_DOUBLE is not set', async () => {
    for (const env of [{}, { DEV_GRAPH_DOUBLE: 'false' }, { DEV_GRAPH_DOUBLE: '' }]) {
      const graph = await devGraph(env);
      assert.deepEqual(graph.env, {});
      assert.equal(graph.baseUrl, undefined);
      await graph.stop();
    }
  });

  it('starts the Graph stand-in and configures the local bot with it, without a token', async () => {
    const graph = await devGraph({ DEV_GRAPH_DOUBLE: 'true' });
    try {
      assert.equal(graph.env.GRAPH_ORGANIZER_MAILBOX, DEV_ORGANISER_MAILBOX);
      assert.equal(graph.env.GRAPH_BASE_URL, graph.baseUrl);
      const config = loadConfig({ LOCAL_MODE: 'true', BOT_ID: '', STORE: 'embedded', ...graph.env });
      assert.deepEqual(
        {
          mailbox: config.graph?.organizerMailbox,
          base: config.graph?.baseUrl,
          withoutToken: config.graph?.withoutToken,
        },
        { mailbox: DEV_ORGANISER_MAILBOX, base: graph.baseUrl, withoutToken: true },
      );
      const response = await fetch(`${graph.baseUrl}/users/${DEV_ORGANISER_MAILBOX}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          subject: 'KOG: Sitzung 2027/1',
          start: { dateTime: '2027-02-11T14:00:00', timeZone: 'Europe/Berlin' },
          end: { dateTime: '2027-02-11T17:00:00', timeZone: 'Europe/Berlin' },
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
        }),
      });
      assert.equal(response.status, 201);
      const event = (await response.json()) as { onlineMeeting?: { joinUrl?: string } };
      assert.match(event.onlineMeeting?.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\//);
    } finally {
      await graph.stop();
    }
    await assert.rejects(fetch(`${graph.baseUrl}/users/x/events/y`), 'stopped with npm run dev');
  });

  it('keeps a mailbox the developer names', async () => {
    const graph = await devGraph({ DEV_GRAPH_DOUBLE: 'true', GRAPH_ORGANIZER_MAILBOX: 'sitzungen@example.org' });
    try {
      assert.equal(graph.env.GRAPH_ORGANIZER_MAILBOX, 'sitzungen@example.org');
    } finally {
      await graph.stop();
    }
  });
});
